/**
 * How two versions of a plan differ in shape rather than in a cell: the outline (ยุทธศาสตร์,
 * แนวทางการพัฒนา, แผนงาน under each, the แผนงาน names) and the rows (added, removed, moved
 * to another แผนงาน, put in another order). The review of edits the server refused lists these
 * beside the changed cells, so nothing made offline is dropped without a word.
 *
 * Each change names where it is, what kind it is (`field`, a key the UI labels) and both
 * versions as people read them ('' where one side has nothing).
 */
import { formatBaht } from './money';
import type { Plan } from './types';

export interface StructureChange {
	where: string;
	field: StructureField;
	server: string;
	mine: string;
}

export type StructureField =
	| 'strategy'
	| 'strategyOrder'
	| 'guideline'
	| 'planGroup'
	| 'groupOrder'
	| 'planName'
	| 'rowAdded'
	| 'rowRemoved'
	| 'rowMoved'
	| 'rowOrder';

export const STRUCTURE_FIELDS: readonly StructureField[] = ['strategy', 'strategyOrder', 'guideline', 'planGroup', 'groupOrder', 'planName', 'rowAdded', 'rowRemoved', 'rowMoved', 'rowOrder'];

/** Numbered names, one a line: an order people can compare. */
const numbered = (names: string[]) => names.map((n, i) => `${i + 1}. ${n}`).join('\n');

/** Ids both lists hold, in each list's order; null when that order is the same. */
function orderChange(before: string[], after: string[]): [string[], string[]] | null {
	const common = new Set(before.filter((id) => after.includes(id)));
	const a = before.filter((id) => common.has(id));
	const b = after.filter((id) => common.has(id));
	return a.length > 1 && a.some((id, i) => b[i] !== id) ? [a, b] : null;
}

/** Added, removed and renamed entries of two keyed lists. */
function listChanges<T>(before: T[], after: T[], key: (x: T) => string, name: (x: T) => string, push: (server: string, mine: string, x: T) => void) {
	const b = new Map(before.map((x) => [key(x), x]));
	const a = new Map(after.map((x) => [key(x), x]));
	for (const [k, x] of a) {
		const old = b.get(k);
		if (!old) push('', name(x), x);
		else if (name(old) !== name(x)) push(name(old), name(x), x);
	}
	for (const [k, x] of b) if (!a.has(k)) push(name(x), '', x);
}

export function structureChanges(server: Plan, mine: Plan): StructureChange[] {
	const out: StructureChange[] = [];
	const add = (where: string, field: StructureField, s: string, m: string) => out.push({ where, field, server: s, mine: m });

	const planName = (plan: Plan, code: string) => plan.catalogue.find((c) => c.code === code)?.name ?? '';
	const strategyName = (plan: Plan, id: string) => plan.strategies.find((s) => s.id === id)?.name ?? '';
	const groupLabel = (plan: Plan, strategyId: string, code: string) => `${strategyName(plan, strategyId)} › ${code} ${planName(plan, code)}`.trim();
	const either = (id: string) => strategyName(mine, id) || strategyName(server, id);

	// ยุทธศาสตร์: added, removed, renamed, reordered; their แนวทาง.
	listChanges(server.strategies, mine.strategies, (s) => s.id, (s) => s.name, (s, m) => add(m || s, 'strategy', s, m));
	const strategyOrder = orderChange(server.strategies.map((s) => s.id), mine.strategies.map((s) => s.id));
	if (strategyOrder) add('', 'strategyOrder', numbered(strategyOrder[0].map((id) => strategyName(server, id))), numbered(strategyOrder[1].map((id) => strategyName(mine, id))));
	for (const s of mine.strategies) {
		const before = server.strategies.find((x) => x.id === s.id);
		if (before) listChanges(before.guidelines, s.guidelines, (g) => g.id, (g) => g.name, (bs, m) => add(s.name, 'guideline', bs, m));
	}

	// แผนงาน under each ยุทธศาสตร์, their order, and the names of the แผนงาน.
	listChanges(server.groups, mine.groups, (g) => g.id, (g) => g.planCode, (s, m, g) =>
		add(either(g.strategyId), 'planGroup', s && `${s} ${planName(server, s)}`.trim(), m && `${m} ${planName(mine, m)}`.trim())
	);
	for (const s of mine.strategies) {
		const ids = (plan: Plan) => plan.groups.filter((g) => g.strategyId === s.id).map((g) => g.id);
		const order = orderChange(ids(server), ids(mine));
		const code = (plan: Plan, id: string) => plan.groups.find((g) => g.id === id)?.planCode ?? '';
		if (order) add(s.name, 'groupOrder', numbered(order[0].map((id) => `${code(server, id)} ${planName(server, code(server, id))}`)), numbered(order[1].map((id) => `${code(mine, id)} ${planName(mine, code(mine, id))}`)));
	}
	listChanges(server.catalogue, mine.catalogue, (c) => c.code, (c) => c.name, (s, m, c) => add(c.code, 'planName', s, m));

	// Rows of ผด.02: added, removed, moved to another แผนงาน, reordered within one.
	const projectSummary = (p: Plan['projects'][number]) => `${p.name} · ${formatBaht(p.budget, { zero: 'number' })}`;
	const projectGroup = (plan: Plan, p: Plan['projects'][number]) => groupLabel(plan, p.strategyId, p.planCode);
	rows(
		server.projects,
		mine.projects,
		(p) => p.name,
		projectSummary,
		(p) => `${p.strategyId}\u0000${p.planCode}`,
		(p) => projectGroup(server, p),
		(p) => projectGroup(mine, p),
		add
	);
	// Rows of ผด.02/1 (ครุภัณฑ์), by แผนงาน.
	const equipmentSummary = (e: Plan['equipment'][number]) => `${e.item} · ${formatBaht(e.budget, { zero: 'number' })}`;
	rows(
		server.equipment,
		mine.equipment,
		(e) => e.item,
		equipmentSummary,
		(e) => e.planCode,
		(e) => `${e.planCode} ${planName(server, e.planCode)}`.trim(),
		(e) => `${e.planCode} ${planName(mine, e.planCode)}`.trim(),
		add
	);
	return out;
}

function rows<R extends { id: string }>(
	server: R[],
	mine: R[],
	name: (r: R) => string,
	summary: (r: R) => string,
	groupKey: (r: R) => string,
	serverGroup: (r: R) => string,
	mineGroup: (r: R) => string,
	add: (where: string, field: StructureField, server: string, mine: string) => void
) {
	const before = new Map(server.map((r) => [r.id, r]));
	const after = new Map(mine.map((r) => [r.id, r]));
	for (const r of mine) if (!before.has(r.id)) add(name(r), 'rowAdded', '', `${mineGroup(r)}: ${summary(r)}`);
	for (const r of server) if (!after.has(r.id)) add(name(r), 'rowRemoved', `${serverGroup(r)}: ${summary(r)}`, '');
	for (const r of mine) {
		const old = before.get(r.id);
		if (old && groupKey(old) !== groupKey(r)) add(name(r), 'rowMoved', serverGroup(old), mineGroup(r));
	}
	// Order within each group both versions share (rows moved elsewhere are listed above).
	const keys = new Set(mine.map(groupKey));
	for (const key of keys) {
		const ids = (list: R[]) => list.filter((r) => groupKey(r) === key).map((r) => r.id);
		const order = orderChange(ids(server), ids(mine));
		if (!order) continue;
		const first = after.get(order[1][0])!;
		add(mineGroup(first), 'rowOrder', numbered(order[0].map((id) => name(before.get(id)!))), numbered(order[1].map((id) => name(after.get(id)!))));
	}
}
