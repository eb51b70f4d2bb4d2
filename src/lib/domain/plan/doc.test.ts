import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addPlanGroup,
	addProject,
	addSection,
	addStrategy,
	addGuideline,
	deleteGuideline,
	deletePlanGroup,
	deleteProject,
	deleteSection,
	deleteStrategy,
	getProject,
	getSectionFragment,
	listEquipment,
	listGroupedProjects,
	listPlanGroups,
	listProjects,
	listSections,
	listStrategies,
	moveEquipment,
	movePlanGroup,
	moveProject,
	moveSection,
	moveStrategy,
	renameSection,
	setMonth,
	setPd01UnitsOverride,
	updateEquipmentField,
	updateProjectField
} from './doc';
import { exportPlanJson, importPlanJson } from './json';
import { computePd01FromDoc } from './pd01';
import { readSectionContent } from './sectionContent';
import { Replicas, loadSamplePlan, loadSmallPlan, prng } from './testSupport';
import type { Month } from './types';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

const base = new Y.Doc();
importPlanJson(base, loadSamplePlan());

/** Concurrency tests replay 40 interleavings each: a small plan with the rows they name. */
const small = new Y.Doc();
importPlanJson(small, loadSmallPlan(['PJ-001', 'PJ-002', 'PJ-003', 'PJ-004', 'PJ-005', 'PJ-007', 'PJ-011'], 3));
const SMALL_ROWS = listProjects(small).length;

function sampleDoc(): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
	return doc;
}

/** Every replica holds the same plan, and every row appears exactly once. */
function expectConverged(r: Replicas): void {
	expect(r.converged()).toBe(true);
	const [first, ...rest] = r.docs.map((d) => exportPlanJson(d));
	for (const other of rest) expect(other).toEqual(first);
	for (const d of r.docs) {
		const ids = listProjects(d).map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
	}
}

describe('single-replica accessors', () => {
	it('lists projects by group then order', () => {
		const doc = sampleDoc();
		const ids = listProjects(doc).map((p) => p.id);
		expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => `PJ-${String(i + 1).padStart(3, '0')}`));
	});

	it('adds at a position and moves within and across groups', () => {
		const doc = sampleDoc();
		addProject(doc, { id: 'N1', strategyId: 'S1', planCode: '00240', name: 'โครงการใหม่', budget: 100_00 }, 1);
		expect(listGroupedProjects(doc)[1].projects.map((p) => p.id).slice(0, 3)).toEqual(['PJ-011', 'N1', 'PJ-012']);
		moveProject(doc, 'N1', { index: 0 });
		expect(listGroupedProjects(doc)[1].projects[0].id).toBe('N1');
		moveProject(doc, 'N1', { strategyId: 'S2', planCode: '00210', index: 2 });
		const g = listGroupedProjects(doc).find((x) => x.group.id === 'S2-00210');
		expect(g?.projects.map((p) => p.id).indexOf('N1')).toBe(2);
		expect(listProjects(doc)).toHaveLength(61);
	});

	it('clears a guideline that does not belong to the new strategy (§8.1)', () => {
		const doc = sampleDoc();
		expect(getProject(doc, 'PJ-001')?.guidelineId).toBe('S1-G1');
		moveProject(doc, 'PJ-001', { strategyId: 'S2', planCode: '00210' });
		expect(getProject(doc, 'PJ-001')?.guidelineId).toBeNull();
	});

	it('creates a group on first use and refuses to delete a non-empty one', () => {
		const doc = sampleDoc();
		moveProject(doc, 'PJ-001', { strategyId: 'S1', planCode: '00330' });
		expect(listPlanGroups(doc).filter((g) => g.strategyId === 'S1').map((g) => g.id)).toEqual([
			'S1-00310',
			'S1-00240',
			'S1-00330'
		]);
		expect(deletePlanGroup(doc, 'S1-00330')).toBe(false);
		moveProject(doc, 'PJ-001', { strategyId: 'S1', planCode: '00310', index: 0 });
		expect(deletePlanGroup(doc, 'S1-00330')).toBe(true);
		expect(exportPlanJson(doc)).toEqual(exportPlanJson(base));
	});

	it('moves groups and strategies', () => {
		const doc = sampleDoc();
		movePlanGroup(doc, 'S1-00240', 0);
		expect(listPlanGroups(doc)[0].id).toBe('S1-00240');
		moveStrategy(doc, 'S5', 0);
		expect(listStrategies(doc).map((s) => s.id)).toEqual(['S5', 'S1', 'S2', 'S3', 'S4']);
		expect(listProjects(doc)[0].strategyId).toBe('S5');
	});

	it('guards strategy deletion and guideline cleanup', () => {
		const doc = sampleDoc();
		expect(deleteStrategy(doc, 'S1')).toBe(false);
		const id = addStrategy(doc, { name: 'ยุทธศาสตร์ใหม่' });
		const gid = addGuideline(doc, id, { name: 'แนวทาง' });
		expect(listStrategies(doc).at(-1)?.guidelines.map((g) => g.id)).toEqual([gid]);
		addPlanGroup(doc, id, '00110');
		expect(deleteStrategy(doc, id)).toBe(true);
		expect(listPlanGroups(doc).some((g) => g.strategyId === id)).toBe(false);
		expect(deleteGuideline(doc, 'S1', 'S1-G1')).toBe(true);
		expect(getProject(doc, 'PJ-001')?.guidelineId).toBeNull();
	});

	it('keeps the month grid as fiscal-ordered flags', () => {
		const doc = sampleDoc();
		const id = addProject(doc, { strategyId: 'S1', planCode: '00110', activeMonths: [9, 10, 1] });
		expect(getProject(doc, id)?.activeMonths).toEqual([10, 1, 9]);
		setMonth(doc, id, 12, true);
		setMonth(doc, id, 9, false);
		expect(getProject(doc, id)?.activeMonths).toEqual([10, 12, 1]);
		expect(() => setMonth(doc, id, 13 as Month, true)).toThrow(RangeError);
	});

	it('refuses float budgets', () => {
		const doc = sampleDoc();
		expect(() => updateProjectField(doc, 'PJ-001', 'budget', 10.5)).toThrow(RangeError);
		expect(updateProjectField(doc, 'missing', 'budget', 100)).toBe(false);
	});

	it('manages sections and their Tiptap fragments', () => {
		const doc = sampleDoc();
		const id = addSection(doc, { title: 'เครื่องมือ', content: { paragraphs: ['ย่อหน้า\nบรรทัดสอง'] } }, 1);
		expect(listSections(doc)[1]).toEqual({ id, title: 'เครื่องมือ' });
		const fragment = getSectionFragment(doc, id);
		expect(fragment && readSectionContent(fragment)).toEqual({ paragraphs: ['ย่อหน้า\nบรรทัดสอง'] });
		renameSection(doc, id, 'เครื่องมือที่ใช้');
		moveSection(doc, id, 4);
		expect(listSections(doc).at(-1)).toEqual({ id, title: 'เครื่องมือที่ใช้' });
		expect(deleteSection(doc, id)).toBe(true);
		expect(getSectionFragment(doc, id)).toBeNull();
	});

	it('moves and edits equipment', () => {
		const doc = sampleDoc();
		moveEquipment(doc, 'EQ-08', 0);
		updateEquipmentField(doc, 'EQ-08', 'quantity', 3);
		const first = listEquipment(doc)[0];
		expect(first.id).toBe('EQ-08');
		expect(first.quantity).toBe(3);
	});

	it('feeds the one ผด.01 override into the summary', () => {
		const doc = sampleDoc();
		setPd01UnitsOverride(doc, 'S1-00310', 'กองช่าง และหน่วยงานอื่น');
		expect(computePd01FromDoc(doc).strategies[0].groups[0].unitsOverride).toBe('กองช่าง และหน่วยงานอื่น');
	});
});

