/** Signs a user in: rate limit, constant-time password check, a fresh session (never reuses one). */
import type { Database } from '../db';
import * as users from '../db/users';
import { verifyPassword } from '../auth/password';
import { createSession } from '../auth/session';
import * as throttle from '../auth/throttle';
import { log } from '../log';

export interface SignInProps {
	/** As typed; compared case-insensitively. */
	username: string;
	password: string;
	/** Client address (`locals.clientAddress`), for the per-address limits. */
	ip: string;
	userAgent: string;
}

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; userId: string }
	/** Same answer for unknown account and wrong password: no user enumeration. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export async function signIn(db: Database, props: SignInProps): Promise<SignInResult> {
	// The attempt is counted before the password is checked, so parallel guesses cannot
	// all slip through; unknown accounts are counted exactly like known ones.
	const reserved = await throttle.reserve(db, { account: users.normalizeUsername(props.username), address: props.ip });
	if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfter: reserved.retryAfter };

	const user = await users.byUsername(db, props.username);
	const valid = await verifyPassword(user?.passwordHash ?? null, props.password);
	if (!user || !valid || user.disabledAt) {
		log().info({ address: props.ip }, 'sign-in: password rejected');
		return { ok: false, reason: 'invalid' };
	}
	await throttle.settle(db, reserved.reservation, 'success');
	const session = await createSession(db, user.id, { ip: props.ip, userAgent: props.userAgent });
	return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}
