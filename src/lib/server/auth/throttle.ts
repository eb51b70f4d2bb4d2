/**
 * Sign-in rate limit, kept in the database so every server instance sees it. After a number
 * of consecutive failures a key (an account, or an address) is blocked for a delay that
 * doubles with each further failure; a success clears the account's count.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';

export interface ThrottleRule {
	/** Consecutive failures that bring the first block. */
	free: number;
	firstDelayMs: number;
	maxDelayMs: number;
}

/** Per account: the 5th failure blocks for 30 s, the next for 60 s, 120 s … up to an hour. */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };
/** Per address: more tries, since a whole office may share one address. */
export const ADDRESS_RULE: ThrottleRule = { free: 20, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** Seconds until `key` may try again, or 0. */
export async function retryAfterSeconds(db: Database, key: string, now = Date.now()): Promise<number> {
	const [row] = await db.orm.select().from(db.t.loginThrottle).where(eq(db.t.loginThrottle.key, key));
	const until = row?.blockedUntil?.getTime() ?? 0;
	return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailure(db: Database, key: string, rule: ThrottleRule, now = Date.now()) {
	await db.tx(async (tx) => {
		const { loginThrottle } = tx.t;
		const [row] = await tx.orm.select().from(loginThrottle).where(eq(loginThrottle.key, key));
		const failures = (row?.failures ?? 0) + 1;
		const over = failures - rule.free + 1;
		const blockedUntil = over > 0 ? new Date(now + Math.min(rule.firstDelayMs * 2 ** (over - 1), rule.maxDelayMs)) : null;
		const values = { failures, blockedUntil, updatedAt: new Date(now) };
		if (row) await tx.orm.update(loginThrottle).set(values).where(eq(loginThrottle.key, key));
		else await tx.orm.insert(loginThrottle).values({ key, ...values });
	});
}

export async function clear(db: Database, key: string) {
	await db.orm.delete(db.t.loginThrottle).where(eq(db.t.loginThrottle.key, key));
}
