/**
 * The ผด.02 project table: rows grouped ยุทธศาสตร์ → แผนงาน in print order, kept current
 * as people edit. Only rows a transaction touched are re-read (`applyChanges`), so typing
 * into one cell of a 1,000-project plan costs one row read; when rows are added, deleted or
 * moved, or the outline changes, the grouping is re-sorted from the rows already read (plus
 * the touched ones) — the document is read whole only once, when the table starts.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Sets here are private indexes rebuilt whole on each read; the UI reads the $state.raw values they produce, never the collections. */
import type * as Y from 'yjs';
import {
	addProject,
	deleteProject,
	duplicateProject,
	getCellText,
	compareOrderedRows,
	getMeta,
	getPlacedProject,
	listPlacedProjects,
	listPlanGroups,
	listPlanCatalogue,
	listStrategies,
	moveProject,
	setMonth,
	planGroupId,
	updateProjectField,
	type PlacedProject,
	type PlanChanges
} from '$lib/domain/plan/doc';
import { formatBaht } from '$lib/domain/plan/money';
import type { Month, PlanGroup, Project } from '$lib/domain/plan/types';
import { withNumerals } from '$lib/domain/thai';
import { translate, type Locale } from '$lib/i18n';
import { monthColumns, type ColumnDef, type DataRow, type GridRecord, type GridRow, type HeadingRow } from './grid';
import { GridTable, type LocalOrigins } from './GridTable.svelte';

/** One project as the grid reads it; `data` is replaced when the project changes. */
export class ProjectRow implements GridRecord {
	readonly id: string;
	data = $state.raw() as Project;

	constructor(project: Project) {
		this.id = project.id;
		this.data = project;
	}

	display(col: string): string {
		const p = this.data;
		switch (col) {
			case 'name':
			case 'activityDetail':
			case 'location':
			case 'responsibleUnit':
				return p[col];
			case 'budget':
				return formatBaht(p.budget);
			default:
				return '';
		}
	}

	editText(col: string): string {
		return col === 'budget' ? formatBaht(this.data.budget, { zero: 'number' }) : this.display(col);
	}

	get months(): readonly Month[] {
		return this.data.activeMonths;
	}
}

/** A (ยุทธศาสตร์, แผนงาน) group a row can be moved to. */
export interface GroupChoice {
	id: string;
	strategyId: string;
	planCode: string;
	label: string;
}

export class ProjectTable extends GridTable {
	readonly table = 'projects' as const;
	readonly #locale: Locale;
	readonly #fallbackYear: number;
	#rowsById = new Map<string, ProjectRow>();
	/** The grid rows of the last rebuild, reused when unchanged. */
	#dataRows = new Map<string, DataRow>();
	/** Every project as last read, with its order key; kept current from the touched rows. */
	#placed = new Map<string, PlacedProject>();
	#groupSizes = new Map<string, number>();
	#groups = $state.raw<GroupChoice[]>([]);
	#count = $state(0);

	constructor(doc: Y.Doc, origins: LocalOrigins, options: { locale: Locale; fiscalYear: number }) {
		super(doc, origins);
		this.#locale = options.locale;
		this.#fallbackYear = options.fiscalYear;
		this.#rebuild();
	}

	/** Groups in print order, for "move to group". */
	get groups() {
		return this.#groups;
	}
	/** Number of projects. */
	get count() {
		return this.#count;
	}

	/** Number of projects in a group (for the outline editor). */
	groupSize(groupId: string): number {
		return this.#groupSizes.get(groupId) ?? 0;
	}

	/** Re-reads what a transaction changed. */
	applyChanges(c: PlanChanges) {
		if (c.projectLayout || c.outline || c.meta) {
			this.#rebuild(c.projectRows);
			return;
		}
		for (const id of c.projectCells) {
			const row = this.#rowsById.get(id);
			const placed = row && getPlacedProject(this.doc, id);
			if (row && placed) {
				row.data = placed.project;
				this.#placed.set(id, placed);
			}
		}
	}

