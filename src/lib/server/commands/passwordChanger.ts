/** Changes a password after checking the current one; every session of the user ends, and the
 * caller gets one fresh session for the browser that made the change. */
import type { Database } from '../db';
import * as users from '../db/users';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { endUserSessions } from './sessionEnder';

export interface ChangePasswordProps {
	userId: string;
	currentPassword: string;
	newPassword: string;
	userAgent: string;
	ip: string;
}

export type ChangePasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'wrongPassword' | 'tooShort' | 'tooLong' };

export async function changePassword(db: Database, props: ChangePasswordProps): Promise<ChangePasswordResult> {
	const user = await users.byId(db, props.userId);
	if (!user || !(await verifyPassword(user.passwordHash, props.currentPassword))) return { ok: false, reason: 'wrongPassword' };
	const problem = passwordProblem(props.newPassword);
	if (problem) return { ok: false, reason: problem };
	await users.setPasswordHash(db, user.id, await hashPassword(props.newPassword));
	await endUserSessions(db, user.id);
	const session = await createSession(db, user.id, { userAgent: props.userAgent, ip: props.ip });
	return { ok: true, token: session.token, expiresAt: session.expiresAt };
}
