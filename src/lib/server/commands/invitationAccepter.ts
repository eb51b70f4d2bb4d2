/** Turns an invitation link into an account: username and password chosen by the invitee. */
import type { Database } from '../db';
import * as invitations from '../db/invitations';
import * as users from '../db/users';
import * as planMembers from '../db/planMembers';
import { hashPassword, passwordProblem } from '../auth/password';
import { createSession } from '../auth/session';
import { tokenId } from '../auth/tokens';
import { isOrgRole, isPlanRole } from '$lib/domain/roles';
import * as audit from '../db/audit';
import * as throttle from '../auth/throttle';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;

/** The invitation a token names if it can still be used; null otherwise (unknown, used, expired). */
export async function findUsableInvitation(db: Database, token: string, now = Date.now()) {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = await invitations.byId(db, tokenId(token));
	if (!row || row.usedAt || row.expiresAt.getTime() <= now) return null;
	return row;
}

export interface AcceptInvitationProps {
	token: string;
	username: string;
	password: string;
	displayName?: string;
	userAgent: string;
	ip: string;
}

export type AcceptInvitationResult =
	| { ok: true; token: string; expiresAt: Date; userId: string }
	| { ok: false; reason: 'invalidInvitation' | 'badUsername' | 'usernameTaken' | 'tooShort' | 'tooLong' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export async function acceptInvitation(db: Database, props: AcceptInvitationProps): Promise<AcceptInvitationResult> {
	// No password is guessed here, but an address that keeps trying dead invitation links is
	// counted like one that keeps failing sign-ins; a usable link gives the attempt back.
	const reserved = await throttle.reserve(db, { address: props.ip });
	if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfter: reserved.retryAfter };
	const invitation = await findUsableInvitation(db, props.token);
	if (!invitation || !isOrgRole(invitation.orgRole)) return { ok: false, reason: 'invalidInvitation' };
	await throttle.settle(db, reserved.reservation, 'success');
	const username = users.normalizeUsername(props.username);
	if (!USERNAME_PATTERN.test(username)) return { ok: false, reason: 'badUsername' };
	const problem = passwordProblem(props.password);
	if (problem) return { ok: false, reason: problem };
	if (await users.byUsername(db, username)) return { ok: false, reason: 'usernameTaken' };
	const passwordHash = await hashPassword(props.password);

	const orgRole = invitation.orgRole;
	const created = await db.tx(async (tx) => {
		const user = await users.insert(tx, {
			orgId: invitation.orgId,
			username,
			displayName: props.displayName?.trim() || invitation.displayName,
			position: invitation.position,
			orgRole,
			passwordHash
		});
		// Single use: whoever marks it first wins; the loser's account is rolled back.
		if (!(await invitations.markUsed(tx, invitation.id, user.id))) throw new InvitationUsedError();
		if (invitation.planId && isPlanRole(invitation.planRole)) await planMembers.set(tx, invitation.planId, user.id, invitation.planRole);
		await audit.record(tx, { orgId: invitation.orgId, actorId: user.id, action: 'members.join', data: { invitedBy: invitation.createdBy, orgRole, planId: invitation.planId, planRole: invitation.planRole } });
		return user;
	}).catch((e) => {
		if (e instanceof InvitationUsedError) return null;
		throw e;
	});
	if (!created) return { ok: false, reason: 'invalidInvitation' };
	const session = await createSession(db, created.id, { userAgent: props.userAgent, ip: props.ip });
	return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: created.id };
}

class InvitationUsedError extends Error {}
