/**
 * Password-guessing limits (OWASP ASVS v4 §2.2), kept in the database so every server
 * instance sees them. Three counters stand behind each attempt:
 *
 * - the account from this address (`pair:`): 5 failures, then a delay that doubles — an
 *   attacker's address is slowed without touching the owner elsewhere;
 * - the account from anywhere (`acct:`): many more failures before a block whose delay is
 *   capped at a few minutes — a guesser spread over many addresses is slowed, and the owner
 *   can never be locked out for long;
 * - the address across accounts (`addr:`): credential stuffing from one address.
 *
 * An attempt is reserved — counted as a failure — before the password is checked, in one
 * transaction that first takes the rows' locks, so parallel requests cannot all pass the
 * check: the 6th of 60 simultaneous guesses already sees the block the 5th set. A success
 * gives the reservation back. A count starts over once its window (from its first failure)
 * has passed, blocked attempts write nothing, and rows past every window are pruned, so
 * unknown usernames cannot grow the table.
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import { log } from '../log';

export interface ThrottleRule {
	/** Attempts allowed in a window before the first block (the one that reaches it blocks). */
	free: number;
	firstDelayMs: number;
	maxDelayMs: number;
	/** Counting restarts this long after the window's first failure (once no block is running). */
	windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One account from one address: the 5th failure blocks 30 s, then 60 s, 120 s … up to an hour. */
export const PAIR_RULE: ThrottleRule = { free: 5, firstDelayMs: 30_000, maxDelayMs: HOUR, windowMs: 24 * HOUR };
/** One account from every address: 50 failures, then 30 s doubling but never above 5 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { free: 50, firstDelayMs: 30_000, maxDelayMs: 5 * MINUTE, windowMs: 24 * HOUR };
/** One address across accounts: an office behind one address shares it, hence the room. */
export const ADDRESS_RULE: ThrottleRule = { free: 30, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: HOUR };

/** Rows untouched this long are past every window; pruning deletes them unless blocked. */
const LONGEST_WINDOW_MS = Math.max(PAIR_RULE.windowMs, ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs);
const PRUNE_EVERY_MS = MINUTE;

export interface Subject {
	/** The account as typed (normalised here); omit when no account is named (invitations). */
	account?: string;
	address: string;
}

interface Counter {
	key: string;
	rule: ThrottleRule;
	/** A success gives the slot back to this counter (pair counters are cleared instead). */
	onSuccess: 'clear' | 'refund';
}

export type Reservation = {
	counters: Counter[];
	/** blocked_until this attempt set per key, and the value it replaced, for a refund. */
	blocks: Map<string, { set: number | null; previous: Date | null }>;
};

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; retryAfter: number };

