import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importPlanJson } from './json';
import { computePd01, computePd01FromDoc, summarizeEquipment, summarizeFundingTypes, largestRemainder } from './pd01';
import { planFromJson } from './json';
import { loadSamplePlan, loadSampleJson } from './testSupport';

interface ExpectedScope {
	grandTotal: Record<string, unknown> & { naiveFloatSumOfBaht?: string };
	strategies: unknown[];
	checks: unknown;
}
interface ExpectedPd01 {
	scopes: { all: ExpectedScope; ownOnly: ExpectedScope };
	equipment: unknown;
	byFundingType: unknown;
}

const expected = loadSampleJson<ExpectedPd01>('sample-plan-pd01.json');

/** `naiveFloatSumOfBaht` only documents what a float shortcut would print; not a product value. */
function withoutInformative(scope: ExpectedScope) {
	const grandTotal = { ...scope.grandTotal };
	delete grandTotal.naiveFloatSumOfBaht;
	return { grandTotal, strategies: scope.strategies, checks: scope.checks };
}

describe('ผด.01 of the sample plan', () => {
	const doc = new Y.Doc();
	importPlanJson(doc, loadSamplePlan());

	it.each(['all', 'ownOnly'] as const)('equals the expected file for scope %s (every number, both variants)', (scope) => {
		const { scope: got, ...summary } = computePd01FromDoc(doc, { scope });
		expect(got).toBe(scope);
		expect(summary).toEqual(withoutInformative(expected.scopes[scope]));
	});

	it('lists a group\'s responsible units without blanks', () => {
		const plan = planFromJson(loadSamplePlan());
		const [first, second] = plan.projects;
		second.strategyId = first.strategyId;
		second.planCode = first.planCode;
		second.responsibleUnit = '  ';
		const strategy = computePd01(plan).strategies.find((s) => s.strategyId === first.strategyId)!;
		const group = strategy.groups.find((g) => g.planCode === first.planCode)!;
		expect(group.units).toContain(first.responsibleUnit);
		expect(group.units).not.toContain('');
		expect(group.units.every((u) => u.trim() === u)).toBe(true);
	});

	it('is the same from the plain plan as from the doc', () => {
		expect(computePd01(planFromJson(loadSamplePlan()))).toEqual(computePd01FromDoc(doc));
	});

	it('reports equipment and funding types beside ผด.01', () => {
		const plan = planFromJson(loadSamplePlan());
		expect(summarizeEquipment(plan.equipment)).toEqual(expected.equipment);
		expect(summarizeFundingTypes(plan)).toEqual(expected.byFundingType);
	});

	it('adds each level to exactly 100.00 with largest remainder', () => {
		for (const scope of ['all', 'ownOnly'] as const) {
			const s = computePd01FromDoc(doc, { scope });
			for (const check of Object.values(s.checks)) {
				expect(check.sumLargestRemainder).toBe('100.00');
			}
		}
	});
});

describe('largestRemainder', () => {
	it('gives ties to the earlier row and flags them', () => {
		const d = largestRemainder([1n, 1n, 1n], 3n, 10000n);
		expect(d.units).toEqual([3334n, 3333n, 3333n]);
		expect(d.tie).toEqual([true, true, true]);
	});

	it('handles an empty total without dividing by zero', () => {
		expect(largestRemainder([0n, 0n], 0n, 0n).units).toEqual([0n, 0n]);
	});
});
