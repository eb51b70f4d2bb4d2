/** Changes a password after checking the current one; every session of the user ends, and the
 * caller gets one fresh session for the browser that made the change. */
import type { Database } from '../db';
import * as users from '../db/users';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { endUserSessions } from './sessionEnder';
import * as throttle from '../auth/throttle';

export interface ChangePasswordProps {
	userId: string;
	currentPassword: string;
	newPassword: string;
	userAgent: string;
	ip: string;
}

export type ChangePasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'wrongPassword' | 'tooShort' | 'tooLong' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export async function changePassword(db: Database, props: ChangePasswordProps): Promise<ChangePasswordResult> {
	const user = await users.byId(db, props.userId);
	if (!user) return { ok: false, reason: 'wrongPassword' };
	// Someone holding a stolen session must not get unlimited guesses at the current
	// password either: the same counters as sign-in.
	const reserved = await throttle.reserve(db, { account: user.username, address: props.ip });
	if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfter: reserved.retryAfter };
	if (!(await verifyPassword(user.passwordHash, props.currentPassword))) return { ok: false, reason: 'wrongPassword' };
	await throttle.settle(db, reserved.reservation, 'success');
	const problem = passwordProblem(props.newPassword);
	if (problem) return { ok: false, reason: problem };
	await users.setPasswordHash(db, user.id, await hashPassword(props.newPassword));
	await endUserSessions(db, user.id);
	const session = await createSession(db, user.id, { userAgent: props.userAgent, ip: props.ip });
	return { ok: true, token: session.token, expiresAt: session.expiresAt };
}
