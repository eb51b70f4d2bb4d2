/**
 * Sessions and sign-in as a user and an attacker would meet them: cookie flags, fixation,
 * logout, password change, admin revocation (including open collaboration connections),
 * the sign-in rate limit, no user enumeration, and invitation reuse and expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, postAction, sessionCookieFrom, signIn } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { inviteAndAccept } from '../helpers/people';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.kill();
});

const isSignedIn = async (cookie: string) => (await getJson(server, '/account', cookie)).status === 200;

describe('session cookie', () => {
	it('is HttpOnly, SameSite=Lax, site-wide, and only a random token', async () => {
		const result = await postAction(server, '/login', { username: 'support', password: 'support-demo-2569' });
		const line = result.setCookie.find((c) => c.startsWith('ruamphaen_session='))!;
		expect(line).toMatch(/HttpOnly/i);
		expect(line).toMatch(/SameSite=Lax/i);
		expect(line).toMatch(/Path=\//i);
		expect(line).not.toMatch(/Secure/i); // plain http here; see the ORIGIN test below
		const token = line.split(';')[0].split('=')[1];
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		// The database holds only its hash.
		const db = openDataDb(dataDir);
		const ids = (db.prepare('select id from sessions').all() as { id: string }[]).map((r) => r.id);
		db.close();
		expect(ids).not.toContain(token);
		expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
	});

	it('is Secure when the public origin is https', async () => {
		const secure = await startServer({ env: { ORIGIN: `https://127.0.0.1` } });
		try {
			// The CSRF check compares with ORIGIN, so the form posts from that origin.
			const res = await fetch(`${secure.url}/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://127.0.0.1' },
				body: new URLSearchParams({ username: 'support', password: 'support-demo-2569' }),
				redirect: 'manual'
			});
			expect(res.headers.getSetCookie().find((c) => c.startsWith('ruamphaen_session='))).toMatch(/Secure/);
		} finally {
			await secure.kill();
		}
	});
});

describe('sign-in', () => {
	it('issues a new session instead of keeping one the browser brought (no fixation)', async () => {
		const planted = await signIn(server, 'viewer');
		const result = await postAction(server, '/login', { username: 'viewer', password: 'viewer-demo-2569' }, planted);
		const fresh = sessionCookieFrom(result.setCookie)!;
		expect(fresh).not.toBe(planted);
		expect(await isSignedIn(fresh)).toBe(true);
		expect(await isSignedIn(planted)).toBe(false);
	});

	it('answers the same for an unknown account and a wrong password', async () => {
		const unknown = await postAction(server, '/login', { username: 'nobody-here', password: 'whatever-123' });
		const wrong = await postAction(server, '/login', { username: 'committee', password: 'wrong-password' });
		expect(unknown.status).toBe(400);
		expect(wrong.status).toBe(400);
		expect(unknown.data).toMatchObject({ error: 'invalidCredentials' });
		expect(wrong.data).toMatchObject({ error: 'invalidCredentials' });
	});

	it('blocks an account after 5 failures, even with the right password, with a growing delay', async () => {
		for (let i = 0; i < 5; i++) {
			expect((await postAction(server, '/login', { username: 'support2', password: `nope-${i}` })).status).toBe(400);
		}
		const blocked = await postAction(server, '/login', { username: 'support2', password: 'support2-demo-2569' });
		expect(blocked.status).toBe(429);
		const first = (blocked.data as { retryAfter: number }).retryAfter;
		expect(first).toBeGreaterThanOrEqual(29);
		// Let the block lapse (moved into the past), fail once more: the next delay doubles.
		const db = openDataDb(dataDir);
		db.prepare("update login_throttle set blocked_until = ? where key = 'pair:support2|127.0.0.1'").run(Date.now() - 1);
		db.close();
		await postAction(server, '/login', { username: 'support2', password: 'nope-again' });
		const again = await postAction(server, '/login', { username: 'support2', password: 'support2-demo-2569' });
		expect(again.status).toBe(429);
		expect((again.data as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(2 * first - 2);
	});
});

describe('ending sessions', () => {
	it('logout ends the session on the server, and its collaboration connection', async () => {
		const cookie = await signIn(server, 'committee');
		const { docName } = await demoPlan(server, cookie);
		const client = connectClient(server.wsUrl, docName, { cookie });
		await waitSynced(client);
		let closedWith = 0;
		client.provider.on('close', ({ event }: { event: { code: number } }) => (closedWith = event.code));
		await postAction(server, '/logout', {}, cookie);
		expect(await isSignedIn(cookie)).toBe(false);
		await waitFor(() => closedWith === 4401, 'open connection closed as unauthorized');
		client.destroy();
	});

	it('a password change signs out every other device and keeps the one that changed it', async () => {
		const laptop = await signIn(server, 'mayor');
		const phone = await signIn(server, 'mayor');
		const result = await postAction(server, '/account?/password', { currentPassword: 'mayor-demo-2569', newPassword: 'mayor-new-password-2569' }, laptop);
		expect(result.data).toMatchObject({ passwordChanged: true });
		const renewed = sessionCookieFrom(result.setCookie)!;
		expect(await isSignedIn(renewed)).toBe(true);
		expect(await isSignedIn(laptop)).toBe(false);
		expect(await isSignedIn(phone)).toBe(false);
		await signIn(server, 'mayor', 'mayor-new-password-2569');
	});

	it('a wrong current password or a short new one changes nothing', async () => {
		const cookie = await signIn(server, 'officer');
		expect((await postAction(server, '/account?/password', { currentPassword: 'bad', newPassword: 'long-enough-pass' }, cookie)).data).toMatchObject({ passwordError: 'wrongPassword' });
		expect((await postAction(server, '/account?/password', { currentPassword: 'officer-demo-2569', newPassword: 'short' }, cookie)).data).toMatchObject({ passwordError: 'tooShort' });
		await signIn(server, 'officer');
	});

	it('an admin can sign a user out everywhere; only an admin can', async () => {
		const admin = await signIn(server, 'admin');
		const victim = await signIn(server, 'viewer');
		const userId = (openDataDb(dataDir).prepare("select id from users where username = 'viewer'").get() as { id: string }).id;
		const officer = await signIn(server, 'officer');
		const denied = await postAction(server, '/org/members?/revoke', { userId }, officer);
		expect(denied.status).toBe(403);
		expect(await isSignedIn(victim)).toBe(true);
		const done = await postAction(server, '/org/members?/revoke', { userId }, admin);
		expect((done.data as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
		expect(await isSignedIn(victim)).toBe(false);
	});
});

describe('invitations', () => {
	async function invite(): Promise<string> {
		const admin = await signIn(server, 'admin');
		const result = await postAction(server, '/org/members?/invite', { displayName: 'สมาชิกใหม่', orgRole: 'member' }, admin);
		return new URL((result.data as { invitationUrl: string }).invitationUrl).pathname;
	}

	it('work once', async () => {
		const path = await invite();
		const first = await postAction(server, path, { username: 'newbie', password: 'newbie-password-1' });
		expect(first.body.type).toBe('redirect');
		const second = await postAction(server, path, { username: 'newbie2', password: 'newbie-password-2' });
		expect(second.data).toMatchObject({ error: 'invalidInvitation' });
		expect((await postAction(server, '/login', { username: 'newbie2', password: 'newbie-password-2' })).status).toBe(400);
	});

	it('expire', async () => {
		const path = await invite();
		const db = openDataDb(dataDir);
		db.prepare('update invitations set expires_at = ? where used_at is null').run(Date.now() - 1000);
		db.close();
		const result = await postAction(server, path, { username: 'latecomer', password: 'latecomer-password' });
		expect(result.data).toMatchObject({ error: 'invalidInvitation' });
	});

	it('are created only by those who may invite, and only an admin invites admins', async () => {
		const viewer = await signIn(server, 'viewer');
		expect((await postAction(server, '/org/members?/invite', { displayName: 'x', orgRole: 'member' }, viewer)).status).toBe(403);
		const officer = await signIn(server, 'officer');
		expect((await postAction(server, '/org/members?/invite', { displayName: 'x', orgRole: 'admin' }, officer)).status).toBe(403);
		await expect(inviteAndAccept(server, officer, 'byofficer')).resolves.toMatch(/^ruamphaen_session=/);
	});
});
