/**
 * Password guessing against the real server, as an attacker does it: many guesses at once,
 * a spoofed X-Forwarded-For, many unknown usernames. A guess answered "wrong username or
 * password" (400) had its password checked; one answered 429 did not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPassword, signIn } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { createTestDatabase } from '../helpers/postgres';

interface Outcome {
	status: number;
	type: string;
}

/** Posts the sign-in form (optionally as from behind a proxy); returns the action's status. */
async function attempt(server: RunningServer, username: string, password: string, headers: Record<string, string> = {}): Promise<Outcome> {
	const res = await fetch(`${server.url}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true', ...headers },
		body: new URLSearchParams({ username, password }),
		redirect: 'manual'
	});
	const body = (await res.json()) as { type: string; status?: number };
	return { status: body.type === 'failure' && body.status ? body.status : res.status, type: body.type };
}

const tally = (outcomes: Outcome[]) => ({
	checked: outcomes.filter((o) => o.status === 400).length,
	blocked: outcomes.filter((o) => o.status === 429).length,
	signedIn: outcomes.filter((o) => o.type === 'redirect').length
});

describe('sign-in throttle, server reading the socket address (no proxy configured)', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.kill();
	});

	it('checks at most 5 of 60 parallel guesses, whatever X-Forwarded-For claims', async () => {
		const guesses = Array.from({ length: 60 }, (_, i) =>
			attempt(server, 'support', `guess-${i}`, { 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` })
		);
		const counts = tally(await Promise.all(guesses));
		console.info(`throttle: 60 parallel guesses → ${counts.checked} passwords checked, ${counts.blocked} blocked`);
		expect(counts.checked).toBeLessThanOrEqual(5);
		expect(counts.checked + counts.blocked).toBe(60);
		// The spoofed header bought nothing: the right password is refused too, from here.
		expect((await attempt(server, 'support', demoPassword('support'), { 'x-forwarded-for': '198.19.0.1' })).status).toBe(429);
	});

	it('limits guesses at the current password on the account page the same way', async () => {
		const cookie = await signIn(server, 'committee');
		const tries = await Promise.all(
			Array.from({ length: 30 }, async (_, i) => {
				const res = await fetch(`${server.url}/account?/password`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true', cookie },
					body: new URLSearchParams({ currentPassword: `guess-${i}`, newPassword: 'a-new-password-2569' })
				});
				const body = (await res.json()) as { status: number };
				return body.status;
			})
		);
		expect(tries.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(tries.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
	});
});

describe('sign-in throttle behind a reverse proxy (TRUSTED_PROXY_HEADER)', () => {
	let server: RunningServer;
	let dataDir: string;
	beforeAll(async () => {
		dataDir = tempDir();
		server = await startServer({ dataDir, env: { TRUSTED_PROXY_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_HOPS: '1' } });
	});
	afterAll(async () => {
		await server?.kill();
	});

	it('blocks the attacking address only; the owner signs in from elsewhere', async () => {
		// The proxy appends the real address on the right; the attacker controls the left.
		const attacker = (i: number) => ({ 'x-forwarded-for': `10.${i}.0.1, 203.0.113.66` });
		const counts = tally(await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(server, 'viewer', `guess-${i}`, attacker(i)))));
		expect(counts.checked).toBeLessThanOrEqual(5);
		expect(counts.blocked).toBeGreaterThanOrEqual(55);
		expect((await attempt(server, 'viewer', demoPassword('viewer'), attacker(99))).status).toBe(429);

		// The owner, at another address, is not locked out by the attack.
		const owner = await attempt(server, 'viewer', demoPassword('viewer'), { 'x-forwarded-for': '198.51.100.4' });
		expect(owner.type).toBe('redirect');
		// Nor is anybody else at the attacker's address who signs in to their own account.
		const colleague = await attempt(server, 'support', demoPassword('support'), { 'x-forwarded-for': '203.0.113.66' });
		expect(colleague.type).toBe('redirect');
	});

	it('keeps the table bounded under many unknown usernames, and prunes old rows', async () => {
		const db = openDataDb(dataDir);
		const count = () => (db.prepare('select count(*) as n from login_throttle').get() as { n: number }).n;
		const before = count();
		const outcomes: Outcome[] = [];
		for (let i = 0; i < 300; i++) outcomes.push(await attempt(server, `nobody-${i}-${'x'.repeat(i % 50)}`, 'whatever-123', { 'x-forwarded-for': '192.0.2.77' }));
		const counts = tally(outcomes);
		// Unknown names are answered like real ones (no enumeration) and cost rows only
		// until the address is blocked: one address row and two per name actually tried.
		expect(counts.checked).toBeLessThanOrEqual(30);
		expect(count() - before).toBeLessThanOrEqual(1 + 2 * counts.checked);
		db.close();
	});
});

describe('sign-in throttle on PostgreSQL', () => {
	it('checks at most 5 of 60 parallel guesses there too', async () => {
		const database = await createTestDatabase();
		const server = await startServer({ databaseUrl: database.url });
		try {
			const counts = tally(await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(server, 'mayor', `guess-${i}`))));
			console.info(`throttle (PostgreSQL): 60 parallel guesses → ${counts.checked} passwords checked, ${counts.blocked} blocked`);
			expect(counts.checked).toBeLessThanOrEqual(5);
			expect(counts.checked + counts.blocked).toBe(60);
		} finally {
			await server.kill();
			await database.drop();
		}
	});
});

describe('old throttle rows', () => {
	it('are deleted once past every window', async () => {
		const dataDir = tempDir();
		const first = await startServer({ dataDir });
		await first.kill();
		// Rows left by two days of guessing at names that never existed.
		const db = openDataDb(dataDir);
		const old = Date.now() - 2 * 24 * 60 * 60 * 1000;
		const insert = db.prepare('insert into login_throttle (key, failures, blocked_until, updated_at) values (?, 3, null, ?)');
		db.transaction(() => {
			for (let i = 0; i < 5000; i++) insert.run(`acct:ghost-${i}`, old);
		})();
		const server = await startServer({ dataDir });
		try {
			await attempt(server, 'nobody', 'whatever-123');
			await expect.poll(() => (db.prepare("select count(*) as n from login_throttle where key like 'acct:ghost-%'").get() as { n: number }).n).toBe(0);
		} finally {
			db.close();
			await server.kill();
		}
	});
});
