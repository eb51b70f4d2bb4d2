/**
 * One write path for plan content (issue 11, findings 2 and 5), attacked on the real built
 * server the way a drafter with a slow connection or a raw socket would:
 *
 * - an import whose body finishes arriving after the plan was submitted stores nothing, also
 *   after a restart (the draft check happens where the rows are stored, not before the body);
 * - updates that create a root, a key or a kind of value the plan model does not have are
 *   refused with a close code and never stored or relayed, and other documents are untouched;
 * - a plan cannot be flooded past its size bounds; it still loads, its content intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { once } from 'node:events';
import * as Y from 'yjs';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, devalueData, postAction, signIn } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { RawClient } from '../helpers/rawClient';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { step } from '../helpers/workflow';
import { readPlan } from '../../src/lib/domain/plan/doc';

/** Log rows and bytes of one document, straight from the data directory. */
function logOf(dataDir: string, docName: string): { rows: number; bytes: number } {
	const db = openDataDb(dataDir);
	const row = db.prepare('select count(*) as rows, coalesce(sum(length(data)), 0) as bytes from doc_updates where doc_name = ?').get(docName) as { rows: number; bytes: number };
	db.close();
	return row;
}

/** What a cold load of the document reads: its snapshot and the log after it (what PLAN_MAX_BYTES bounds). */
function storedSize(dataDir: string, docName: string): number {
	const db = openDataDb(dataDir);
	const snap = db.prepare('select length(state) as bytes, upto_seq as upto from doc_snapshots where doc_name = ?').get(docName) as { bytes: number; upto: number } | undefined;
	const tail = db.prepare('select coalesce(sum(length(data)), 0) as bytes from doc_updates where doc_name = ? and seq > ?').get(docName, snap?.upto ?? 0) as { bytes: number };
	db.close();
	return (snap?.bytes ?? 0) + tail.bytes;
}

/** SvelteKit's action envelope with its devalue'd data. */
function readEnvelope(text: string): { type: string; status?: number; data: unknown } {
	const body = JSON.parse(text) as { type: string; status?: number; data?: string };
	return { type: body.type, status: body.status, data: body.data ? devalueData(body.data) : undefined };
}

/**
 * Starts a form post whose body is held back: everything but its last byte is written, and
 * `reading` resolves once the server has started to consume it — by that time the action's
 * guard has run. The body is larger than what the client's send buffer and the server's
 * receive buffer hold together while nobody reads (4 MB + ~200 KB on this machine kind), so
 * the write drains only once the action reads the body. When the kernel takes the whole body
 * in the write itself, the server was already reading it while it was being copied (seen on a
 * loaded 2-core CI machine): the guard has run then too.
 * `finish` sends the last byte and resolves with the response body.
 */
async function slowFormPost(server: RunningServer, path: string, cookie: string, fields: Record<string, string>) {
	const body = Buffer.from(new URLSearchParams(fields).toString());
	const socket = net.connect(server.port, '127.0.0.1');
	await once(socket, 'connect');
	let response = '';
	socket.on('data', (d) => (response += d));
	const ended = once(socket, 'end');
	socket.write(
		[
			`POST ${path} HTTP/1.1`,
			`Host: 127.0.0.1:${server.port}`,
			`Origin: ${server.url}`,
			`Cookie: ${cookie}`,
			'Accept: application/json',
			'x-sveltekit-action: true',
			'Content-Type: application/x-www-form-urlencoded',
			`Content-Length: ${body.length}`,
			'Connection: close',
			'',
			''
		].join('\r\n')
	);
	const takenAtOnce = socket.write(body.subarray(0, body.length - 1));
	return {
		reading: takenAtOnce ? Promise.resolve() : once(socket, 'drain').then(() => undefined),
		async finish(): Promise<{ status: number; body: string }> {
			socket.write(body.subarray(body.length - 1));
			await ended;
			const [head, ...rest] = response.split('\r\n\r\n');
			const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
			// Chunked or not, the JSON envelope is the one line that starts with '{'.
			const json = rest.join('\r\n\r\n').split('\r\n').find((l) => l.startsWith('{')) ?? '';
			return { status, body: json };
		}
	};
}

