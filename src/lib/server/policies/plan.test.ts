import { describe, expect, it } from 'vitest';
import { abilitiesFor, type Actor, type PlanScene } from './plan';
import { planAbilities } from '$lib/domain/roles';
import { planStates, type PlanState } from '$lib/domain/workflow';
import { MATRIX, SEATED, everyone, expected, type Who } from './planMatrix.fixture';

/** Every ability for every kind of person in every state, against the hand-written table. */
function scene(who: Who, state: PlanState): PlanScene {
	const plan = { id: 'plan1', orgId: 'org1', state };
	const actor = (orgId: string, orgRole: Actor['orgRole']): Actor => ({ id: 'u1', orgId, orgRole });
	switch (who) {
		case 'anonymous':
			return { actor: null, plan, role: null };
		case 'outsider':
			// An admin of another organization, even if a stray membership row existed.
			return { actor: actor('org2', 'admin'), plan, role: 'planning_officer' };
		case 'orgAdmin':
			return { actor: actor('org1', 'admin'), plan, role: null };
		case 'orgMember':
			return { actor: actor('org1', 'member'), plan, role: null };
		case 'committee_chair':
		case 'support_secretary':
			return { actor: actor('org1', 'member'), plan, ...SEATED[who] };
		default:
			return { actor: actor('org1', 'member'), plan, role: who };
	}
}

describe('plan policy matrix', () => {
	it('lists exactly the abilities the policy decides', () => {
		expect(Object.keys(MATRIX).sort()).toEqual([...planAbilities].sort());
	});

	it('gives a seat no meeting ability on a committee the member does not belong to', () => {
		const chairOfNothing: PlanScene = { actor: { id: 'u1', orgId: 'org1', orgRole: 'member' }, plan: { id: 'plan1', orgId: 'org1', state: 'review' }, role: 'viewer', seat: 'chair' };
		expect(abilitiesFor(chairOfNothing)).toMatchObject({ holdMeeting: false, resolve: false, attendMeeting: false });
	});

	for (const who of everyone) {
		for (const state of planStates) {
			it(`${who} in ${state}`, () => {
				expect(abilitiesFor(scene(who, state))).toEqual(Object.fromEntries(planAbilities.map((a) => [a, expected(a, who, state)])));
			});
		}
	}
});
