/** An org admin's actions on accounts: end all of a user's sessions, disable, enable. */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as users from '../db/users';
import { authorizeInOrg } from '../policies/org';
import type { Actor } from '../policies/plan';
import { endUserSessions } from './sessionEnder';
import * as audit from '../db/audit';

async function target(db: Database, actor: Actor | null, userId: string) {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageAccounts');
	const user = await users.byId(db, userId);
	if (!user || user.orgId !== actor.orgId) error(404, 'no such user');
	return { actor, user };
}

/** Signs a user out everywhere, including their open collaboration connections. */
export async function revokeSessions(db: Database, actor: Actor | null, userId: string): Promise<number> {
	const { user, actor: admin } = await target(db, actor, userId);
	const ended = await endUserSessions(db, user.id);
	await audit.record(db, { orgId: admin.orgId, actorId: admin.id, action: 'accounts.revokeSessions', data: { userId: user.id, ended } });
	return ended;
}

/** Disables (and signs out) or re-enables an account. An admin cannot disable themselves. */
export async function setAccountDisabled(db: Database, actor: Actor | null, userId: string, disabled: boolean) {
	const { user, actor: admin } = await target(db, actor, userId);
	if (disabled && user.id === admin.id) error(400, 'cannot disable yourself');
	await db.tx(async (tx) => {
		await users.setDisabled(tx, admin.orgId, user.id, disabled);
		await audit.record(tx, { orgId: admin.orgId, actorId: admin.id, action: disabled ? 'accounts.disable' : 'accounts.enable', data: { userId: user.id } });
	});
	if (disabled) await endUserSessions(db, user.id);
}
