import { describe, expect, it } from 'vitest';
import { diffPlans } from './diff';
import { loadSamplePlan as loadSampleJson } from './testSupport';
import { planFromJson } from './json';

const loadSamplePlan = () => planFromJson(loadSampleJson());

describe('diffPlans', () => {
	it('finds nothing between a plan and itself', () => {
		const plan = loadSamplePlan();
		const d = diffPlans(plan, structuredClone(plan));
		expect(d.added).toEqual([]);
		expect(d.removed).toEqual([]);
		expect(d.changed).toEqual([]);
		expect(d.pd01).toEqual([]);
		expect(d.sections).toEqual([]);
	});

	it('reports added, removed and changed projects field by field, with budget and ผด.01 deltas', () => {
		const before = loadSamplePlan();
		const after = structuredClone(before);
		const [first, second] = after.projects;
		first.budget += 150_000_00;
		first.location = 'หมู่ที่ 9';
		const removed = after.projects.splice(1, 1)[0];
		after.projects.push({ ...structuredClone(second), id: 'new-project', name: 'โครงการใหม่', budget: 10_000_00 });
		after.sections[0].content = { ...after.sections[0].content, paragraphs: ['ย่อหน้าใหม่'] };

		const d = diffPlans(before, after);
		expect(d.added.map((p) => p.name)).toEqual(['โครงการใหม่']);
		expect(d.removed.map((p) => p.id)).toEqual([removed.id]);
		expect(d.changed).toHaveLength(1);
		expect(d.changed[0].changes.map((c) => c.field).sort()).toEqual(['budget', 'location']);
		expect(d.changed[0].changes.find((c) => c.field === 'budget')!.deltaSatang).toBe(150_000_00);
		expect(d.total).toEqual({ countDelta: 0, budgetDeltaSatang: 150_000_00 - removed.budget + 10_000_00 });
		expect(d.sections.map((s) => [s.id, s.kind])).toEqual([[after.sections[0].id, 'changed']]);
	});

	it('does not report a section whose steps only list their fields in another order', () => {
		const before = loadSamplePlan();
		const withSteps = before.sections.find((s) => s.content.steps?.length);
		expect(withSteps).toBeDefined();
		const after = structuredClone(before);
		const section = after.sections.find((s) => s.id === withSteps!.id)!;
		section.content.steps = section.content.steps!.map(({ no, actor, text }) => ({ text, actor, no }));
		expect(diffPlans(before, after).sections).toEqual([]);
		section.content.steps![0].text += ' (แก้)';
		expect(diffPlans(before, after).sections.map((s) => s.kind)).toEqual(['changed']);
	});
});
