/** Projects (ผด.02 rows): add, edit cell by cell, move between groups, list in print order. */
import * as Y from 'yjs';
import { compareOrdered, placeAt, type Ordered } from '../order';
import type { FundingSource, LocalDevPlanRef, Month, PlanGroup, Project, Satang } from '../types';
import { PLACEMENT, PROJECT_TEXT_FIELDS, ROOT, root, type ProjectTextField } from './keys';
import { DEFAULT_FUNDING, assertSatang, readFunding, readMonths, readRef, setMonthFlag, writeField, writeFunding, writeMonths } from './cells';
import { addPlanGroup, listPlanGroups, planGroupId, readPlacement, type PlacementValue } from './groups';
import { listStrategies } from './outline';
import { clone, newId, num, rowsOf, str, transact, type YRow } from './rows';

function readProject(id: string, row: YRow): Project {
	const p = readPlacement(row);
	const gid = row.get('guidelineId');
	const remark = row.get('remark');
	return {
		id,
		strategyId: p.strategyId,
		planCode: p.planCode,
		name: str(row, 'name'),
		activityDetail: str(row, 'activityDetail'),
		budget: num(row, 'budget'),
		location: str(row, 'location'),
		responsibleUnit: str(row, 'responsibleUnit'),
		activeMonths: readMonths(row),
		guidelineId: typeof gid === 'string' ? gid : null,
		fundingSource: readFunding(row),
		localDevPlanRef: readRef(row),
		remark: typeof remark === 'string' ? remark : null
	};
}

/** Fields a new project starts with; only its group is required. */
export type NewProject = Partial<Omit<Project, 'strategyId' | 'planCode'>> & Pick<Project, 'strategyId' | 'planCode'>;

/**
 * Adds a project at `index` within its (strategy, แผนงาน) group (default: last), declaring
 * the group when needed. Returns the id.
 */
export function addProject(doc: Y.Doc, input: NewProject, index?: number): string {
	const id = input.id ?? newId('PJ');
	const budget = input.budget ?? 0;
	assertSatang(budget);
	const projects = root(doc, ROOT.projects);
	if (projects.has(id)) throw new RangeError(`project id already used: ${id}`);
	transact(doc, () => {
		addPlanGroup(doc, input.strategyId, input.planCode);
		const siblings = groupSiblings(doc, input.strategyId, input.planCode, id);
		const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
		const row = new Y.Map<unknown>();
		projects.set(id, row);
		row.set(PLACEMENT, { strategyId: input.strategyId, planCode: input.planCode, order });
		for (const f of PROJECT_TEXT_FIELDS) row.set(f, new Y.Text(input[f] ?? ''));
		row.set('budget', budget);
		row.set('responsibleUnit', input.responsibleUnit ?? '');
		row.set('guidelineId', input.guidelineId ?? null);
		row.set('remark', input.remark ?? null);
		row.set('localDevPlanRef', input.localDevPlanRef ? clone(input.localDevPlanRef) : null);
		writeFunding(row, input.fundingSource ?? DEFAULT_FUNDING);
		writeMonths(row, input.activeMonths ?? []);
		applyRekey(doc, rekeyed);
	});
	return id;
}

function groupSiblings(doc: Y.Doc, strategyId: string, planCode: string, excludeId: string): Ordered[] {
	const out: Ordered[] = [];
	for (const [id, row] of rowsOf(root(doc, ROOT.projects))) {
		if (id === excludeId) continue;
		const p = readPlacement(row);
		if (p.strategyId === strategyId && p.planCode === planCode) out.push({ id, order: p.order });
	}
	return out.sort(compareOrdered);
}

/**
 * Re-keys neighbours that shared a key (only after concurrent inserts). It rewrites their
 * whole placement, so in the rare case that one of them is being moved elsewhere at the
 * same moment, one of the two placements wins — the row still exists exactly once.
 */
function applyRekey(doc: Y.Doc, rekeyed: Ordered[]): void {
	for (const r of rekeyed) {
		const row = root(doc, ROOT.projects).get(r.id);
		if (row instanceof Y.Map) row.set(PLACEMENT, { ...readPlacement(row as YRow), order: r.order });
	}
}

/** What ผด.01 reads of one project (no text cells): its placement, budget, unit and funding type. */
export interface ProjectTallyFacts extends PlacementValue {
	budget: Satang;
	responsibleUnit: string;
	own: boolean;
}

function readTallyFacts(row: YRow): ProjectTallyFacts {
	return { ...readPlacement(row), budget: num(row, 'budget'), responsibleUnit: str(row, 'responsibleUnit'), own: readFunding(row).type === 'own' };
}

/** ผด.01 facts of one project, or null when it does not exist. */
export function getProjectTallyFacts(doc: Y.Doc, id: string): ProjectTallyFacts | null {
	const row = root(doc, ROOT.projects).get(id);
	return row instanceof Y.Map ? readTallyFacts(row as YRow) : null;
}

/** ผด.01 facts of every project, by id (the one full read, when a tally starts). */
export function listProjectTallyFacts(doc: Y.Doc): Map<string, ProjectTallyFacts> {
	return new Map(rowsOf(root(doc, ROOT.projects)).map(([id, row]) => [id, readTallyFacts(row)]));
}

export function getProject(doc: Y.Doc, id: string): Project | null {
	const row = root(doc, ROOT.projects).get(id);
	return row instanceof Y.Map ? readProject(id, row as YRow) : null;
}

