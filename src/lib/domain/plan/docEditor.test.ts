/** Accessors the editor UI relies on: change classification, duplication, local-only undo. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addEquipment,
	addProject,
	deleteEquipment,
	listSections,
	createPlanUndoManager,
	duplicateEquipment,
	duplicateProject,
	getCellText,
	getEquipment,
	getProject,
	listEquipment,
	listGroupedProjects,
	mergePlanChanges,
	moveProject,
	observePlanChanges,
	onlyCellsInPlace,
	renameSection,
	setMonth,
	updateProjectField,
	type PlanChanges
} from './doc';
import { importPlanJson } from './json';
import { loadSamplePlan } from './testSupport';

function sampleDoc(): Y.Doc {
	const doc = new Y.Doc();
	importPlanJson(doc, loadSamplePlan());
	return doc;
}

function record(doc: Y.Doc): PlanChanges[] {
	const seen: PlanChanges[] = [];
	observePlanChanges(doc, (c) => seen.push(c));
	return seen;
}

describe('observePlanChanges', () => {
	it('reports a text edit as a cell change only, once per transaction', () => {
		const doc = sampleDoc();
		const id = listGroupedProjects(doc)[0].projects[0].id;
		const seen = record(doc);
		getCellText(doc, 'projects', id, 'name')!.insert(0, 'ก');
		expect(seen).toHaveLength(1);
		expect([...seen[0].projectCells]).toEqual([id]);
		expect(seen[0].projectLayout).toBe(false);
		expect(seen[0].summary).toBe(false);
		expect(seen[0].outline).toBe(false);
	});

	it('tells typing (cells in place) from what ผด.01 or the layout reads, also once merged', () => {
		const doc = sampleDoc();
		const [first, second] = listGroupedProjects(doc)[0].projects;
		const seen = record(doc);
		getCellText(doc, 'projects', first.id, 'name')!.insert(0, 'ก');
		getCellText(doc, 'projects', second.id, 'location')!.insert(0, 'ข');
		updateProjectField(doc, first.id, 'budget', 1_00);
		expect(seen.map(onlyCellsInPlace)).toEqual([true, true, false]);
		const typed = mergePlanChanges(seen[0], seen[1]);
		expect(onlyCellsInPlace(typed)).toBe(true);
		expect([...typed.projectCells].sort()).toEqual([first.id, second.id].sort());
		const all = mergePlanChanges(typed, seen[2]);
		expect(onlyCellsInPlace(all)).toBe(false);
		expect(all.summary).toBe(true);
		expect(all.projectRows.size).toBe(2);
	});

	it('flags budgets and months correctly, and moves as layout', () => {
		const doc = sampleDoc();
		const [first, second] = listGroupedProjects(doc)[0].projects;
		const seen = record(doc);
		updateProjectField(doc, first.id, 'budget', 123_00);
		setMonth(doc, first.id, 1, true);
		moveProject(doc, second.id, { index: 0 });
		expect(seen[0].summary).toBe(true);
		expect(seen[0].projectLayout).toBe(false);
		expect(seen[1].projectCells.has(first.id)).toBe(true);
		expect(seen[1].summary).toBe(false);
		expect(seen[2].projectLayout).toBe(true);
	});

	it('passes the transaction origin through and sees adds and section renames', () => {
		const doc = sampleDoc();
		const seen = record(doc);
		const origin = { me: true };
		const g = listGroupedProjects(doc)[0].group;
		doc.transact(() => addProject(doc, { strategyId: g.strategyId, planCode: g.planCode }), origin);
		expect(seen[0].origin).toBe(origin);
		expect(seen[0].projectLayout).toBe(true);
		const sectionId = listSections(doc)[0].id;
		renameSection(doc, sectionId, 'ใหม่');
		expect(seen[1].sectionList).toBe(true);
	});
});

describe('duplicate', () => {
	it('copies a project right below itself with a new id', () => {
		const doc = sampleDoc();
		const group = listGroupedProjects(doc)[0];
		const src = group.projects[0];
		const copy = duplicateProject(doc, src.id)!;
		const after = listGroupedProjects(doc)[0].projects;
		expect(after[1].id).toBe(copy);
		expect(after).toHaveLength(group.projects.length + 1);
		const { id: _a, ...a } = src;
		const { id: _b, ...b } = getProject(doc, copy)!;
		expect(b).toEqual(a);
		expect(duplicateProject(doc, 'nope')).toBeNull();
	});

	it('copies equipment right below itself', () => {
		const doc = sampleDoc();
		const before = listEquipment(doc);
		const copy = duplicateEquipment(doc, before[0].id)!;
		expect(listEquipment(doc)[1].id).toBe(copy);
		expect(getEquipment(doc, copy)?.item).toBe(before[0].item);
	});
});

describe('createPlanUndoManager', () => {
	it('undoes only edits made with my origin', () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		importPlanJson(mine, loadSamplePlan());
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
		const remote = Symbol('remote');
		theirs.on('update', (u: Uint8Array, origin: unknown) => origin !== remote && Y.applyUpdate(mine, u, remote));
		const me = Symbol('me');
		const undo = createPlanUndoManager(mine, [me]);
		const [a, b] = listGroupedProjects(mine)[0].projects;
		mine.transact(() => updateProjectField(mine, a.id, 'budget', 1_00), me);
		updateProjectField(theirs, b.id, 'budget', 2_00);
		undo.undo();
		expect(getProject(mine, a.id)?.budget).toBe(a.budget);
		expect(getProject(mine, b.id)?.budget).toBe(2_00);
		undo.redo();
		expect(getProject(mine, a.id)?.budget).toBe(1_00);
	});

	it('restores a row I deleted, and ignores untracked origins', () => {
		const doc = sampleDoc();
		const me = Symbol('me');
		const undo = createPlanUndoManager(doc, [me]);
		const eq = addEquipment(doc, { planCode: '00110', item: 'x' });
		expect(undo.undoStack).toHaveLength(0);
		doc.transact(() => deleteEquipment(doc, eq), me);
		expect(getEquipment(doc, eq)).toBeNull();
		undo.undo();
		expect(getEquipment(doc, eq)?.item).toBe('x');
	});
});
