/**
 * Who may do what to a plan: the one home of every (role, action, plan state) rule. Pages,
 * form actions, API endpoints and the collaboration server all ask here.
 */
import { error } from '@sveltejs/kit';
import { planAbilities, type CommitteeSeat, type OrgRole, type PlanAbility, type PlanRole } from '$lib/domain/roles';
import { isContentWritable, type PlanState } from '$lib/domain/workflow';

export interface Actor {
	id: string;
	orgId: string;
	orgRole: OrgRole;
}

export interface PlanScene {
	actor: Actor | null;
	plan: { id: string; orgId: string; state: PlanState };
	/** The actor's role on this plan, or null when not a member. */
	role: PlanRole | null;
	/** The actor's seat on their committee (chair, secretary), when they hold one. */
	seat?: CommitteeSeat | null;
}

export type PlanAbilityMap = Record<PlanAbility, boolean>;

const sameOrg = (s: PlanScene) => s.actor !== null && s.actor.orgId === s.plan.orgId;
const isMember = (s: PlanScene) => sameOrg(s) && s.role !== null;
const isOrgAdmin = (s: PlanScene) => sameOrg(s) && s.actor?.orgRole === 'admin';
const hasRole = (s: PlanScene, ...roles: PlanRole[]) => isMember(s) && roles.includes(s.role!);
const inState = (s: PlanScene, ...states: PlanState[]) => states.includes(s.plan.state);
const drafters: PlanRole[] = ['planning_officer', 'support_committee'];
/** The committee that meets on the plan in its state: the support committee drafts, the development committee reviews. */
const sittingCommittee = (s: PlanScene): PlanRole | null => (s.plan.state === 'draft' ? 'support_committee' : s.plan.state === 'review' ? 'development_committee' : null);
const sits = (s: PlanScene) => sittingCommittee(s) !== null && hasRole(s, sittingCommittee(s)!);
const seated = (s: PlanScene, ...seats: CommitteeSeat[]) => sits(s) && !!s.seat && seats.includes(s.seat);

const rules: Record<PlanAbility, (s: PlanScene) => boolean> = {
	// Org admins see their organization's plans to support members, but edit nothing.
	read: (s) => isMember(s) || isOrgAdmin(s),
	edit: (s) => hasRole(s, ...drafters) && isContentWritable(s.plan.state),
	// Viewers comment while the committees work; everyone else until sign-off.
	comment: (s) =>
		(hasRole(s, 'viewer') && inState(s, 'draft', 'review')) ||
		(hasRole(s, ...drafters, 'development_committee', 'executive') && inState(s, 'draft', 'review', 'locked')),
	submitForReview: (s) => hasRole(s, ...drafters) && inState(s, 'draft'),
	forward: (s) => hasRole(s, 'development_committee') && inState(s, 'review'),
	return: (s) => (hasRole(s, 'development_committee') && inState(s, 'review')) || (hasRole(s, 'executive') && inState(s, 'locked')),
	approve: (s) => hasRole(s, 'executive') && inState(s, 'locked'),
	announce: (s) => hasRole(s, 'executive') && inState(s, 'approved'),
	startAmendment: (s) => hasRole(s, 'planning_officer') && inState(s, 'announced'),
	importProjects: (s) => rules.edit(s) && hasRole(s, 'planning_officer'),
	manageMembers: (s) => hasRole(s, 'planning_officer') || isOrgAdmin(s),
	// The 30-day clock (ข้อ ๒๗) runs until sign-off; only the executive may extend it.
	setDeadline: (s) => hasRole(s, 'planning_officer') && inState(s, 'draft', 'review', 'locked'),
	extendDeadline: (s) => hasRole(s, 'executive') && inState(s, 'draft', 'review', 'locked'),
	// A cell's past values and who wrote them: the people who prepare, review and sign the
	// plan; viewers and organization admins see the plan as it stands, not its drafts.
	readHistory: (s) => hasRole(s, ...drafters, 'development_committee', 'executive'),
	// Meeting mode: the sitting committee's chair or secretary runs the meeting, its members
	// check in, the chair alone records resolutions (and only with a quorum — the command checks).
	holdMeeting: (s) => seated(s, 'chair', 'secretary'),
	attendMeeting: (s) => sits(s),
	// While the content is frozen for review only the development committee proposes; in
	// draft, anyone who works on the plan may leave a proposal for the committee to decide.
	propose: (s) =>
		(hasRole(s, 'development_committee') && inState(s, 'review')) ||
		(hasRole(s, ...drafters, 'development_committee') && inState(s, 'draft')),
	resolve: (s) => seated(s, 'chair')
};

export function can(scene: PlanScene, ability: PlanAbility): boolean {
	return rules[ability](scene);
}

/** The whole ability map, for load functions: components show or hide from it. */
export function abilitiesFor(scene: PlanScene): PlanAbilityMap {
	return Object.fromEntries(planAbilities.map((a) => [a, rules[a](scene)])) as PlanAbilityMap;
}

/**
 * Throws a 404 when the actor may not even read the plan (its existence is not revealed to
 * outsiders), a 403 when it may read but not do `ability`.
 */
export function authorize(scene: PlanScene, ability: PlanAbility): asserts scene is PlanScene & { actor: Actor } {
	if (rules[ability](scene)) return;
	if (!rules.read(scene)) error(404, 'not found');
	error(403, 'forbidden');
}
