/** The plan's outline: the แผนงาน catalogue, ยุทธศาสตร์ and their แนวทางการพัฒนา. */
import * as Y from 'yjs';
import { STANDARD_PLAN_CATALOGUE } from '../catalogue';
import type { Guideline, PlanCatalogueEntry, Strategy } from '../types';
import { GUIDELINES, NAME, ROOT, root } from './keys';
import { insertOrdered, isRecord, moveOrdered, newId, sortedRows, str, transact, type YRow } from './rows';

/** Catalogue in code order (standard codes first by construction: "00110" < custom codes). */
export function listPlanCatalogue(doc: Y.Doc): PlanCatalogueEntry[] {
	const out: PlanCatalogueEntry[] = [];
	root(doc, ROOT.catalogue).forEach((v, code) => {
		if (isRecord(v)) out.push({ code, name: String(v.name ?? ''), sector: String(v.sector ?? '') });
	});
	return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Adds a custom แผนงาน or renames one. */
export function putPlanCatalogueEntry(doc: Y.Doc, entry: PlanCatalogueEntry): void {
	if (!entry.code) throw new RangeError('a แผนงาน needs a code');
	root(doc, ROOT.catalogue).set(entry.code, { name: entry.name, sector: entry.sector });
}

/** Adds the standard แผนงาน that are missing; never touches existing entries. */
export function ensureStandardCatalogue(doc: Y.Doc): void {
	const cat = root(doc, ROOT.catalogue);
	transact(doc, () => {
		for (const e of STANDARD_PLAN_CATALOGUE) {
			if (!cat.has(e.code)) cat.set(e.code, { name: e.name, sector: e.sector });
		}
	});
}

export function listStrategies(doc: Y.Doc): Strategy[] {
	return sortedRows(root(doc, ROOT.strategies)).map(([id, m]) => ({
		id,
		name: str(m, NAME),
		guidelines: readGuidelines(m)
	}));
}

function readGuidelines(strategy: YRow): Guideline[] {
	const g = strategy.get(GUIDELINES);
	if (!(g instanceof Y.Map)) return [];
	return sortedRows(g as Y.Map<unknown>).map(([id, m]) => ({ id, name: str(m, NAME) }));
}

/** Adds a ยุทธศาสตร์ at `index` (default: last); returns its id. */
export function addStrategy(doc: Y.Doc, input: { id?: string; name: string }, index?: number): string {
	const id = input.id ?? newId('S');
	transact(doc, () =>
		insertOrdered(root(doc, ROOT.strategies), id, index, (m) => {
			m.set(NAME, input.name);
			m.set(GUIDELINES, new Y.Map());
		})
	);
	return id;
}

export function renameStrategy(doc: Y.Doc, id: string, name: string): boolean {
	const m = root(doc, ROOT.strategies).get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(NAME, name);
	return true;
}

export function moveStrategy(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.strategies), id, index)));
	return ok;
}

/** The guidelines map of a strategy; null when the strategy is gone. */
export function guidelineMap(doc: Y.Doc, strategyId: string): Y.Map<unknown> | null {
	const s = root(doc, ROOT.strategies).get(strategyId);
	if (!(s instanceof Y.Map)) return null;
	const g = s.get(GUIDELINES);
	return g instanceof Y.Map ? (g as Y.Map<unknown>) : null;
}

/** Adds a แนวทางการพัฒนา under a strategy; null when the strategy is gone. */
export function addGuideline(
	doc: Y.Doc,
	strategyId: string,
	input: { id?: string; name: string },
	index?: number
): string | null {
	const map = guidelineMap(doc, strategyId);
	if (!map) return null;
	const id = input.id ?? newId(`${strategyId}-G`);
	transact(doc, () => insertOrdered(map, id, index, (m) => m.set(NAME, input.name)));
	return id;
}

export function renameGuideline(doc: Y.Doc, strategyId: string, id: string, name: string): boolean {
	const m = guidelineMap(doc, strategyId)?.get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(NAME, name);
	return true;
}
