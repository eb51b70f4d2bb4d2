import { describe, expect, it } from 'vitest';
import { planFromJson } from './json';
import { planToInterchange } from './interchange';
import { validatePlanJson } from './validation';
import { loadSampleJson, loadSamplePlan } from './testSupport';

describe('the interchange file', () => {
	it('carries the ผด.01 computed from the rows, equal to the one the sample documents', () => {
		const sample = loadSamplePlan();
		const out = planToInterchange(planFromJson(sample));
		const expected = (loadSampleJson<{ derived: { pd01: unknown } }>('sample-plan.json')).derived.pd01;
		expect((out.derived as { pd01: unknown }).pd01).toEqual(expected);
		expect(validatePlanJson(out).filter((i) => i.code === 'derived.mismatch')).toEqual([]);
	});
	it('reads back to the same plan (derived is ignored)', () => {
		const plan = planFromJson(loadSamplePlan());
		expect(planFromJson(planToInterchange(plan))).toEqual(plan);
	});
});
