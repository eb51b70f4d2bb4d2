/** Change observation: one callback per transaction that touched the plan. */
import type * as Y from 'yjs';
import { FUNDING, ORDER, PLACEMENT, ROOT, TITLE, root } from './keys';

/**
 * What one transaction changed, sorted by what an editor must re-read. The editor's state
 * classes (src/lib/state) use it to update only the rows that changed, so typing in one
 * cell of a 1,000-row plan never re-reads the whole table.
 */
export interface PlanChanges {
	/** Transaction origin (the provider, IndexedDB, or an editor's local origin). */
	origin: unknown;
	/** Projects whose cells changed in place (text, budget, months, …). */
	projectCells: Set<string>;
	/** Every project the transaction touched: changed, added, deleted or moved. */
	projectRows: Set<string>;
	/** A project was added, deleted or placed elsewhere (group or order). */
	projectLayout: boolean;
	/** Equipment rows whose cells changed in place. */
	equipmentCells: Set<string>;
	/** An equipment row was added, deleted or re-ordered. */
	equipmentLayout: boolean;
	/** Every equipment row the transaction touched: changed, added, deleted or moved. */
	equipmentRows: Set<string>;
	/** Strategies, guidelines, แผนงาน groups or the catalogue changed. */
	outline: boolean;
	/** A narrative section was added, deleted, renamed or moved (not its body text). */
	sectionList: boolean;
	/** Something ผด.01 reads changed: a budget, unit, funding source, placement, override. */
	summary: boolean;
	/** Document fields, front matter or revisions changed. */
	meta: boolean;
}

/** Project/equipment keys that ผด.01 and its totals read. */
const SUMMARY_KEYS = new Set(['budget', 'responsibleUnit', FUNDING.type, PLACEMENT, 'planCode', 'quantity']);

/**
 * Calls `onChange` once per transaction that touched the plan, with what it changed.
 * Returns the unsubscribe function.
 */
export function observePlanChanges(doc: Y.Doc, onChange: (changes: PlanChanges) => void): () => void {
	let pending: PlanChanges | null = null;
	const fresh = (origin: unknown): PlanChanges => ({
		origin,
		projectCells: new Set(),
		projectRows: new Set(),
		projectLayout: false,
		equipmentCells: new Set(),
		equipmentRows: new Set(),
		equipmentLayout: false,
		outline: false,
		sectionList: false,
		summary: false,
		meta: false
	});
	const rowChange = (
		events: Y.YEvent<Y.AbstractType<unknown>>[],
		layoutKey: string,
		mark: (c: PlanChanges, id: string) => void,
		layout: (c: PlanChanges) => void,
		touched: (c: PlanChanges) => Set<string>
	) => {
		for (const e of events) {
			const c = pending!;
			const path = e.path;
			if (path.length === 0) {
				layout(c);
				c.summary = true;
				for (const id of e.keys.keys()) touched(c).add(id);
				continue;
			}
			const id = String(path[0]);
			touched(c).add(id);
			if (path.length === 1) {
				if (e.keys.has(layoutKey)) layout(c);
				for (const k of e.keys.keys()) if (SUMMARY_KEYS.has(k) || k.startsWith('funding')) c.summary = true;
			}
			mark(c, id);
		}
	};
	const handlers: [Y.Map<unknown>, (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void][] = [
		[
			root(doc, ROOT.projects),
			(events) =>
				rowChange(
					events,
					PLACEMENT,
					(c, id) => c.projectCells.add(id),
					(c) => (c.projectLayout = true),
					(c) => c.projectRows
				)
		],
		[
			root(doc, ROOT.equipment),
			(events) =>
				rowChange(
					events,
					ORDER,
					(c, id) => c.equipmentCells.add(id),
					(c) => (c.equipmentLayout = true),
					(c) => c.equipmentRows
				)
		],
		...[ROOT.strategies, ROOT.groups, ROOT.catalogue].map(
			(name) =>
				[
					root(doc, name),
					() => {
						pending!.outline = true;
						pending!.summary = true;
					}
				] as [Y.Map<unknown>, () => void]
		),
		[
			root(doc, ROOT.sections),
			(events) => {
				for (const e of events) {
					if (e.path.length === 0 || (e.path.length === 1 && (e.keys.has(TITLE) || e.keys.has(ORDER)))) {
						pending!.sectionList = true;
					}
				}
			}
		],
		[root(doc, ROOT.pd01Units), () => (pending!.summary = pending!.meta = true)],
		...[ROOT.meta, ROOT.front, ROOT.revisions].map(
			(name) => [root(doc, name), () => (pending!.meta = true)] as [Y.Map<unknown>, () => void]
		)
	];
	const wrapped = handlers.map(([type, handle]) => {
		const fn = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
			pending ??= fresh(tr.origin);
			handle(events);
		};
		type.observeDeep(fn);
		return [type, fn] as const;
	});
	// Deep observers run during the transaction's cleanup, before afterTransaction.
	const flush = () => {
		if (!pending) return;
		const c = pending;
		pending = null;
		onChange(c);
	};
	doc.on('afterTransaction', flush);
	return () => {
		for (const [type, fn] of wrapped) type.unobserveDeep(fn);
		doc.off('afterTransaction', flush);
	};
}

/** Two changes as one (the later origin): for callers that apply several transactions at once. */
export function mergePlanChanges(a: PlanChanges, b: PlanChanges): PlanChanges {
	const union = (x: Set<string>, y: Set<string>) => new Set([...x, ...y]);
	return {
		origin: b.origin,
		projectCells: union(a.projectCells, b.projectCells),
		projectRows: union(a.projectRows, b.projectRows),
		projectLayout: a.projectLayout || b.projectLayout,
		equipmentCells: union(a.equipmentCells, b.equipmentCells),
		equipmentRows: union(a.equipmentRows, b.equipmentRows),
		equipmentLayout: a.equipmentLayout || b.equipmentLayout,
		outline: a.outline || b.outline,
		sectionList: a.sectionList || b.sectionList,
		summary: a.summary || b.summary,
		meta: a.meta || b.meta
	};
}

/** Only cells changed in place (text, months): nothing ผด.01, the layout or the outline reads. */
export function onlyCellsInPlace(c: PlanChanges): boolean {
	return !(c.projectLayout || c.equipmentLayout || c.outline || c.sectionList || c.summary || c.meta);
}
