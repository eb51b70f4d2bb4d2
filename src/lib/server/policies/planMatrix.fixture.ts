/**
 * The plan-ability matrix, written out by hand from the regulation's roles (OPERATIONAL_PLAN.md
 * §6.1), shared by the policy's unit test and the end-to-end matrix test against the real
 * server. A change to the policy has to be a change to this table too.
 */
import type { CommitteeSeat, PlanAbility, PlanRole } from '$lib/domain/roles';
import type { PlanState } from '$lib/domain/workflow';

/** A plan role, a committee member with a seat, or someone with no role on the plan. */
export type Who = PlanRole | SeatedWho | 'orgAdmin' | 'orgMember' | 'outsider' | 'anonymous';
/** Seated committee members (meeting mode): the development committee's chair, the support committee's secretary. */
export type SeatedWho = 'committee_chair' | 'support_secretary';
export const SEATED: Record<SeatedWho, { role: PlanRole; seat: CommitteeSeat }> = {
	committee_chair: { role: 'development_committee', seat: 'chair' },
	support_secretary: { role: 'support_committee', seat: 'secretary' }
};
const isSeated = (who: Who): who is SeatedWho => who in SEATED;
const D = 'draft', R = 'review', L = 'locked', A = 'approved', N = 'announced';
type Row = Partial<Record<Who, PlanState[]>>;

/** ability → who may, in which states. Anyone not listed may not, in any state. */
export const MATRIX: Record<PlanAbility, Row> = {
	read: {
		planning_officer: [D, R, L, A, N], support_committee: [D, R, L, A, N], development_committee: [D, R, L, A, N],
		executive: [D, R, L, A, N], viewer: [D, R, L, A, N], orgAdmin: [D, R, L, A, N]
	},
	edit: { planning_officer: [D], support_committee: [D] },
	comment: { planning_officer: [D, R, L], support_committee: [D, R, L], development_committee: [D, R, L], executive: [D, R, L], viewer: [D, R] },
	submitForReview: { planning_officer: [D], support_committee: [D] },
	forward: { development_committee: [R] },
	return: { development_committee: [R], executive: [L] },
	approve: { executive: [L] },
	announce: { executive: [A] },
	startAmendment: { planning_officer: [N] },
	importProjects: { planning_officer: [D] },
	manageMembers: { planning_officer: [D, R, L, A, N], orgAdmin: [D, R, L, A, N] },
	setDeadline: { planning_officer: [D, R, L] },
	extendDeadline: { executive: [D, R, L] },
	readHistory: { planning_officer: [D, R, L, A, N], support_committee: [D, R, L, A, N], development_committee: [D, R, L, A, N], executive: [D, R, L, A, N] },
	// Meeting mode. A seat adds these only; for every other ability a seated member counts as their role.
	holdMeeting: { committee_chair: [R], support_secretary: [D] },
	attendMeeting: { support_committee: [D], support_secretary: [D], development_committee: [R], committee_chair: [R] },
	propose: { planning_officer: [D], support_committee: [D], support_secretary: [D], development_committee: [D, R], committee_chair: [D, R] },
	resolve: { committee_chair: [R] }
};

const MEETING_ABILITIES: PlanAbility[] = ['holdMeeting', 'attendMeeting', 'propose', 'resolve'];

export const everyone: Who[] = ['planning_officer', 'support_committee', 'development_committee', 'executive', 'viewer', 'orgAdmin', 'orgMember', 'outsider', 'anonymous', 'committee_chair', 'support_secretary'];

/** Whether `who` may do `ability` in `state`, by the table. */
export function expected(ability: PlanAbility, who: Who, state: PlanState): boolean {
	const as = isSeated(who) && !MEETING_ABILITIES.includes(ability) ? SEATED[who].role : who;
	return (MATRIX[ability][as] ?? []).includes(state);
}
