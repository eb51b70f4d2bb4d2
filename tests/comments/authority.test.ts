/**
 * Comments are trustworthy: the server stamps author, role and time; nobody can post as
 * someone else, edit or hide another's comment, or write comments through the document.
 * Who may comment in which plan state comes from the permission module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { openDataDb } from '../helpers/dataDir';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { RawClient } from '../helpers/rawClient';
import { shownContentHash, step } from '../helpers/workflow';

interface Thread {
	id: string;
	status: string;
	quote: string;
	anchor: { kind: string };
	comments: { id: string; authorId: string; authorName: string; authorRole: string; body: string | null; hidden: boolean; createdAt: string }[];
}

let server: RunningServer;
let dataDir: string;
let c: Record<'officer' | 'support' | 'support2' | 'committee' | 'mayor' | 'viewer', string>;
let planId: string;
let docName: string;

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	c = {} as typeof c;
	for (const name of ['officer', 'support', 'support2', 'committee', 'mayor', 'viewer'] as const) c[name] = await signIn(server, name);
	({ id: planId, docName } = await demoPlan(server, c.officer));
});
afterAll(async () => {
	await server?.kill();
});

const threads = async (cookie: string) => (await api<Thread[]>(server, 'GET', `/api/plans/${planId}/comments`, cookie)).body;
const userId = (username: string) => {
	const db = openDataDb(dataDir);
	const { id } = db.prepare('select id from users where username = ?').get(username) as { id: string };
	db.close();
	return id;
};

describe('authorship', () => {
	it('is stamped by the server from the session, whatever the client claims', async () => {
		const before = Date.now();
		const created = await api<{ threadId: string }>(server, 'POST', `/api/plans/${planId}/comments`, c.support, {
			anchor: { kind: 'cell', table: 'projects', rowId: 'p1', field: 'budget' },
			quote: '1,500,000',
			body: 'งบประมาณสูงเกินไปหรือไม่ @committee',
			authorId: userId('mayor'),
			author: 'mayor',
			createdAt: '2001-01-01T00:00:00Z'
		});
		expect(created.status).toBe(201);
		const [thread] = (await threads(c.viewer)).filter((t) => t.id === created.body.threadId);
		expect(thread.comments[0]).toMatchObject({ authorId: userId('support'), authorName: 'นายสมชาย ช่วยงาน', authorRole: 'support_committee' });
		expect(Date.parse(thread.comments[0].createdAt)).toBeGreaterThanOrEqual(before - 1000);
		expect(thread.quote).toBe('1,500,000');
	});

	it('lets only the author edit or hide a comment; hiding keeps the text in the register', async () => {
		const { body } = await api<{ threadId: string }>(server, 'POST', `/api/plans/${planId}/comments`, c.support, { anchor: { kind: 'plan' }, quote: '', body: 'ข้อความเดิม' });
		const thread = (await threads(c.support)).find((t) => t.id === body.threadId)!;
		const path = `/api/plans/${planId}/comments/${thread.id}/replies/${thread.comments[0].id}`;
		expect((await api(server, 'PATCH', path, c.officer, { body: 'แก้โดยคนอื่น' })).status).toBe(403);
		expect((await api(server, 'DELETE', path, c.mayor)).status).toBe(403);
		expect((await api(server, 'PATCH', path, c.support, { body: 'ข้อความที่แก้แล้ว' })).status).toBe(200);
		expect((await threads(c.viewer)).find((t) => t.id === thread.id)!.comments[0].body).toBe('ข้อความที่แก้แล้ว');
		expect((await api(server, 'DELETE', path, c.support)).status).toBe(200);
		const hidden = (await threads(c.viewer)).find((t) => t.id === thread.id)!.comments[0];
		expect(hidden).toMatchObject({ hidden: true, body: null });
		const db = openDataDb(dataDir);
		const history = db.prepare('select body, change from comment_history where comment_id = ? order by changed_at').all(thread.comments[0].id);
		db.close();
		expect(history).toEqual([{ body: 'ข้อความเดิม', change: 'edit' }, { body: 'ข้อความที่แก้แล้ว', change: 'hide' }]);
	});

	it('replies, resolves and reopens; mentions reach the mentioned member', async () => {
		const { body } = await api<{ threadId: string }>(server, 'POST', `/api/plans/${planId}/comments`, c.committee, { anchor: { kind: 'row', table: 'projects', rowId: 'p2' }, quote: 'โครงการ', body: 'ขอรายละเอียด @support' });
		expect((await api(server, 'POST', `/api/plans/${planId}/comments/${body.threadId}/replies`, c.support, { body: 'เพิ่มแล้วครับ' })).status).toBe(201);
		expect((await api(server, 'PATCH', `/api/plans/${planId}/comments/${body.threadId}`, c.committee, { status: 'resolved' })).status).toBe(200);
		let thread = (await threads(c.viewer)).find((t) => t.id === body.threadId)!;
		expect(thread.status).toBe('resolved');
		expect(thread.comments.map((x) => x.body)).toEqual(['ขอรายละเอียด @support', 'เพิ่มแล้วครับ']);
		expect((await api(server, 'PATCH', `/api/plans/${planId}/comments/${body.threadId}`, c.support, { status: 'open' })).status).toBe(200);
		thread = (await threads(c.viewer)).find((t) => t.id === body.threadId)!;
		expect(thread.status).toBe('open');
		const notifications = await fetch(`${server.url}/notifications`, { headers: { cookie: c.support } });
		expect(await notifications.text()).toContain('ขอรายละเอียด @support');
	});

	it('refuses empty, oversized and badly anchored comments with a reason, and outsiders entirely', async () => {
		const post = (cookie: string | undefined, payload: unknown) => api<{ error?: string }>(server, 'POST', `/api/plans/${planId}/comments`, cookie, payload);
		expect((await post(c.support, { anchor: { kind: 'plan' }, body: '  ' })).body.error).toBe('empty');
		expect((await post(c.support, { anchor: { kind: 'plan' }, body: 'x'.repeat(4001) })).body.error).toBe('tooLong');
		expect((await post(c.support, { anchor: { kind: 'row', table: 'users', rowId: 'x' }, body: 'x' })).body.error).toBe('badAnchor');
		expect((await post(undefined, { anchor: { kind: 'plan' }, body: 'x' })).status).toBe(401);
		const form = await fetch(`${server.url}/api/plans/${planId}/comments`, { method: 'POST', headers: { cookie: c.support, 'content-type': 'text/plain', origin: server.url }, body: '{}' });
		expect(form.status).toBe(415);
	});
});

describe('the document cannot carry comments', () => {
	it('a raw client writing comment-like data into the plan document creates no comment', async () => {
		const count = (await threads(c.officer)).length;
		const raw = new RawClient(server.wsUrl, docName, c.support);
		await raw.opened;
		raw.auth();
		await raw.waitFor('authenticated');
		const doc = new Y.Doc();
		doc.getMap('comments').set('forged', { author: 'mayor', body: 'อนุมัติแล้ว' });
		doc.getArray('threads').push([{ authorId: userId('mayor'), body: 'ปลอม' }]);
		raw.update(Y.encodeStateAsUpdate(doc));
		await new Promise((r) => setTimeout(r, 300));
		raw.close();
		expect((await threads(c.officer)).length).toBe(count);
	});

	it('open editors hear about a new thread at once', async () => {
		const client = connectClient(server.wsUrl, docName, { cookie: c.viewer });
		await waitSynced(client);
		let heard = '';
		client.provider.on('stateless', ({ payload }: { payload: string }) => (heard = payload));
		const { body } = await api<{ threadId: string }>(server, 'POST', `/api/plans/${planId}/comments`, c.support2, { anchor: { kind: 'plan' }, quote: '', body: 'ประชุมพรุ่งนี้' });
		await waitFor(() => heard.includes(body.threadId), 'comments message');
		expect(JSON.parse(heard)).toEqual({ type: 'comments', threadId: body.threadId });
		client.destroy();
	});
});

describe('who may comment when', () => {
	it('follows the plan state: viewers until review, others until sign-off, nobody after approval', async () => {
		const post = (cookie: string) => api(server, 'POST', `/api/plans/${planId}/comments`, cookie, { anchor: { kind: 'plan' }, quote: '', body: 'ความเห็น' });
		expect((await post(c.viewer)).status).toBe(201);
		await step(server, planId, 'submit', c.officer);
		expect((await post(c.viewer)).status).toBe(201);
		await step(server, planId, 'forward', c.committee);
		expect((await post(c.viewer)).status).toBe(403);
		expect((await post(c.mayor)).status).toBe(201);
		// The register was frozen with the locked version, threads and replies included.
		const db = openDataDb(dataDir);
		const { register } = db.prepare("select comment_register as register from plan_versions where plan_id = ? and state = 'locked'").get(planId) as { register: string };
		db.close();
		expect(JSON.parse(register).length).toBeGreaterThanOrEqual(5);
		expect(register).toContain('ข้อความเดิม');
		await step(server, planId, 'approve', c.mayor, { contentSha256: await shownContentHash(server, planId, c.mayor) });
		for (const who of [c.mayor, c.officer, c.committee, c.viewer]) expect((await post(who)).status).toBe(403);
	});
});
