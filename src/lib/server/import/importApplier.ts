/**
 * Applies a confirmed import as one change through the plan store: one Yjs transaction on the
 * current content, stored as one log entry attributed to the importer — only if the plan is
 * still a draft when it commits — and then applied to the live document, so every open editor
 * sees the rows arrive together. A refusal (the plan left draft while the upload was still
 * arriving, or the plan is full) is a PlanWriteRefused for the form to explain.
 */
import type * as Y from 'yjs';
import type { Database } from '../db';
import { writePlan } from '../plan/planStore';
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
import { fundingFor } from '$lib/domain/plan/funding';
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

const key = (s: string) => squash(s).replace(/^\d+(\.\d+)*\.?/, '');

/** Custom แผนงาน get codes "9xxxx" (after every standard code, §4.2 codes are [U]). */
function nextCustomCode(catalogue: PlanCatalogueEntry[]): string {
	let n = 90001;
	const used = new Set(catalogue.map((c) => c.code));
	while (used.has(String(n))) n++;
	return String(n);
}

/** Writes the accepted rows of `preview` into plan `planId` in one transaction; throws PlanWriteRefused. */
export async function applyImport(db: Database, planId: string, actor: ImportActor, preview: ImportPreview): Promise<ImportResult> {
	const { result } = await writePlan(db, planId, { edit: (doc) => importRows(doc, preview) }, { author: actor.id });
	return result;
}

function importRows(doc: Y.Doc, preview: ImportPreview): ImportResult {
	const result: ImportResult = { projectIds: [], equipmentIds: [], newStrategies: [], newPlans: [] };
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
					activeMonths: p.activeMonths,
					fundingSource: fundingFor(p.own, p.responsibleUnit)
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
					activeMonths: e.activeMonths,
					fundingSource: fundingFor(e.own, e.responsibleUnit)
				})
			);
		}
	});
	return result;
}
