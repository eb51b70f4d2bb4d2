/** The sign-in counters on both databases: atomic reservation, who is blocked, refunds, pruning. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../db';
import { createTestDatabase } from '../../../../tests/helpers/postgres';
import { ACCOUNT_RULE, ADDRESS_RULE, PAIR_RULE, prune, reserve, settle } from './throttle';

const T0 = Date.UTC(2026, 0, 1);
const rows = async (db: Database) => (await db.orm.select().from(db.t.loginThrottle)).length;

for (const dialect of ['sqlite', 'postgres'] as const) {
	describe(`login throttle on ${dialect}`, () => {
		let db: Database;
		let pgDb: Awaited<ReturnType<typeof createTestDatabase>> | null = null;

		beforeAll(async () => {
			if (dialect === 'postgres') {
				pgDb = await createTestDatabase();
				db = await openDatabase({ url: pgDb.url });
			} else {
				db = await openDatabase({ file: ':memory:' });
			}
		});
		afterAll(async () => {
			await db?.close();
			await pgDb?.drop();
		});

		it('lets only 5 of 60 simultaneous attempts through for one account and address', async () => {
			const results = await Promise.all(Array.from({ length: 60 }, () => reserve(db, { account: 'alice', address: '10.0.0.1' }, T0)));
			expect(results.filter((r) => r.ok)).toHaveLength(PAIR_RULE.free);
			const refused = results.filter((r) => !r.ok);
			expect(refused.every((r) => !r.ok && r.retryAfter === PAIR_RULE.firstDelayMs / 1000)).toBe(true);
		});

		it('keeps the owner at another address free, and a success gives the slots back', async () => {
			const owner = await reserve(db, { account: 'alice', address: '10.0.0.2' }, T0 + 1000);
			expect(owner.ok).toBe(true);
			if (owner.ok) await settle(db, owner.reservation, 'success');
			const [acct] = await db.orm.select().from(db.t.loginThrottle).where(eq(db.t.loginThrottle.key, 'acct:alice'));
			expect(acct.failures).toBe(PAIR_RULE.free); // the attacker's five, not the owner's success
			// Still blocked at the attacker's address, with the right password or not.
			expect((await reserve(db, { account: 'alice', address: '10.0.0.1' }, T0 + 2000)).ok).toBe(false);
		});

		it('slows a guesser spread over many addresses, but blocks the account only briefly', async () => {
			let allowed = 0;
			let firstRefusal = 0;
			for (let i = 0; i < 200 && !firstRefusal; i++) {
				const r = await reserve(db, { account: 'bob', address: `192.0.2.${i % 250}` }, T0);
				if (r.ok) allowed++;
				else firstRefusal = r.retryAfter;
			}
			expect(allowed).toBe(ACCOUNT_RULE.free);
			expect(firstRefusal).toBeLessThanOrEqual(ACCOUNT_RULE.maxDelayMs / 1000);
			// Even far along, the owner waits at most the cap.
			for (let k = 1; k <= 10; k++) {
				const at = T0 + k * ACCOUNT_RULE.maxDelayMs + 1;
				const r = await reserve(db, { account: 'bob', address: `198.51.100.${k}` }, at);
				expect(r.ok).toBe(true);
			}
			const blocked = await reserve(db, { account: 'bob', address: '198.51.100.200' }, T0 + 10 * ACCOUNT_RULE.maxDelayMs + 2);
			expect(blocked.ok).toBe(false);
			if (!blocked.ok) expect(blocked.retryAfter).toBeLessThanOrEqual(ACCOUNT_RULE.maxDelayMs / 1000);
		});

		it('stops credential stuffing from one address, and a refused attempt writes no row', async () => {
			const before = await rows(db);
			let allowed = 0;
			for (let i = 0; i < 100; i++) if ((await reserve(db, { account: `user${i}`, address: '203.0.113.9' }, T0)).ok) allowed++;
			expect(allowed).toBe(ADDRESS_RULE.free);
			// One address row, plus two rows for each account actually tried.
			expect((await rows(db)) - before).toBe(1 + 2 * ADDRESS_RULE.free);
		});

		it('forgets counts after their window and prunes rows past every window', async () => {
			const later = T0 + 25 * 60 * 60 * 1000 + PAIR_RULE.maxDelayMs;
			expect((await reserve(db, { account: 'alice', address: '10.0.0.1' }, later)).ok).toBe(true);
			await prune(db, later);
			const left = (await db.orm.select().from(db.t.loginThrottle)).map((r) => r.key).sort();
			expect(left).toEqual(['acct:alice', 'addr:10.0.0.1', 'pair:alice|10.0.0.1']);
		});
	});
}
