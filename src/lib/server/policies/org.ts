/** Who may do what in an organization (plans, invitations, accounts). */
import { error } from '@sveltejs/kit';
import { orgAbilities, type OrgAbility, type OrgRole } from '$lib/domain/roles';
import type { Actor } from './plan';

export type OrgAbilityMap = Record<OrgAbility, boolean>;

const inOrg = (actor: Actor | null, orgId: string): actor is Actor => actor !== null && actor.orgId === orgId;

const rules: Record<OrgAbility, (actor: Actor | null, orgId: string) => boolean> = {
	createPlan: (a, org) => inOrg(a, org) && (a.orgRole === 'planning_officer' || a.orgRole === 'admin'),
	inviteMembers: (a, org) => inOrg(a, org) && (a.orgRole === 'planning_officer' || a.orgRole === 'admin'),
	manageAccounts: (a, org) => inOrg(a, org) && a.orgRole === 'admin',
	/** The department list and who belongs to which department (src/routes/org/settings). */
	manageDepartments: (a, org) => inOrg(a, org) && a.orgRole === 'admin',
	/** The organization's emblem on the cover of its plans (src/routes/org/settings). */
	manageEmblem: (a, org) => inOrg(a, org) && a.orgRole === 'admin'
};

/** Whether an inviter may give a new member `role`: only an admin hands out the admin role. */
export function mayGrantOrgRole(actor: Actor, role: OrgRole): boolean {
	return rules.inviteMembers(actor, actor.orgId) && (role !== 'admin' || actor.orgRole === 'admin');
}

export function orgAbilitiesFor(actor: Actor | null, orgId: string): OrgAbilityMap {
	return Object.fromEntries(orgAbilities.map((a) => [a, rules[a](actor, orgId)])) as OrgAbilityMap;
}

export function authorizeInOrg(actor: Actor | null, orgId: string, ability: OrgAbility): asserts actor is Actor {
	if (!actor) error(401, 'sign in first');
	if (!rules[ability](actor, orgId)) error(403, 'forbidden');
}
