/**
 * Plan-shaped places for tests to write into. The server refuses roots and keys the plan
 * model does not have (src/lib/server/plan/shapeCheck.ts), so tests type into real cells:
 * each named scratch cell is the name cell of a project row of its own, created in the
 * plan's first strategy and แผนงาน by whoever writes it first.
 */
import * as Y from 'yjs';
import { addProject, getProjectText, listPlanCatalogue, listStrategies } from '../../src/lib/domain/plan/doc';

const rowId = (name: string) => `PJ-test-${name.replace(/[^A-Za-z0-9]/g, '_')}`;

/** The text cell `name`, created on first use (only one client should create a given name). */
export function scratchText(doc: Y.Doc, name: string): Y.Text {
	const id = rowId(name);
	const existing = getProjectText(doc, id, 'name');
	if (existing) return existing;
	addProject(doc, { id, strategyId: listStrategies(doc)[0].id, planCode: listPlanCatalogue(doc)[0].code, budget: 100_00, activeMonths: [10], responsibleUnit: 'กองช่าง' });
	return getProjectText(doc, id, 'name')!;
}

/** What the scratch cell `name` holds ('' when nobody created it). */
export function readScratch(doc: Y.Doc, name: string): string {
	return getProjectText(doc, rowId(name), 'name')?.toString() ?? '';
}

/**
 * A self-contained update a hostile client could send that fits the plan's shape (a
 * revision entry keyed `key`), so what refuses it is the rule under test, not the shape check.
 */
export function plantedUpdate(key: string, text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('revisions').set(key, { text });
	return Y.encodeStateAsUpdate(doc);
}

/** Whether the planted entry `key` reached this document. */
export function hasPlanted(doc: Y.Doc, key: string): boolean {
	return doc.getMap('revisions').has(key);
}
