import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addProject, getSectionFragment, listSections, readPlan } from './doc';
import { exportPlanJson, fiscalYearSpan, importPlanJson, planDeadline, planFromJson, planToJson } from './json';
import { SCHEMA_VERSION } from './migrations';
import { loadSamplePlan } from './testSupport';
import type { PlanJson } from './types';

/** What the model holds: everything but the file comment and the derived fixture block. */
function held(json: PlanJson): PlanJson {
	const copy = structuredClone(json);
	delete copy.$schemaNote;
	delete copy.derived;
	return copy;
}

describe('sample JSON → Yjs → JSON', () => {
	it('round-trips every field the model holds', () => {
		const sample = loadSamplePlan();
		const doc = new Y.Doc();
		importPlanJson(doc, sample);
		expect(exportPlanJson(doc)).toEqual(held(sample));
	});

	it('round-trips through an encoded update (what the server stores)', () => {
		const sample = loadSamplePlan();
		const a = new Y.Doc();
		importPlanJson(a, sample);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(exportPlanJson(b)).toEqual(held(sample));
	});

	it('stores budgets as integer satang and stamps the current layout version', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSamplePlan());
		const plan = readPlan(doc);
		expect(plan.meta.schemaVersion).toBe(SCHEMA_VERSION);
		expect(plan.projects.find((p) => p.id === 'PJ-001')?.budget).toBe(48_600_000);
		expect(plan.projects.every((p) => Number.isSafeInteger(p.budget))).toBe(true);
	});

	it('keeps satang amounts exact (238,613.38 baht)', () => {
		const sample = loadSamplePlan();
		sample.strategies[0].planGroups[0].projects[0].budget = 238613.38;
		const doc = new Y.Doc();
		importPlanJson(doc, sample);
		expect(readPlan(doc).projects[0].budget).toBe(23_861_338);
		expect(exportPlanJson(doc).strategies[0].planGroups[0].projects[0].budget).toBe(238613.38);
	});

	it('derives seq from position after a later insert', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSamplePlan());
		addProject(doc, { id: 'NEW', strategyId: 'S1', planCode: '00310', name: 'โครงการใหม่' }, 0);
		const projects = exportPlanJson(doc).strategies[0].planGroups[0].projects;
		expect(projects.map((p) => p.seq)).toEqual(projects.map((_, i) => i + 1));
		expect(projects[0].id).toBe('NEW');
	});

	it('puts narrative sections in Tiptap fragments', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSamplePlan());
		const sections = listSections(doc);
		expect(sections.map((s) => s.title)).toEqual([
			'บทนำ',
			'วัตถุประสงค์ของแผนการดำเนินงาน',
			'ขั้นตอนการจัดทำแผนการดำเนินงาน',
			'ประโยชน์ของแผนการดำเนินงาน'
		]);
		const steps = getSectionFragment(doc, sections[2].id);
		expect(steps?.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['paragraph', 'orderedList', 'paragraph']);
	});

	it('refuses to import into a non-empty doc', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSamplePlan());
		expect(() => importPlanJson(doc, loadSamplePlan())).toThrow();
	});

	it('round-trips the plain model without Yjs too', () => {
		const sample = loadSamplePlan();
		expect(planToJson(planFromJson(sample))).toEqual(held(sample));
	});
});

describe('derived header fields', () => {
	it('computes the fiscal-year span from the BE year', () => {
		expect(fiscalYearSpan(2569)).toEqual({
			startBE: '1 ตุลาคม 2568',
			endBE: '30 กันยายน 2569',
			startISO: '2025-10-01',
			endISO: '2026-09-30'
		});
	});

	it('computes the 30-day deadline', () => {
		expect(planDeadline('2025-09-22')).toBe('2025-10-22');
		expect(planDeadline('not a date')).toBeNull();
	});
});