/** A self-contained update (it builds on nothing already in the plan). */
function updateOf(fill: (doc: Y.Doc) => void): Uint8Array {
	const doc = new Y.Doc();
	fill(doc);
	return Y.encodeStateAsUpdate(doc);
}

/** Sends `update` on a fresh authenticated raw socket; resolves with how the server closed it (or 'open'). */
async function sendRaw(server: RunningServer, docName: string, cookie: string, update: Uint8Array): Promise<{ code: number; reason: string } | 'open'> {
	const raw = new RawClient(server.wsUrl, docName, cookie);
	const closed = new Promise<{ code: number; reason: string }>((resolve) => raw.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
	await raw.opened;
	raw.auth();
	expect((await raw.waitFor('authenticated')).scope).toBe('read-write');
	raw.syncStep1();
	await raw.waitFor('sync-step2');
	raw.update(update);
	const outcome = await Promise.race([closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 5000))]);
	raw.close();
	return outcome;
}

describe('an import confirmed while the plan is being submitted', () => {
	const dataDir = tempDir();
	let server: RunningServer;
	let officer: string;
	let planId: string;
	let docName: string;
	beforeAll(async () => {
		server = await startServer({ dataDir });
		officer = await signIn(server, 'officer');
		({ id: planId, docName } = await demoPlan(server, officer));
	});
	afterAll(async () => {
		await server?.kill();
	});

	it('stores nothing when the body finishes after the submit, also after a restart', async () => {
		// A real upload of the plan's own ผด.02 sheet: 60 projects the confirm would add.
		const xlsx = Buffer.from(await (await fetch(`${server.url}/plans/${planId}/export/xlsx`, { headers: { cookie: officer } })).arrayBuffer());
		const form = new FormData();
		form.set('file', new Blob([xlsx]), 'plan.xlsx');
		const previewed = await fetch(`${server.url}/plans/${planId}/import?/preview`, {
			method: 'POST',
			body: form,
			headers: { cookie: officer, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const preview = readEnvelope(await previewed.text()).data as { payload: string; preview: { sheet: number; projects: unknown[] } };
		expect(preview.preview.projects).toHaveLength(60);
		const before = logOf(dataDir, docName);
		const projectsBefore = await storedProjects();

		// The confirm starts while the plan is a draft; its body is still arriving (padded past
		// the socket buffers, within the body limit) when the officer submits the plan.
		const confirm = await slowFormPost(server, `/plans/${planId}/import?/confirm`, officer, {
			payload: preview.payload,
			sheet: String(preview.preview.sheet),
			padding: 'x'.repeat(5_600_000)
		});
		await confirm.reading;
		await step(server, planId, 'submit', officer);
		const answer = await confirm.finish();

		expect(answer.status).toBe(200);
		const envelope = readEnvelope(answer.body);
		// The store's refusal (a failure), not the guard's 403 error: the guard passed while the plan was a draft.
		expect(envelope).toMatchObject({ type: 'failure', status: 409 });
		expect((envelope.data as { refusal: { th: string; en: string } }).refusal.th).toContain('ไม่ได้อยู่ในสถานะร่าง');
		expect(logOf(dataDir, docName)).toEqual(before);

		// Nothing survives a crash and a restart either.
		await server.kill('SIGKILL');
		server = await startServer({ dataDir });
		officer = await signIn(server, 'officer');
		expect(await storedProjects()).toEqual(projectsBefore);
		expect(logOf(dataDir, docName)).toEqual(before);
	});

	/** Project names as a fresh editor loads them from the server. */
	async function storedProjects(): Promise<string[]> {
		const client = connectClient(server.wsUrl, docName, { cookie: officer });
		try {
			await waitFor(() => client.provider.isSynced, 'fresh client synced');
			return readPlan(client.doc).projects.map((p) => p.name);
		} finally {
			client.destroy();
		}
	}
});

describe('the plan document keeps the shape of the plan model', () => {
	const dataDir = tempDir();
	let server: RunningServer;
	let officer: string;
	let demo: { docName: string };
	let target: { id: string; docName: string };
	let watcher: TestClient;
	beforeAll(async () => {
		server = await startServer({ dataDir });
		officer = await signIn(server, 'officer');
		demo = await demoPlan(server, officer);
		const created = await postAction(server, '/?/createPlan', { title: 'แผนทดสอบโครงสร้าง', fiscalYear: '2569' }, officer);
		const id = /\/plans\/(\w+)/.exec(created.body.location ?? '')![1];
		target = { id, docName: `plan.${id}` };
		watcher = connectClient(server.wsUrl, target.docName, { cookie: officer });
		await waitSynced(watcher);
	});
	afterAll(async () => {
		watcher?.destroy();
		await server?.kill();
	});

	it('refuses a foreign root type and unknown keys: the socket is closed with a reason, nothing is stored or relayed', async () => {
		const before = { target: logOf(dataDir, target.docName), demo: logOf(dataDir, demo.docName) };
		const stateBefore = Y.encodeStateVector(watcher.doc);
		const hostile: [string, Uint8Array][] = [
			['a foreign root', updateOf((d) => d.getText('payload').insert(0, 'x'.repeat(10_000)))],
			['a foreign root map', updateOf((d) => d.getMap('comments').set('forged', { author: 'mayor', body: 'อนุมัติแล้ว' }))],
			['an unknown key in meta', updateOf((d) => d.getMap('meta').set('org.script', '</style><img src=x onerror=alert(1)>'))],
			['an unknown key in a project row', updateOf((d) => {
				const row = new Y.Map<unknown>();
				d.getMap('projects').set('PJ-hostile', row);
				row.set('budget', 1);
				row.set('exfiltrate', 'x'.repeat(1000));
			})],
			['a structure under a plain value', updateOf((d) => d.getMap('front').set('cover', new Y.Map()))]
		];
		for (const [what, update] of hostile) {
			expect({ what, outcome: await sendRaw(server, target.docName, officer, update) }).toEqual({ what, outcome: { code: 4422, reason: 'plan-schema-violation' } });
		}

		// A legitimate edit after them arrives; the hostile ones never did.
		watcher.doc.getMap('meta').set('preparedBy', 'กองยุทธศาสตร์');
		await waitSynced(watcher);
		const other = connectClient(server.wsUrl, target.docName, { cookie: officer });
		await waitFor(() => other.provider.isSynced, 'second client synced');
		expect(other.doc.getMap('meta').get('preparedBy')).toBe('กองยุทธศาสตร์');
		for (const name of ['payload', 'comments']) expect(other.doc.share.has(name)).toBe(false);
		expect(other.doc.getMap('meta').has('org.script')).toBe(false);
		expect(other.doc.getMap('projects').has('PJ-hostile')).toBe(false);
		other.destroy();
		expect(logOf(dataDir, target.docName).rows).toBe(before.target.rows + 1);
		expect(logOf(dataDir, demo.docName)).toEqual(before.demo);
		// Only the watcher's own client wrote since.
		const after = Y.decodeStateVector(Y.encodeStateVector(watcher.doc));
		const known = new Set([...Y.decodeStateVector(stateBefore).keys(), watcher.doc.clientID]);
		expect([...after.keys()].filter((c) => !known.has(c))).toEqual([]);
	});
});

describe('per-plan size bounds', () => {
	const dataDir = tempDir();
	let server: RunningServer;
	let officer: string;
	let plan: { id: string; docName: string };
	afterAll(async () => {
		await server?.kill();
	});

	/** One update that adds a project row with a `bytes`-long name (plan-shaped: only the bounds refuse it). */
	const bigRow = (i: number, bytes: number) =>
		updateOf((d) => {
			const row = new Y.Map<unknown>();
			d.getMap('projects').set(`PJ-flood-${i}`, row);
			row.set('name', new Y.Text('ก'.repeat(bytes / 3)));
		});

	/** Floods raw updates on one socket until the server closes it; returns the close and the count sent. */
	async function flood(chunkBytes: number, max: number) {
		const raw = new RawClient(server.wsUrl, plan.docName, officer);
		const closed = new Promise<{ code: number; reason: string }>((resolve) => raw.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
		await raw.opened;
		raw.auth();
		await raw.waitFor('authenticated');
		let sent = 0;
		let done = false;
		void closed.then(() => (done = true));
		while (!done && sent < max) {
			raw.update(bigRow(sent++, chunkBytes));
			await new Promise((r) => setImmediate(r));
		}
		return { close: await closed, sent };
	}

	it('refuses growth past PLAN_MAX_BYTES with a reason; the plan still loads with its content intact', async () => {
		server = await startServer({ dataDir });
		officer = await signIn(server, 'officer');
		plan = await demoPlan(server, officer);
		const intact = await loadPlan();
		await server.kill();

		const cap = storedSize(dataDir, plan.docName) + 1024 * 1024;
		server = await startServer({ dataDir, env: { PLAN_MAX_BYTES: String(cap), PLAN_MAX_GROWTH_PER_HOUR: String(64 * 1024 * 1024) } });
		officer = await signIn(server, 'officer');
		const rowsBefore = logOf(dataDir, plan.docName).rows;
		const { close, sent } = await flood(48 * 1024, 200);
		expect(close).toEqual({ code: 4413, reason: 'plan-too-large' });
		const accepted = logOf(dataDir, plan.docName).rows - rowsBefore;
		expect(accepted).toBeLessThan(1024 / 48 + 1);
		const stored = storedSize(dataDir, plan.docName);
		expect(stored).toBeLessThanOrEqual(cap);
		expect(stored).toBeGreaterThan(cap - 2 * 48 * 1024);

		const loaded = await loadPlan();
		expect(loaded.names.slice(0, intact.names.length)).toEqual(intact.names);
		expect(loaded.meta).toEqual(intact.meta);
		console.info(`size bound: ${sent} flood messages of 48 KB sent, ${accepted} stored, the rest refused past ${cap} stored bytes (stored ${stored})`);
	});

	it('refuses more than PLAN_MAX_GROWTH_PER_HOUR of log growth, counted across a restart', async () => {
		await server.kill();
		const grown = logOf(dataDir, plan.docName).bytes; // all of it written within the hour
		const perHour = grown + 512 * 1024;
		server = await startServer({ dataDir, env: { PLAN_MAX_BYTES: String(256 * 1024 * 1024), PLAN_MAX_GROWTH_PER_HOUR: String(perHour) } });
		officer = await signIn(server, 'officer');
		const rowsBefore = logOf(dataDir, plan.docName).rows;
		const { close } = await flood(48 * 1024, 200);
		expect(close).toEqual({ code: 4429, reason: 'plan-growth-limit' });
		expect(logOf(dataDir, plan.docName).rows - rowsBefore).toBeLessThan(512 / 48 + 1);
		expect(logOf(dataDir, plan.docName).bytes).toBeLessThanOrEqual(perHour);
		expect((await loadPlan()).names.length).toBeGreaterThan(0);
	});

	async function loadPlan() {
		const client = connectClient(server.wsUrl, plan.docName, { cookie: officer });
		try {
			await waitFor(() => client.provider.isSynced, 'fresh client synced', 20_000);
			const p = readPlan(client.doc);
			return { names: p.projects.filter((x) => !x.id.startsWith('PJ-flood')).map((x) => x.name), meta: p.meta };
		} finally {
			client.destroy();
		}
	}
});