	/** Re-reads `touched` rows (all rows the first time) and rebuilds the grouping. */
	#rebuild(touched?: Iterable<string>) {
		if (!touched) this.#placed = new Map(listPlacedProjects(this.doc).map((x) => [x.project.id, x]));
		else {
			for (const id of touched) {
				const x = getPlacedProject(this.doc, id);
				if (x) this.#placed.set(id, x);
				else this.#placed.delete(id);
			}
		}
		const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(this.#locale, k, p);
		const meta = getMeta(this.doc);
		const numerals = meta.numerals;
		const fiscalYear = meta.fiscalYear || this.#fallbackYear;
		const departments = meta.organization.departments;
		this.setColumns([
			{ key: 'seq', label: t('colSeq'), kind: 'seq', width: 44, align: 'center' },
			{ key: 'name', label: t('colProject'), kind: 'text', width: 220 },
			{ key: 'activityDetail', label: t('colActivityDetail'), kind: 'text', width: 240 },
			{ key: 'budget', label: t('colBudget'), kind: 'budget', width: 112, align: 'end' },
			{ key: 'location', label: t('colLocation'), kind: 'text', width: 140 },
			{ key: 'responsibleUnit', label: t('colResponsibleUnit'), kind: 'plain', width: 130, suggestions: departments },
			...monthColumns(this.#locale, fiscalYear)
		] satisfies ColumnDef[]);

		const names = new Map(listPlanCatalogue(this.doc).map((c) => [c.code, c.name]));
		const strategies = listStrategies(this.doc);
		const grouped = this.#grouped();
		const old = this.#rowsById;
		const oldData = this.#dataRows;
		const dataRows = new Map<string, DataRow>();
		const byId = new Map<string, ProjectRow>();
		const rows: GridRow[] = [];
		const groups: GroupChoice[] = [];
		const num = (s: string) => withNumerals(s, numerals);
		const strategyNo = new Map(strategies.map((s, i) => [s.id, i + 1]));
		let count = 0;
		// Strategies in order, each followed by its groups; groups of unknown strategies last.
		const order = [...strategies.map((s) => s.id), ...new Set(grouped.map((g) => g.group.strategyId).filter((id) => !strategyNo.has(id)))];
		for (const sid of order) {
			const s = strategies.find((x) => x.id === sid);
			const sNo = strategyNo.get(sid);
			const own = grouped.filter((g) => g.group.strategyId === sid);
			const strategyRows: ProjectRow[] = [];
			const heading: HeadingRow = {
				kind: 'heading',
				key: `s:${sid}`,
				level: 1,
				label: s ? `${num(String(sNo))}. ${s.name}` : t('unknownStrategy', { id: sid }),
				get detail() {
					return summarize(strategyRows, t);
				}
			};
			rows.push(heading);
			own.forEach(({ group, projects }, gi) => {
				const gNo = sNo ? `${num(`${sNo}.${gi + 1}`)} ` : '';
				const label = `${gNo}${names.get(group.planCode) ?? group.planCode}`;
				groups.push({ id: group.id, strategyId: group.strategyId, planCode: group.planCode, label: `${s ? num(String(sNo)) + '. ' : ''}${label}` });
				const groupRows: ProjectRow[] = [];
				rows.push({
					kind: 'heading',
					key: `g:${group.id}`,
					level: 2,
					label,
					get detail() {
						return summarize(groupRows, t);
					}
				});
				this.#groupSizes.set(group.id, projects.length);
				projects.forEach((p, i) => {
					let row = old.get(p.id);
					// Untouched rows keep their data object, so the grid does not redraw them.
					if (row && row.data !== p) row.data = p;
					else if (!row) row = new ProjectRow(p);
					byId.set(p.id, row);
					groupRows.push(row);
					strategyRows.push(row);
					// The same row object when nothing in it moved: the grid redraws only rows that changed.
					const prev = oldData.get(p.id);
					const data =
						prev && prev.seq === i + 1 && prev.group === group.id && prev.groupSize === projects.length && prev.record === row
							? prev
							: ({ kind: 'data', key: p.id, seq: i + 1, group: group.id, index: i, groupSize: projects.length, record: row } satisfies DataRow);
					dataRows.set(p.id, data);
					rows.push(data);
				});
				count += projects.length;
				rows.push({ kind: 'add', key: `a:${group.id}`, target: group.id, label: t('addProjectHere') });
			});
		}
		this.#rowsById = byId;
		this.#dataRows = dataRows;
		this.rowsState = rows;
		this.#groups = groups;
		this.#count = count;
	}

	/** Projects per group, groups in print order, from the rows read (as listGroupedProjects). */
	#grouped(): { group: PlanGroup; projects: Project[] }[] {
		const byGroup = new Map<string, PlacedProject[]>();
		for (const x of this.#placed.values()) {
			const gid = planGroupId(x.project.strategyId, x.project.planCode);
			const list = byGroup.get(gid);
			if (list) list.push(x);
			else byGroup.set(gid, [x]);
		}
		this.#groupSizes = new Map();
		return listPlanGroups(this.doc, [...this.#placed.values()].map((x) => x.project)).map((group) => ({
			group,
			projects: (byGroup.get(group.id) ?? []).sort(compareOrderedRows).map((x) => x.project)
		}));
	}

	textFor(rowId: string, col: string): Y.Text | null {
		return getCellText(this.doc, 'projects', rowId, col);
	}
	protected writeBudget(rowId: string, satang: number) {
		return updateProjectField(this.doc, rowId, 'budget', satang);
	}
	protected writePlain(rowId: string, col: string, value: string | number) {
		if (col !== 'responsibleUnit') return false;
		return updateProjectField(this.doc, rowId, col, String(value));
	}
	protected writeMonth(rowId: string, month: Month, on: boolean) {
		return setMonth(this.doc, rowId, month, on);
	}
	protected writeText(rowId: string, col: string, text: string) {
		if (col !== 'name' && col !== 'activityDetail' && col !== 'location') return false;
		return updateProjectField(this.doc, rowId, col, text);
	}
	protected appendRows(groupId: string, count: number): string[] {
		const g = this.#groups.find((x) => x.id === groupId);
		if (!g) return [];
		return Array.from({ length: count }, () => addProject(this.doc, { strategyId: g.strategyId, planCode: g.planCode, activeMonths: [] }));
	}
	protected monthsOf(rowId: string) {
		return this.#rowsById.get(rowId)?.data.activeMonths ?? null;
	}

	/** Adds an empty project at the end of a group, or right below `afterId`; returns its id. */
	add(groupId: string, afterId?: string): string | null {
		const g = this.#groups.find((x) => x.id === groupId);
		if (!g) return null;
		const after = afterId ? this.#position(afterId) : null;
		return this.transact(() =>
			addProject(this.doc, { strategyId: g.strategyId, planCode: g.planCode }, after && after.group === groupId ? after.index + 1 : undefined)
		);
	}

	/** Adds a copy right below a project; returns the copy's id. */
	duplicate(id: string): string | null {
		return this.transact(() => duplicateProject(this.doc, id));
	}

	remove(id: string): boolean {
		return this.transact(() => deleteProject(this.doc, id));
	}

	/** Moves a project one place up (-1) or down (+1) within its group. */
	move(id: string, delta: -1 | 1): boolean {
		const at = this.#position(id);
		if (!at) return false;
		const index = at.index + delta;
		if (index < 0 || index >= at.groupSize) return false;
		return this.transact(() => moveProject(this.doc, id, { index }));
	}

	/** Moves a project to the end of another (ยุทธศาสตร์, แผนงาน) group. */
	moveTo(id: string, groupId: string): boolean {
		const g = this.#groups.find((x) => x.id === groupId);
		if (!g) return false;
		return this.transact(() => moveProject(this.doc, id, { strategyId: g.strategyId, planCode: g.planCode }));
	}

	/** The group and index of a project row. */
	#position(id: string): DataRow | null {
		return (this.rowsState.find((r) => r.kind === 'data' && r.key === id) as DataRow | undefined) ?? null;
	}
}

function summarize(rows: readonly ProjectRow[], t: (k: 'groupSummary', p: Record<string, string | number>) => string): string {
	let total = 0;
	for (const r of rows) total += r.data.budget;
	return t('groupSummary', { count: rows.length, budget: formatBaht(total, { zero: 'number' }) });
}
