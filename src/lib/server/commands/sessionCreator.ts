/** Signs a user in: rate limit, constant-time password check, a fresh session (never reuses one). */
import type { Database } from '../db';
import * as users from '../db/users';
import { verifyPassword } from '../auth/password';
import { createSession } from '../auth/session';
import * as throttle from '../auth/throttle';

export interface SignInProps {
	/** As typed; compared case-insensitively. */
	username: string;
	password: string;
	/** Client address, for the per-address limit. */
	ip: string;
	userAgent: string;
}

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; userId: string }
	/** Same answer for unknown account and wrong password: no user enumeration. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export async function signIn(db: Database, props: SignInProps): Promise<SignInResult> {
	const accountKey = `user:${users.normalizeUsername(props.username)}`;
	const addressKey = `ip:${props.ip}`;
	const retryAfter = Math.max(await throttle.retryAfterSeconds(db, accountKey), await throttle.retryAfterSeconds(db, addressKey));
	if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter };

	const user = await users.byUsername(db, props.username);
	const valid = await verifyPassword(user?.passwordHash ?? null, props.password);
	if (!user || !valid || user.disabledAt) {
		await throttle.recordFailure(db, accountKey, throttle.ACCOUNT_RULE);
		await throttle.recordFailure(db, addressKey, throttle.ADDRESS_RULE);
		return { ok: false, reason: 'invalid' };
	}
	await throttle.clear(db, accountKey);
	const session = await createSession(db, user.id, { ip: props.ip, userAgent: props.userAgent });
	return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}