describe('concurrency (replicas exchange updates in random orders)', () => {
	it.each(SEEDS)('seed %i: edits of different cells of one row all survive', (seed) => {
		const r = new Replicas(3, small);
		const [a, b, c] = r.docs;
		updateProjectField(a, 'PJ-001', 'budget', 50_000_000);
		updateProjectField(b, 'PJ-001', 'responsibleUnit', 'กองสาธารณสุขและสิ่งแวดล้อม');
		updateProjectField(c, 'PJ-001', 'fundingSource', {
			type: 'own',
			category: 'เงินอุดหนุนเฉพาะกิจ',
			detail: 'เงินอุดหนุนเฉพาะกิจ ปีงบประมาณ พ.ศ. 2569',
			agency: null
		});
		updateProjectField(a, 'PJ-001', 'location', 'หมู่ที่ 2');
		r.sync(prng(seed));
		expectConverged(r);
		const p = getProject(a, 'PJ-001');
		expect(p?.budget).toBe(50_000_000);
		expect(p?.responsibleUnit).toBe('กองสาธารณสุขและสิ่งแวดล้อม');
		expect(p?.fundingSource.category).toBe('เงินอุดหนุนเฉพาะกิจ');
		expect(p?.location).toBe('หมู่ที่ 2');
	});

	it.each(SEEDS)('seed %i: typing in one text cell merges characters', (seed) => {
		const r = new Replicas(3, small);
		const [a, b, c] = r.docs;
		const name = getProject(a, 'PJ-002')?.name ?? '';
		updateProjectField(a, 'PJ-002', 'name', '[ด่วน] ' + name);
		updateProjectField(b, 'PJ-002', 'name', name + ' (ปรับปรุง)');
		updateProjectField(c, 'PJ-002', 'name', name.replace('ฝาปิด', 'ฝาตะแกรง'));
		r.sync(prng(seed));
		expectConverged(r);
		expect(getProject(b, 'PJ-002')?.name).toBe('[ด่วน] ' + name.replace('ฝาปิด', 'ฝาตะแกรง') + ' (ปรับปรุง)');
	});

	it.each(SEEDS)('seed %i: month ticks by different people all survive', (seed) => {
		const r = new Replicas(3, small);
		const [a, b, c] = r.docs;
		expect(getProject(a, 'PJ-001')?.activeMonths).toEqual([1, 2, 3, 4]);
		setMonth(a, 'PJ-001', 10, true);
		setMonth(b, 'PJ-001', 6, true);
		setMonth(c, 'PJ-001', 1, false);
		r.sync(prng(seed));
		expectConverged(r);
		expect(getProject(c, 'PJ-001')?.activeMonths).toEqual([10, 2, 3, 4, 6]);
	});

	it.each(SEEDS)('seed %i: a move and an edit of one row keep the edit, one row', (seed) => {
		const r = new Replicas(2, small);
		const [a, b] = r.docs;
		moveProject(a, 'PJ-003', { strategyId: 'S2', planCode: '00210', index: 1 });
		updateProjectField(b, 'PJ-003', 'activityDetail', 'รายละเอียดใหม่');
		updateProjectField(b, 'PJ-003', 'budget', 30_000_000);
		moveProject(b, 'PJ-004', { index: 0 }); // a neighbour moves too
		r.sync(prng(seed));
		expectConverged(r);
		const p = getProject(a, 'PJ-003');
		expect(p && [p.strategyId, p.planCode, p.activityDetail, p.budget]).toEqual(['S2', '00210', 'รายละเอียดใหม่', 30_000_000]);
		expect(listProjects(a)).toHaveLength(SMALL_ROWS);
		const s2 = listGroupedProjects(a).find((g) => g.group.id === 'S2-00210');
		expect(s2?.projects[1].id).toBe('PJ-003');
	});

	it.each(SEEDS)('seed %i: a delete racing edits and a move resolves the same everywhere', (seed) => {
		const r = new Replicas(3, small);
		const [a, b, c] = r.docs;
		deleteProject(a, 'PJ-005');
		updateProjectField(b, 'PJ-005', 'name', 'แก้ชื่อ');
		setMonth(b, 'PJ-005', 7, true);
		moveProject(c, 'PJ-005', { strategyId: 'S3', planCode: '00250', index: 0 });
		r.sync(prng(seed));
		expectConverged(r);
		for (const d of r.docs) {
			expect(getProject(d, 'PJ-005')).toBeNull();
			expect(listProjects(d)).toHaveLength(SMALL_ROWS - 1);
		}
	});

	it.each(SEEDS)('seed %i: two people moving the same row end in one position', (seed) => {
		const r = new Replicas(3, small);
		const [a, b, c] = r.docs;
		moveProject(a, 'PJ-007', { index: 0 });
		moveProject(b, 'PJ-007', { strategyId: 'S3', planCode: '00320', index: 2 });
		moveProject(c, 'PJ-007', { strategyId: 'S5', planCode: '00110' });
		r.sync(prng(seed));
		expectConverged(r);
		const where = r.docs.map((d) => listProjects(d).filter((p) => p.id === 'PJ-007'));
		for (const w of where) expect(w).toHaveLength(1);
		expect(listProjects(a)).toHaveLength(SMALL_ROWS);
	});

	it.each(SEEDS)('seed %i: inserts at the same spot keep both rows in the same order', (seed) => {
		const r = new Replicas(2, small);
		const [a, b] = r.docs;
		addProject(a, { id: 'A-NEW', strategyId: 'S1', planCode: '00240', name: 'ก' }, 2);
		addProject(b, { id: 'B-NEW', strategyId: 'S1', planCode: '00240', name: 'ข' }, 2);
		r.sync(prng(seed));
		expectConverged(r);
		const ids = listGroupedProjects(a)[1].projects.map((p) => p.id);
		expect(ids.slice(2, 4)).toEqual(['A-NEW', 'B-NEW']);
		// Placing a row between the tied pair lands exactly there.
		moveProject(a, 'PJ-011', { index: 2 });
		expect(listGroupedProjects(a)[1].projects.map((p) => p.id).slice(1, 4)).toEqual(['A-NEW', 'PJ-011', 'B-NEW']);
	});

	it.each(SEEDS)('seed %i: random mixed edits converge without losing or duplicating rows', (seed) => {
		const random = prng(seed * 7919);
		const r = new Replicas(3, small);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
		const ids = listProjects(small).map((p) => p.id);
		const groups = listPlanGroups(small);
		for (let round = 0; round < 3; round++) {
			for (const doc of r.docs) {
				for (let k = 0; k < 6; k++) {
					const id = pick(ids);
					const op = Math.floor(random() * 6);
					if (op === 0) {
						const g = pick(groups);
						moveProject(doc, id, { strategyId: g.strategyId, planCode: g.planCode, index: Math.floor(random() * 5) });
					} else if (op === 1) moveProject(doc, id, { index: Math.floor(random() * 8) });
					else if (op === 2) updateProjectField(doc, id, 'name', `${getProject(doc, id)?.name ?? ''}*`);
					else if (op === 3) setMonth(doc, id, pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as Month[]), random() < 0.5);
					else if (op === 4 && random() < 0.3) deleteProject(doc, id);
					else {
						const g = pick(groups);
						addProject(doc, { strategyId: g.strategyId, planCode: g.planCode, name: 'ใหม่' }, Math.floor(random() * 4));
					}
				}
			}
			r.sync(random);
		}
		expectConverged(r);
	});
});
