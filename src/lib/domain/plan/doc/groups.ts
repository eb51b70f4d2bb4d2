/**
 * แผนงาน groups (one per strategy and แผนงาน) and a project's placement in one: the group
 * list is built from the declared groups plus any group a project points at.
 */
import type * as Y from 'yjs';
import { compareOrdered, placeAt, type Ordered } from '../order';
import type { PlanGroup } from '../types';
import { PLACEMENT, ROOT, root } from './keys';
import { listStrategies } from './outline';
import { isRecord, rowsOf, transact, type YRow } from './rows';

/** The id of a (strategy, แผนงาน) group, as in the interchange JSON. */
export function planGroupId(strategyId: string, planCode: string): string {
	return `${strategyId}-${planCode}`;
}

/** Where a project sits: its group and its order key within the group (one atomic value). */
export interface PlacementValue {
	strategyId: string;
	planCode: string;
	order: string;
}

export function readPlacement(row: YRow): PlacementValue {
	const v = row.get(PLACEMENT);
	if (!isRecord(v)) return { strategyId: '', planCode: '', order: '' };
	return { strategyId: String(v.strategyId ?? ''), planCode: String(v.planCode ?? ''), order: String(v.order ?? '') };
}

interface GroupRecord extends PlanGroup, Ordered {}

function readGroupRecords(doc: Y.Doc): GroupRecord[] {
	const out: GroupRecord[] = [];
	root(doc, ROOT.groups).forEach((v, id) => {
		if (isRecord(v) && typeof v.strategyId === 'string' && typeof v.planCode === 'string') {
			out.push({ id, strategyId: v.strategyId, planCode: v.planCode, order: String(v.order ?? '') });
		}
	});
	return out;
}

/**
 * Groups in print order: strategy order, then group order within the strategy. A project
 * can point at a group nobody declared (a move racing a group delete); such groups are
 * listed after the declared ones, so no row ever disappears from the table.
 */
export function listPlanGroups(doc: Y.Doc, placements: Iterable<Pick<PlacementValue, 'strategyId' | 'planCode'>> = projectPlacements(doc)): PlanGroup[] {
	const strategyRank = new Map(listStrategies(doc).map((s, i) => [s.id, i]));
	const records = readGroupRecords(doc);
	const known = new Set(records.map((g) => g.id));
	const implied = new Map<string, GroupRecord>();
	for (const p of placements) {
		const id = planGroupId(p.strategyId, p.planCode);
		if (!known.has(id) && !implied.has(id)) {
			implied.set(id, { id, strategyId: p.strategyId, planCode: p.planCode, order: '\uffff' + p.planCode });
		}
	}
	const rank = (s: string) => strategyRank.get(s) ?? Number.MAX_SAFE_INTEGER;
	return [...records, ...implied.values()]
		.sort((a, b) => rank(a.strategyId) - rank(b.strategyId) || cmp(a.strategyId, b.strategyId) || compareOrdered(a, b))
		.map(({ id, strategyId, planCode }) => ({ id, strategyId, planCode }));
}

/** Every project's placement (the default for listPlanGroups). */
function projectPlacements(doc: Y.Doc): PlacementValue[] {
	return rowsOf(root(doc, ROOT.projects)).map(([, row]) => readPlacement(row));
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Declares a group (idempotent) at `index` among the strategy's groups; returns its id. */
export function addPlanGroup(doc: Y.Doc, strategyId: string, planCode: string, index?: number): string {
	const id = planGroupId(strategyId, planCode);
	const groups = root(doc, ROOT.groups);
	if (groups.has(id)) return id;
	const siblings = readGroupRecords(doc)
		.filter((g) => g.strategyId === strategyId)
		.sort(compareOrdered);
	const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
	transact(doc, () => {
		groups.set(id, { strategyId, planCode, order });
		for (const r of rekeyed) setGroupOrder(doc, r.id, r.order);
	});
	return id;
}

function setGroupOrder(doc: Y.Doc, id: string, order: string): void {
	const g = root(doc, ROOT.groups).get(id);
	if (isRecord(g)) root(doc, ROOT.groups).set(id, { strategyId: g.strategyId, planCode: g.planCode, order });
}

/** Moves a group within its strategy. */
export function movePlanGroup(doc: Y.Doc, id: string, index: number): boolean {
	const records = readGroupRecords(doc);
	const g = records.find((r) => r.id === id);
	if (!g) return false;
	const siblings = records.filter((r) => r.strategyId === g.strategyId && r.id !== id).sort(compareOrdered);
	const { order, rekeyed } = placeAt(siblings, index);
	transact(doc, () => {
		setGroupOrder(doc, id, order);
		for (const r of rekeyed) setGroupOrder(doc, r.id, r.order);
	});
	return true;
}
