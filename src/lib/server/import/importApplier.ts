/**
 * Applies a confirmed import to the LIVE plan document as one change: a direct connection to
 * the plan's Hocuspocus document and one Yjs transaction, so every open editor sees the rows
 * arrive together and the update log holds them as one entry attributed to the importer.
 *
 * Attribution: Hocuspocus hands a transaction's origin to `onChange` as its "connection" and
 * reads `origin.context` from it; the origin below carries the importer, so the durable log's
 * `onChange` (server-side changes) records the importer's id. `flushServerChanges()` is awaited
 * before success is reported, so an acknowledged import is on disk.
 */
import { runtime } from '$server/runtime';
import { planDocName } from '$lib/domain/docNames';
import {
	addEquipment,
	addProject,
	addStrategy,
	listPlanCatalogue,
	listStrategies,
	putPlanCatalogueEntry
} from '$lib/domain/plan/doc';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import type { PlanCatalogueEntry } from '$lib/domain/plan/types';
import type { ImportPreview } from './projectTable';
import { squash } from './projectTable';

export interface ImportActor {
	id: string;
	displayName: string;
}

export interface ImportResult {
	projectIds: string[];
	equipmentIds: string[];
	newStrategies: string[];
	newPlans: string[];
}

/** The transaction origin of an import (also how tests and the log recognise it). */
export class ImportOrigin {
	readonly kind = 'import';
	constructor(readonly context: { user: ImportActor }) {}
}

const key = (s: string) => squash(s).replace(/^\d+(\.\d+)*\.?/, '');

/** Custom แผนงาน get codes "9xxxx" (after every standard code, §4.2 codes are [U]). */
function nextCustomCode(catalogue: PlanCatalogueEntry[]): string {
	let n = 90001;
	const used = new Set(catalogue.map((c) => c.code));
	while (used.has(String(n))) n++;
	return String(n);
}

/** Writes the accepted rows of `preview` into plan `planId` in one transaction. */
export async function applyImport(planId: string, actor: ImportActor, preview: ImportPreview): Promise<ImportResult> {
	const { collab } = await runtime();
	const origin = new ImportOrigin({ user: actor });
	const connection = await collab.hocuspocus.openDirectConnection(planDocName(planId), { user: actor });
	const result: ImportResult = { projectIds: [], equipmentIds: [], newStrategies: [], newPlans: [] };
	try {
		await connection.transact((doc) => {
			doc.transact(() => {
				const catalogue = listPlanCatalogue(doc);
				// Resolved by name against the plan's catalogue, then the standard list (the preview's
				// code may come from the standard list and not be in this plan's catalogue yet).
				const planCodeOf = (name: string): string => {
					const found = catalogue.find((c) => key(c.name) === key(name));
					if (found) return found.code;
					const standard = STANDARD_PLAN_CATALOGUE.find((c) => key(c.name) === key(name));
					if (standard) {
						putPlanCatalogueEntry(doc, { ...standard });
						catalogue.push({ ...standard });
						return standard.code;
					}
					const entry = { code: nextCustomCode(catalogue), name, sector: 'อื่น ๆ' };
					putPlanCatalogueEntry(doc, entry);
					catalogue.push(entry);
					result.newPlans.push(name);
					return entry.code;
				};
				const strategies = listStrategies(doc);
				const strategyIdOf = (name: string): string => {
					const found = strategies.find((s) => key(s.name) === key(name));
					if (found) return found.id;
					const id = addStrategy(doc, { name });
					strategies.push({ id, name, guidelines: [] });
					result.newStrategies.push(name);
					return id;
				};
				for (const p of preview.projects) {
					result.projectIds.push(
						addProject(doc, {
							strategyId: strategyIdOf(p.strategyName),
							planCode: planCodeOf(p.planName),
							name: p.name,
							activityDetail: p.activityDetail,
							budget: p.budget,
							location: p.location,
							responsibleUnit: p.responsibleUnit,
							remark: p.remark,
							activeMonths: p.activeMonths
						})
					);
				}
				for (const e of preview.equipment) {
					result.equipmentIds.push(
						addEquipment(doc, {
							planCode: planCodeOf(e.planName),
							category: e.category,
							type: e.type,
							item: e.item,
							detail: e.detail,
							quantity: e.quantity,
							unit: e.unit,
							budget: e.budget,
							location: e.location,
							responsibleUnit: e.responsibleUnit,
							activeMonths: e.activeMonths
						})
					);
				}
			}, origin);
		});
		// onChange runs on the next ticks; then wait for the log append it started.
		await new Promise((r) => setImmediate(r));
		const log = collab.durableLog as { flushServerChanges?: () => Promise<void>; flush?: () => Promise<void> };
		if (log.flushServerChanges) await log.flushServerChanges();
	} finally {
		await connection.disconnect();
	}
	return result;
}
