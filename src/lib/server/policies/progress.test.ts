import { describe, expect, it } from 'vitest';
import { mayDeleteEvidence, mayReportRow, progressAbilities, progressAbilitiesFor, type ProgressScene } from './progress';
import { planStates, type PlanState } from '$lib/domain/workflow';
import { departmentKey } from '$lib/domain/departments';
import { PROGRESS_MATRIX, progressEveryone, progressExpected, type ProgressWho } from './progressMatrix.fixture';

/** Every kind of person in every plan state, against the hand-written table. */
function scene(who: ProgressWho, state: PlanState): ProgressScene {
	const plan = { id: 'plan1', orgId: 'org1', state };
	const member = { id: 'u1', orgId: 'org1', orgRole: 'member' as const };
	const base = { actor: member, plan, role: null, departmentKeys: [] as string[] };
	switch (who) {
		case 'anonymous':
			return { ...base, actor: null };
		case 'outsider':
			// Another organization's member of a department with the same name and a stray role row.
			return { ...base, actor: { id: 'u2', orgId: 'org2', orgRole: 'admin' }, role: 'planning_officer', departmentKeys: [departmentKey('กองช่าง')] };
		case 'orgAdmin':
			return { ...base, actor: { ...member, orgRole: 'admin' } };
		case 'orgMember':
			return base;
		case 'deptReporter':
			return { ...base, departmentKeys: [departmentKey('กองช่าง')] };
		case 'otherDeptReporter':
			return { ...base, departmentKeys: [departmentKey('กองคลัง')] };
		default:
			return { ...base, role: who };
	}
}

describe('progress policy matrix', () => {
	it('lists exactly the abilities the policy decides', () => {
		expect(Object.keys(PROGRESS_MATRIX).sort()).toEqual([...progressAbilities, 'reportRow', 'deleteEvidence'].sort());
	});

	for (const who of progressEveryone) {
		for (const state of planStates) {
			it(`${who} in ${state}`, () => {
				const s = scene(who, state);
				const got = { ...progressAbilitiesFor(s), reportRow: mayReportRow(s, ' กอง ช่าง '), deleteEvidence: mayDeleteEvidence(s, ' กอง ช่าง ') };
				expect(got).toEqual(Object.fromEntries(Object.keys(PROGRESS_MATRIX).map((a) => [a, progressExpected(a as keyof typeof PROGRESS_MATRIX, who, state)])));
			});
		}
	}

	it('never matches a blank responsible unit to anyone', () => {
		expect(mayReportRow({ ...scene('deptReporter', 'announced'), departmentKeys: [''] }, '  ')).toBe(false);
	});
});