/** Values of the editable project cells (placement changes go through moveProject). */
export interface ProjectFields {
	name: string;
	activityDetail: string;
	location: string;
	budget: Satang;
	responsibleUnit: string;
	guidelineId: string | null;
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
	remark: string | null;
}

/**
 * Sets one cell. Text cells get a minimal character edit, so concurrent typing elsewhere
 * in the cell survives; the funding source writes only its changed parts. Returns false
 * when the project no longer exists (e.g. deleted by someone else).
 */
export function updateProjectField<K extends keyof ProjectFields>(
	doc: Y.Doc,
	id: string,
	field: K,
	value: ProjectFields[K]
): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	transact(doc, () => writeField(row as YRow, field, value));
	return true;
}

/**
 * The Y.Text of a project text cell, for an input bound character by character (the state
 * layer's binding point; everything else should use updateProjectField).
 */
export function getProjectText(doc: Y.Doc, id: string, field: ProjectTextField): Y.Text | null {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return null;
	const t = row.get(field);
	return t instanceof Y.Text ? t : null;
}

/** Ticks or unticks one month of the grid; other months are untouched. */
export function setMonth(doc: Y.Doc, id: string, month: Month, on: boolean): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	setMonthFlag(row as YRow, month, on);
	return true;
}

/** Where to move a project: another group and/or a position (index within the target group). */
export interface ProjectTarget {
	strategyId?: string;
	planCode?: string;
	/** Position among the target group's other rows; default last. */
	index?: number;
}

/**
 * Moves a project by rewriting its placement (one atomic value), never by delete +
 * insert. A move to another strategy clears a guideline that does not belong there (§8.1).
 */
export function moveProject(doc: Y.Doc, id: string, target: ProjectTarget): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	const cur = readPlacement(row as YRow);
	const strategyId = target.strategyId ?? cur.strategyId;
	const planCode = target.planCode ?? cur.planCode;
	transact(doc, () => {
		addPlanGroup(doc, strategyId, planCode);
		const siblings = groupSiblings(doc, strategyId, planCode, id);
		const { order, rekeyed } = placeAt(siblings, target.index ?? siblings.length);
		row.set(PLACEMENT, { strategyId, planCode, order });
		applyRekey(doc, rekeyed);
		if (strategyId !== cur.strategyId) {
			const gid = row.get('guidelineId');
			const valid = listStrategies(doc)
				.find((s) => s.id === strategyId)
				?.guidelines.some((g) => g.id === gid);
			if (gid !== null && !valid) row.set('guidelineId', null);
		}
	});
	return true;
}

export function deleteProject(doc: Y.Doc, id: string): boolean {
	const projects = root(doc, ROOT.projects);
	if (!projects.has(id)) return false;
	projects.delete(id);
	return true;
}

/** Copies a project (cells, months, funding) into a new row right below it; null if gone. */
export function duplicateProject(doc: Y.Doc, id: string): string | null {
	const p = getProject(doc, id);
	if (!p) return null;
	const siblings = groupSiblings(doc, p.strategyId, p.planCode, '');
	const at = siblings.findIndex((s) => s.id === id);
	const { id: _old, ...fields } = p;
	let newIdValue = '';
	transact(doc, () => (newIdValue = addProject(doc, fields, at + 1)));
	return newIdValue;
}

/** A project with its order key within its group, for callers that keep rows sorted themselves. */
export interface PlacedProject {
	project: Project;
	order: string;
}

/** Row order within a group, as listGroupedProjects sorts: order key, then id. */
export function compareOrderedRows(a: PlacedProject, b: PlacedProject): number {
	return compareOrdered({ id: a.project.id, order: a.order }, { id: b.project.id, order: b.order });
}

/** One project and its order key, or null when it does not exist. */
export function getPlacedProject(doc: Y.Doc, id: string): PlacedProject | null {
	const row = root(doc, ROOT.projects).get(id);
	return row instanceof Y.Map ? { project: readProject(id, row as YRow), order: readPlacement(row as YRow).order } : null;
}

/** Every project with its order key, unsorted (the one full read when a table starts). */
export function listPlacedProjects(doc: Y.Doc): PlacedProject[] {
	return rowsOf(root(doc, ROOT.projects)).map(([id, row]) => ({ project: readProject(id, row), order: readPlacement(row).order }));
}

/** All projects in print order: group order (strategy, then แผนงาน), then row order, then id. */
export function listProjects(doc: Y.Doc): Project[] {
	return listGroupedProjects(doc).flatMap((g) => g.projects);
}

/** Projects per group, groups in print order (including empty declared groups). */
export function listGroupedProjects(doc: Y.Doc): { group: PlanGroup; projects: Project[] }[] {
	const byGroup = new Map<string, { order: string; project: Project }[]>();
	for (const [id, row] of rowsOf(root(doc, ROOT.projects))) {
		const p = readPlacement(row);
		const gid = planGroupId(p.strategyId, p.planCode);
		const list = byGroup.get(gid) ?? [];
		list.push({ order: p.order, project: readProject(id, row) });
		byGroup.set(gid, list);
	}
	return listPlanGroups(doc).map((group) => ({
		group,
		projects: (byGroup.get(group.id) ?? [])
			.sort((a, b) => compareOrdered({ id: a.project.id, order: a.order }, { id: b.project.id, order: b.order }))
			.map((r) => r.project)
	}));
}
