import { describe, expect, it } from 'vitest';
import { planFromJson } from './json';
import { loadSamplePlan } from './testSupport';
import type { Month, Plan, PlanJson } from './types';
import { validatePlan, validatePlanJson, type ValidationIssue } from './validation';

const plan = (): Plan => planFromJson(loadSamplePlan());
const codes = (issues: ValidationIssue[]) => issues.map((i) => `${i.code}@${i.path}`);

describe('the sample plan', () => {
	it('passes every invariant, as a model and as a file', () => {
		expect(validatePlan(plan())).toEqual([]);
		expect(validatePlanJson(loadSamplePlan())).toEqual([]);
	});

	it('gives every issue a Thai and an English message', () => {
		const p = plan();
		p.projects[0].activeMonths = [];
		p.projects[0].budget = -1;
		for (const i of validatePlan(p)) {
			expect(i.message.th.length).toBeGreaterThan(0);
			expect(i.message.en.length).toBeGreaterThan(0);
		}
	});
});

describe('§8.1 one (strategy, แผนงาน) group; guideline of the same strategy', () => {
	it('flags an unknown strategy', () => {
		const p = plan();
		p.projects[0].strategyId = 'S9';
		expect(codes(validatePlan(p))).toContain('project.strategy.unknown@projects.PJ-001.strategyId');
	});

	it('flags a แผนงาน missing from the catalogue', () => {
		const p = plan();
		p.projects[0].planCode = '99999';
		expect(codes(validatePlan(p))).toContain('project.plan.unknown@projects.PJ-001.planCode');
	});

	it('flags a guideline of another strategy', () => {
		const p = plan();
		p.projects[0].guidelineId = 'S2-G1';
		expect(codes(validatePlan(p))).toContain('project.guideline.otherStrategy@projects.PJ-001.guidelineId');
	});

	it('flags an unknown guideline', () => {
		const p = plan();
		p.projects[0].guidelineId = 'nope';
		expect(codes(validatePlan(p))).toContain('project.guideline.unknown@projects.PJ-001.guidelineId');
	});

	it('flags a project listed in two groups', () => {
		const json = loadSamplePlan();
		json.strategies[1].planGroups[0].projects.push(structuredClone(json.strategies[0].planGroups[0].projects[0]));
		expect(codes(validatePlanJson(json))).toContain('project.id.duplicate@projects.PJ-001');
	});
});

describe('§8.2 month grid', () => {
	const cases: [string, number[], string][] = [
		['empty', [], 'months.empty'],
		['out of range', [10, 13], 'months.outOfRange'],
		['duplicate', [10, 10], 'months.duplicate'],
		['not in fiscal order', [1, 10], 'months.order']
	];
	it.each(cases)('flags %s', (_name, months, code) => {
		const p = plan();
		p.projects[0].activeMonths = months as Month[];
		expect(codes(validatePlan(p))).toContain(`${code}@projects.PJ-001.activeMonths`);
	});

	it('accepts October before January (fiscal order)', () => {
		const p = plan();
		p.projects[0].activeMonths = [10, 12, 1, 9];
		expect(validatePlan(p)).toEqual([]);
	});

	it('checks equipment months too', () => {
		const p = plan();
		p.equipment[0].activeMonths = [];
		expect(codes(validatePlan(p))).toContain('months.empty@equipment.EQ-01.activeMonths');
	});
});

describe('§8.3 budget', () => {
	it('flags a negative budget', () => {
		const p = plan();
		p.projects[0].budget = -100;
		expect(codes(validatePlan(p))).toContain('budget.negative@projects.PJ-001.budget');
	});

	it('flags more than two decimals (from a file)', () => {
		const json = loadSamplePlan();
		json.strategies[0].planGroups[0].projects[0].budget = 1000.005;
		expect(codes(validatePlanJson(json))).toContain('budget.precision@projects.PJ-001.budget');
	});

	it('accepts zero (printed "-") and two decimals', () => {
		const json = loadSamplePlan();
		json.strategies[0].planGroups[0].projects[0].budget = 0;
		json.strategies[0].planGroups[0].projects[1].budget = 238613.38;
		expect(validatePlan(planFromJson(json))).toEqual([]);
	});
});

describe('§8.4 traceability to the local development plan', () => {
	it('warns (not errors) when an own-budget project has no reference', () => {
		const p = plan();
		p.projects[0].localDevPlanRef = null;
		const found = validatePlan(p).filter((i) => i.code === 'project.localDevPlanRef.missing');
		expect(found).toHaveLength(1);
		expect(found[0].severity).toBe('warning');
	});

	it('does not ask other agencies for one', () => {
		const p = plan();
		expect(p.projects.find((x) => x.id === 'PJ-009')?.localDevPlanRef).toBeNull();
		expect(validatePlan(p)).toEqual([]);
	});
});