/** Keys stay short whatever is typed into the username field. */
function keyPart(value: string): string {
	return value.length <= 64 ? value : `#${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

function countersFor(subject: Subject): Counter[] {
	const address = keyPart(subject.address);
	const counters: Counter[] = [{ key: `addr:${address}`, rule: ADDRESS_RULE, onSuccess: 'refund' }];
	if (subject.account !== undefined) {
		const account = keyPart(subject.account.trim().toLowerCase());
		counters.push({ key: `pair:${account}|${address}`, rule: PAIR_RULE, onSuccess: 'clear' });
		counters.push({ key: `acct:${account}`, rule: ACCOUNT_RULE, onSuccess: 'refund' });
	}
	// One lock order for every transaction, so two reservations never wait on each other.
	return counters.sort((a, b) => (a.key < b.key ? -1 : 1));
}

function delayFor(rule: ThrottleRule, failures: number): number {
	const over = failures - rule.free;
	return over < 0 ? 0 : Math.min(rule.firstDelayMs * 2 ** Math.min(over, 30), rule.maxDelayMs);
}

class Throttled extends Error {
	constructor(readonly retryAfter: number) {
		super('throttled');
	}
}

/**
 * Counts this attempt against every counter of `subject`, unless one of them is blocked
 * (then nothing is written and the answer says how long to wait). Call before checking the
 * password; call `settle` with the outcome afterwards.
 */
export async function reserve(db: Database, subject: Subject, now = Date.now()): Promise<ReserveResult> {
	const counters = countersFor(subject);
	const keys = counters.map((c) => c.key);
	try {
		const reservation = await db.tx(async (tx) => {
			const { loginThrottle } = tx.t;
			for (const key of keys) {
				await tx.orm
					.insert(loginThrottle)
					.values({ key, failures: 0, blockedUntil: null, updatedAt: new Date(now) })
					.onConflictDoNothing();
				// Takes the row lock on PostgreSQL until commit (SQLite's BEGIN IMMEDIATE already
				// serialises writers), so the read below is the latest committed count.
				await tx.orm.update(loginThrottle).set({ key }).where(eq(loginThrottle.key, key));
			}
			const rows = new Map((await tx.orm.select().from(loginThrottle).where(inArray(loginThrottle.key, keys))).map((r) => [r.key, r]));
			const until = Math.max(0, ...[...rows.values()].map((r) => r.blockedUntil?.getTime() ?? 0));
			// Throwing rolls back the rows inserted above: a refused attempt leaves no trace.
			if (until > now) throw new Throttled(Math.ceil((until - now) / 1000));

			const blocks: Reservation['blocks'] = new Map();
			for (const { key, rule } of counters) {
				const row = rows.get(key)!;
				// `updated_at` holds when the row's counting window started.
				const fresh = now - row.updatedAt.getTime() > rule.windowMs;
				const failures = (fresh ? 0 : row.failures) + 1;
				const delay = delayFor(rule, failures);
				const blockedUntil = delay > 0 ? new Date(now + delay) : row.blockedUntil;
				blocks.set(key, { set: delay > 0 ? now + delay : null, previous: row.blockedUntil });
				await tx.orm
					.update(loginThrottle)
					.set({ failures, blockedUntil, ...(fresh ? { updatedAt: new Date(now) } : {}) })
					.where(eq(loginThrottle.key, key));
			}
			return { counters, blocks } satisfies Reservation;
		});
		return { ok: true, reservation };
	} catch (e) {
		if (e instanceof Throttled) return { ok: false, retryAfter: e.retryAfter };
		throw e;
	} finally {
		pruneNowAndThen(db, now);
	}
}

/**
 * A failure keeps the count the reservation made. A success clears the account-from-this-
 * address counter and gives the slot back to the others — and lifts a block only if this
 * very attempt set it, so an owner's success never wipes out an attacker's count.
 */
export async function settle(db: Database, reservation: Reservation, outcome: 'success' | 'failure'): Promise<void> {
	if (outcome === 'failure') return;
	await db.tx(async (tx) => {
		const { loginThrottle } = tx.t;
		for (const { key, onSuccess } of reservation.counters) {
			if (onSuccess === 'clear') {
				await tx.orm.delete(loginThrottle).where(eq(loginThrottle.key, key));
				continue;
			}
			const [row] = await tx.orm.select().from(loginThrottle).where(eq(loginThrottle.key, key));
			if (!row) continue;
			const mine = reservation.blocks.get(key);
			const ownBlock = mine?.set !== null && mine?.set !== undefined && row.blockedUntil?.getTime() === mine.set;
			await tx.orm
				.update(loginThrottle)
				.set({ failures: Math.max(0, row.failures - 1), ...(ownBlock ? { blockedUntil: mine.previous } : {}) })
				.where(eq(loginThrottle.key, key));
		}
	});
}

let lastPrune = 0;

/** Deletes rows past every window that hold no running block (at most once a minute). */
export async function prune(db: Database, now = Date.now()): Promise<number> {
	const { loginThrottle } = db.t;
	const gone = await db.orm
		.delete(loginThrottle)
		.where(
			and(
				lt(loginThrottle.updatedAt, new Date(now - LONGEST_WINDOW_MS)),
				or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, new Date(now)))
			)
		)
		.returning({ key: loginThrottle.key });
	return gone.length;
}

function pruneNowAndThen(db: Database, now: number) {
	if (now - lastPrune < PRUNE_EVERY_MS) return;
	lastPrune = now;
	prune(db, now).catch((e) => log().warn({ err: e }, 'login throttle: prune failed'));
}
