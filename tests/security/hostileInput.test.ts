/**
 * Sign-in, password change, invitation and comment endpoints read their input through one
 * schema each (src/lib/server/input.ts): what is not text is refused with a reason — never
 * stored as "[object Object]", never a server error — and passwords keep their spaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPassword, demoPlan, postAction, sessionCookieFrom, signIn } from '../helpers/http';
import { api } from '../helpers/api';

let server: RunningServer;
let officer: string;
let planId: string;

beforeAll(async () => {
	server = await startServer();
	officer = await signIn(server, 'officer');
	({ id: planId } = await demoPlan(server, officer));
});
afterAll(async () => {
	await server?.kill();
});

/** A multipart form, so a field can be a file where text is expected. */
async function postMultipart(path: string, form: FormData, cookie?: string) {
	const res = await fetch(server.url + path, {
		method: 'POST',
		headers: { origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true', ...(cookie ? { cookie } : {}) },
		body: form,
		redirect: 'manual'
	});
	const body = (await res.json()) as { type: string; status?: number; data?: string };
	return { status: body.type === 'failure' ? body.status : res.status, data: body.data ?? '' };
}

describe('sign-in', () => {
	it('answers a file in the password field, or a 100 KB password, like a wrong password', async () => {
		const form = new FormData();
		form.set('username', 'officer');
		form.set('password', new Blob([demoPassword('officer')]), 'password.txt');
		const asFile = await postMultipart('/login', form);
		expect(asFile.status).toBe(400);
		expect(asFile.data).toContain('invalidCredentials');

		const huge = await postAction(server, '/login', { username: 'officer', password: 'ก'.repeat(100_000) });
		expect(huge.status).toBe(400);
		expect(huge.data).toMatchObject({ error: 'invalidCredentials' });
	});

	it('keeps the spaces of a password: set with spaces, signing in without them fails', async () => {
		const person = await signIn(server, 'viewer');
		const spaced = '  เว้นวรรค ทั้งสองข้าง  ';
		const changed = await postAction(server, '/account?/password', { currentPassword: demoPassword('viewer'), newPassword: spaced }, person);
		expect(changed.status).toBe(200);
		const trimmed = await postAction(server, '/login', { username: 'viewer', password: spaced.trim() });
		expect(trimmed.status).toBe(400);
		const exact = await postAction(server, '/login', { username: 'viewer', password: spaced });
		expect(sessionCookieFrom(exact.setCookie)).toBeTruthy();
	});
});

describe('comments API', () => {
	const threads = async () => (await api<{ quote: string; comments: { body: string | null }[] }[]>(server, 'GET', `/api/plans/${planId}/comments`, officer)).body;

	it('refuses a body or quote that is not text, naming the property, and stores nothing', async () => {
		const before = (await threads()).length;
		for (const [payload, field] of [
			[{ anchor: { kind: 'plan' }, quote: '', body: { text: 'x' } }, 'body'],
			[{ anchor: { kind: 'plan' }, quote: ['a'], body: 'ข้อความ' }, 'quote'],
			[{ anchor: { kind: 'plan' }, quote: '', body: 42 }, 'body']
		] as const) {
			const res = await api<{ error: string; field: string }>(server, 'POST', `/api/plans/${planId}/comments`, officer, payload);
			expect(res.status).toBe(400);
			expect(res.body).toEqual({ error: 'invalidInput', field });
		}
		const after = await threads();
		expect(after).toHaveLength(before);
		expect(JSON.stringify(after)).not.toContain('[object Object]');
	});

	it('refuses an unknown thread status and a reply that is not text', async () => {
		const { body: created } = await api<{ threadId: string }>(server, 'POST', `/api/plans/${planId}/comments`, officer, { anchor: { kind: 'plan' }, quote: '', body: 'เปิดประเด็น' });
		const status = await api<{ error: string; field: string }>(server, 'PATCH', `/api/plans/${planId}/comments/${created.threadId}`, officer, { status: 'deleted' });
		expect(status).toEqual({ status: 400, body: { error: 'invalidInput', field: 'status' } });
		const reply = await api<{ error: string; field: string }>(server, 'POST', `/api/plans/${planId}/comments/${created.threadId}/replies`, officer, { body: null });
		expect(reply).toEqual({ status: 400, body: { error: 'invalidInput', field: 'body' } });
		const thread = (await threads()).find((t) => t.comments[0]?.body === 'เปิดประเด็น');
		expect(thread?.comments).toHaveLength(1);
	});
});