describe('§8.5 ผด.01 is derived', () => {
	it('reports a stored summary that disagrees with the rows', () => {
		const json = loadSamplePlan() as PlanJson & { derived: { pd01: { grandTotal: { budget: number } } } };
		json.derived.pd01.grandTotal.budget = 1;
		expect(codes(validatePlanJson(json))).toContain('derived.mismatch@derived.pd01.grandTotal.budget');
	});

	it('reports a unit override for a group that is gone', () => {
		const p = plan();
		p.pd01UnitOverrides['S9-00110'] = 'กองช่าง';
		expect(codes(validatePlan(p))).toContain('pd01.override.unknownGroup@pd01UnitOverrides.S9-00110');
	});
});

describe('§8.6 seq follows order', () => {
	it('flags a printed number that disagrees with the position', () => {
		const json = loadSamplePlan();
		json.strategies[0].planGroups[0].projects[1].seq = 7;
		expect(codes(validatePlanJson(json))).toContain('project.seq.mismatch@projects.PJ-002.seq');
	});

	it('knows continuous numbering', () => {
		const issues = validatePlanJson(loadSamplePlan(), { numbering: 'continuous' });
		// The sample restarts per group, so the first row of the second group is off.
		expect(codes(issues)).toContain('project.seq.mismatch@projects.PJ-011.seq');
	});
});

describe('§8.7 30-day deadline', () => {
	it('warns when the announcement is late', () => {
		const p = plan();
		p.front.announcement.dateISO = '2025-10-23';
		expect(codes(validatePlan(p))).toContain('deadline.exceeded@front.announcement.dateISO');
	});

	it('accepts a late announcement after a recorded extension', () => {
		const p = plan();
		p.front.announcement.dateISO = '2025-11-05';
		p.front.workflow.events.push({ step: 'deadlineExtension', actor: 'นายกเทศมนตรี', toISO: '2025-11-10' });
		expect(validatePlan(p)).toEqual([]);
	});
});

describe('§8.8 revisions after announcement', () => {
	it('requires a reason, a trigger and a valid number', () => {
		const p = plan();
		p.revisions[0].reason = ' ';
		p.revisions[0].trigger = { type: '', ref: '' };
		p.revisions[0].number = 0;
		expect(codes(validatePlan(p))).toEqual(
			expect.arrayContaining([
				'revision.reason.missing@revisions.R1.reason',
				'revision.trigger.missing@revisions.R1.trigger',
				'revision.number.invalid@revisions.R1.number'
			])
		);
	});

	it('flags references to missing groups and projects', () => {
		const p = plan();
		p.revisions[0].addProjects[0].targetPlanGroupId = 'S9-00310';
		p.revisions[0].removeProjectIds = ['PJ-999'];
		expect(codes(validatePlan(p))).toEqual(
			expect.arrayContaining([
				'revision.group.unknown@revisions.R1.addProjects.PJ-R1-01',
				'revision.project.unknown@revisions.R1.projects.PJ-999'
			])
		);
	});

	it('flags direct edits of an announced edition', () => {
		const baseline = plan();
		const edited = plan();
		edited.projects[2].budget += 100;
		expect(codes(validatePlan(edited, { announcedBaseline: baseline }))).toEqual(['edition.frozen@projects.PJ-003']);
		expect(validatePlan(plan(), { announcedBaseline: baseline })).toEqual([]);
	});
});

describe('rows that cannot be printed', () => {
	it('flags a project without a name or a responsible unit (white space counts as empty)', () => {
		const p = plan();
		p.projects[0].name = '  ';
		p.projects[1].responsibleUnit = '';
		expect(codes(validatePlan(p))).toEqual(
			expect.arrayContaining(['project.name.missing@projects.PJ-001.name', `project.unit.missing@projects.${p.projects[1].id}.responsibleUnit`])
		);
		expect(validatePlan(p).filter((i) => i.severity === 'error')).toHaveLength(2);
	});

	it('flags an equipment row without an item or a unit', () => {
		const p = plan();
		p.equipment[0].item = '';
		p.equipment[0].responsibleUnit = ' ';
		expect(codes(validatePlan(p))).toEqual([`equipment.item.missing@equipment.${p.equipment[0].id}.item`, `equipment.unit.missing@equipment.${p.equipment[0].id}.responsibleUnit`]);
	});
});
