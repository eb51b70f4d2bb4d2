import { describe, expect, it } from 'vitest';
import { changedCells, cellKey, isShortCell, planCells } from './cellValues';
import { planFromJson } from './json';
import { loadSamplePlan } from './testSupport';

const samplePlan = () => planFromJson(loadSamplePlan());

describe('plan cells', () => {
	it('reads budgets in baht and months as numbers, keyed by table, row and column', () => {
		const plan = samplePlan();
		const p = plan.projects[0];
		const cell = planCells(plan).get(cellKey('projects', p.id, 'budget'))!;
		expect(cell.value).toBe(p.budget);
		expect(cell.text).toMatch(/^[\d,]+(\.\d\d)?$/);
		expect(cell.rowName).toBe(p.name);
	});

	it('lists exactly the cells whose value changed', () => {
		const before = samplePlan();
		const after = samplePlan();
		after.projects[0].name = 'ชื่อใหม่';
		after.projects[1].budget += 100;
		const changed = changedCells(planCells(before), planCells(after));
		expect(changed.map((c) => [c.after?.rowId, c.after?.field])).toEqual([
			[after.projects[0].id, 'name'],
			[after.projects[1].id, 'budget']
		]);
		expect(changed[0].before?.text).toBe(before.projects[0].name);
	});

	it('keeps long text apart from short cells', () => {
		expect(isShortCell('name')).toBe(true);
		expect(isShortCell('budget')).toBe(true);
		expect(isShortCell('activityDetail')).toBe(false);
		expect(isShortCell('detail')).toBe(false);
	});
});
