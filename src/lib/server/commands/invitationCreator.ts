/** Creates a one-time invitation link for a new member of the organization. */
import type { Database } from '../db';
import * as invitations from '../db/invitations';
import { generateToken, tokenId } from '../auth/tokens';
import { authorizeInOrg, mayGrantOrgRole } from '../policies/org';
import type { Actor } from '../policies/plan';
import { authorize } from '../policies/plan';
import { loadPlanScene } from '../planAccess';
import type { OrgRole, PlanRole } from '$lib/domain/roles';
import { error } from '@sveltejs/kit';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface CreateInvitationProps {
	actor: Actor | null;
	displayName: string;
	position?: string;
	orgRole: OrgRole;
	/** Optionally, a plan the new member joins, with a role on it. */
	plan?: { id: string; role: PlanRole };
	/** For tests of expiry; default now. */
	now?: number;
}

/** Returns the secret token (shown once, as a link); only its hash is stored. */
export async function createInvitation(db: Database, props: CreateInvitationProps): Promise<{ token: string; expiresAt: Date }> {
	const { actor } = props;
	if (!actor) error(401, 'sign in first');
	authorizeInOrg(actor, actor.orgId, 'inviteMembers');
	if (!mayGrantOrgRole(actor, props.orgRole)) error(403, 'forbidden');
	if (props.plan) {
		const scene = await loadPlanScene(db, actor, props.plan.id);
		if (!scene) error(404, 'not found');
		authorize(scene, 'manageMembers');
	}
	const token = generateToken();
	const expiresAt = new Date((props.now ?? Date.now()) + INVITATION_LIFETIME_MS);
	await invitations.insert(db, {
		id: tokenId(token),
		orgId: actor.orgId,
		displayName: props.displayName.trim(),
		position: props.position?.trim() ?? '',
		orgRole: props.orgRole,
		planId: props.plan?.id ?? null,
		planRole: props.plan?.role ?? null,
		createdBy: actor.id,
		expiresAt
	});
	return { token, expiresAt };
}
