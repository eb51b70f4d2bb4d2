/**
 * The plan's life as the regulation describes it, against the real server: the live lock
 * holds against clients that keep typing and a raw client that keeps sending; approval is
 * bound to the content hash; the announced edition is public, hashed and immutable; an
 * amendment repeats the path; the audit chain detects tampering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, signIn } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { RawClient } from '../helpers/rawClient';
import { act, announce, shownContentHash, step } from '../helpers/workflow';
import { hasPlanted, plantedUpdate, readScratch, scratchText } from '../helpers/planCells';
import { listProjects, updateProjectField } from '../../src/lib/domain/plan/doc';

let server: RunningServer;
let dataDir: string;
let c: Record<'officer' | 'support' | 'support2' | 'committee' | 'mayor' | 'admin' | 'viewer', string>;
let plan: { id: string; docName: string };

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	c = {} as typeof c;
	for (const name of ['officer', 'support', 'support2', 'committee', 'mayor', 'admin', 'viewer'] as const) c[name] = await signIn(server, name);
	plan = await demoPlan(server, c.officer);
});
afterAll(async () => {
	await server?.kill();
});

function logCount(docName = plan.docName): number {
	const db = openDataDb(dataDir);
	const { n } = db.prepare('select count(*) as n from doc_updates where doc_name = ?').get(docName) as { n: number };
	db.close();
	return n;
}

/** Resolves with the moment (epoch ms) the client was told it is read-only. */
function toldReadOnly(client: TestClient): Promise<number> {
	return new Promise((resolve) =>
		client.provider.on('stateless', ({ payload }: { payload: string }) => {
			const message = JSON.parse(payload) as { type: string; readOnly: boolean };
			if (message.type === 'access' && message.readOnly) resolve(Date.now());
		})
	);
}

describe('the lock', () => {
	it('freezes the content the moment the draft is submitted, for typing clients and a raw client alike', async () => {
		const a = connectClient(server.wsUrl, plan.docName, { cookie: c.support });
		const b = connectClient(server.wsUrl, plan.docName, { cookie: c.support2 });
		await Promise.all([waitSynced(a), waitSynced(b)]);
		const raw = new RawClient(server.wsUrl, plan.docName, c.support);
		await raw.opened;
		raw.auth();
		expect((await raw.waitFor('authenticated')).scope).toBe('read-write');

		// Both keep typing while the lock happens.
		let typing = true;
		const typeLoop = async (client: TestClient, field: string) => {
			for (let i = 0; typing; i++) {
				const cell = scratchText(client.doc, field);
				cell.insert(cell.length, String(i % 10));
				await new Promise((r) => setTimeout(r, 5));
			}
		};
		const loops = [typeLoop(a, 'a-notes'), typeLoop(b, 'b-notes')];
		await new Promise((r) => setTimeout(r, 150));

		const told = [toldReadOnly(a), toldReadOnly(b)];
		const result = await step(server, plan.id, 'submit', c.officer);
		const respondedAt = Date.now();
		const frozenHash = (result.data as { sha256: string }).sha256;
		// Negative: told before the HTTP response reached the submitter.
		const delays = (await Promise.all(told)).map((at) => at - respondedAt);
		typing = false;
		await Promise.all(loops);
		console.info(`lock: clients told read-only ${delays.join(' ms, ')} ms relative to the submit response`);
		for (const d of delays) expect(d).toBeLessThan(200);

		// The raw client keeps sending; nothing of it is stored, applied or broadcast.
		const before = logCount();
		for (let i = 0; i < 50; i++) {
			raw.update(plantedUpdate(`after-lock-${i}`, `raw-${i}`));
		}
		scratchText(a.doc, 'a-notes').insert(0, 'typed-after-lock');
		await new Promise((r) => setTimeout(r, 500));
		expect(logCount()).toBe(before);
		expect(hasPlanted(b.doc, 'after-lock-0')).toBe(false);
		expect(readScratch(b.doc, 'a-notes')).not.toContain('typed-after-lock');

		// The stored content still hashes to what the lock froze.
		const frozen = (await getJson<string>(server, `/plans/${plan.id}/workflow`, c.officer)).body;
		expect(frozen).toContain(frozenHash);
		await step(server, plan.id, 'forward', c.committee);
		expect(await shownContentHash(server, plan.id, c.mayor)).toBe(frozenHash);

		// Returning to draft makes the drafters' connections writable again.
		const writable = new Promise<void>((resolve) =>
			b.provider.on('stateless', ({ payload }: { payload: string }) => JSON.parse(payload).readOnly === false && resolve())
		);
		await step(server, plan.id, 'return', c.mayor, { note: 'เพิ่มรายละเอียดโครงการ' });
		await writable;
		scratchText(b.doc, 'b-notes').insert(0, 'after-return ');
		await waitSynced(b);
		await waitFor(() => readScratch(a.doc, 'b-notes').startsWith('after-return'), 'edit after return reaches the other client');
		raw.close();
		a.destroy();
		b.destroy();
	});
});

describe('sign-off and announcement', () => {
	it('approval fails when the content changed after the executive looked at it', async () => {
		// The plan is a draft again (previous test). Lock it; the mayor looks; it is returned, changed, locked again.
		await step(server, plan.id, 'submit', c.support);
		await step(server, plan.id, 'forward', c.committee);
		const seen = await shownContentHash(server, plan.id, c.mayor);
		await step(server, plan.id, 'return', c.mayor, { note: 'แก้ไขงบประมาณ' });
		const editor = connectClient(server.wsUrl, plan.docName, { cookie: c.support });
		await waitSynced(editor);
		await waitFor(() => editor.provider.authorizedScope === 'read-write', 'writable');
		// The support committee lowers one project's budget by 1,000 baht.
		const [project] = listProjects(editor.doc);
		updateProjectField(editor.doc, project.id, 'budget', project.budget - 100_000);
		await waitSynced(editor);
		editor.destroy();
		await step(server, plan.id, 'saveVersion', c.support, { name: 'ก่อนเสนอใหม่' });
		await step(server, plan.id, 'submit', c.support);
		await step(server, plan.id, 'forward', c.committee);
		const now = await shownContentHash(server, plan.id, c.mayor);
		expect(now).not.toBe(seen);
		const stale = await act(server, plan.id, 'approve', c.mayor, { contentSha256: seen });
		expect(stale.data).toMatchObject({ error: 'hashMismatch' });
		const forged = await act(server, plan.id, 'approve', c.mayor, { contentSha256: 'f'.repeat(64) });
		expect(forged.data).toMatchObject({ error: 'hashMismatch' });
		const approved = await act(server, plan.id, 'approve', c.mayor, { contentSha256: now });
		expect(approved.body.type).toBe('success');
	});

	it('the announced edition is public, carries the approved hash, and nothing can change it', async () => {
		await step(server, plan.id, 'announce', c.mayor);
		const page = (await getJson<string>(server, `/plans/${plan.id}/workflow`, c.officer)).body;
		const publicPath = /data-testid="public-link" href="([^"]+)"|href="([^"]+)" data-testid="public-link"/.exec(page);
		const path = publicPath?.[1] ?? publicPath?.[2];
		expect(path).toMatch(/^\/p\/lamphayomthong\/2569\/0$/);

		// Readable without signing in; the hash shown equals the approval record's.
		const pub = await getJson<string>(server, path!);
		expect(pub.status).toBe(200);
		const shown = /data-testid="public-hash">([0-9a-f]{64})</.exec(pub.body)![1];
		const approvedHash = /data-testid="approval-hash">([0-9a-f]{64})</.exec(pub.body)![1];
		expect(shown).toBe(approvedHash);
		expect(pub.body).toContain('ประกาศเทศบาลตำบลลำพะยอมทอง');
		expect(pub.body).toContain('จึงประกาศให้ทราบโดยทั่วกัน');

		// No endpoint changes it: every transition, a manual version, and the WebSocket.
		for (const [action, who] of [['submit', c.support], ['forward', c.committee], ['return', c.mayor], ['approve', c.mayor], ['announce', c.mayor]] as const) {
			const r = await act(server, plan.id, action, who, { note: 'x', contentSha256: shown });
			expect(r.body.type).not.toBe('success');
		}
		expect((await act(server, plan.id, 'saveVersion', c.support, { name: 'x' })).status).toBe(403);
		const before = logCount();
		const raw = new RawClient(server.wsUrl, plan.docName, c.officer);
		await raw.opened;
		raw.auth();
		expect((await raw.waitFor('authenticated')).scope).toBe('readonly');
		raw.update(plantedUpdate('tamper', 'x'));
		await new Promise((r) => setTimeout(r, 300));
		expect(logCount()).toBe(before);
		raw.close();
		expect(/data-testid="public-hash">([0-9a-f]{64})</.exec((await getJson<string>(server, path!)).body)![1]).toBe(shown);
	});

	it('an amendment (แก้ไขครั้งที่ 1) goes the same way; the public pages list both editions', async () => {
		// A visitor's cached copy of edition 0 is confirmed (304) until something on it changes.
		const cached = await fetch(`${server.url}/p/lamphayomthong/2569/0`);
		const etag = cached.headers.get('etag')!;
		expect(cached.headers.get('cache-control')).toBe('public, no-cache');
		const revalidate = () => fetch(`${server.url}/p/lamphayomthong/2569/0`, { headers: { 'if-none-match': etag } });
		expect((await revalidate()).status).toBe(304);

		const started = await act(server, plan.id, 'startAmendment', c.officer, { kind: 'amendment', reason: 'ได้รับแจ้งโครงการจากหน่วยงานอื่น' });
		expect(started.body.type).toBe('redirect');
		const amendmentId = started.body.location!.split('/').pop()!;
		expect(amendmentId).not.toBe(plan.id);
		// One amendment at a time: a second one beside it would drop its changes when announced.
		const beside = await act(server, plan.id, 'startAmendment', c.officer, { kind: 'addition', reason: 'อีกฉบับ' });
		expect(beside.body).toMatchObject({ type: 'failure', data: expect.stringContaining('amendmentInProgress') });
		// The amendment raises one project's budget by 25,000 baht.
		const { docName: amendmentDoc } = (await getJson<{ id: string; docName: string }[]>(server, '/api/plans', c.support)).body.find((p) => p.id === amendmentId)!;
		const editor = connectClient(server.wsUrl, amendmentDoc, { cookie: c.support });
		await waitSynced(editor);
		const [project] = listProjects(editor.doc);
		updateProjectField(editor.doc, project.id, 'budget', project.budget + 25_000_00);
		await waitSynced(editor);
		editor.destroy();
		const diff = (await getJson<string>(server, `/plans/${amendmentId}/diff?from=parent&to=current`, c.mayor)).body;
		expect(diff).toContain(project.name);
		expect(diff).toContain('+25,000');
		await announce(server, amendmentId, { drafter: c.support, committee: c.committee, executive: c.mayor });

		const second = await getJson<string>(server, '/p/lamphayomthong/2569/1');
		expect(second.status).toBe(200);
		expect(second.body).toContain('แก้ไขครั้งที่ 1/2569');
		expect(second.body).toContain('แก้ไขครั้งที่ ๑/๒๕๖๙');
		// The announcement changes edition 0's page: the cached copy is replaced at once.
		const fresh = await revalidate();
		expect(fresh.status).toBe(200);
		expect(await fresh.text()).toContain('data-testid="superseded"');
		const first = await getJson<string>(server, '/p/lamphayomthong/2569/0');
		expect(first.body).toContain('data-testid="superseded"');
		expect(first.body).toContain('/p/lamphayomthong/2569/1');
		// The superseded edition can no longer be amended: its page says so, the server refuses.
		expect((await getJson<string>(server, `/plans/${plan.id}/workflow`, c.officer)).body).toContain('data-testid="amendment-blocked"');
		// The plan list marks the replaced edition.
		expect((await getJson<string>(server, '/', c.officer)).body.match(/data-testid="superseded-edition"/g)).toHaveLength(1);
		const planCount = async () => (await getJson<{ id: string }[]>(server, '/api/plans', c.officer)).body.length;
		const before = await planCount();
		const fromOld = await act(server, plan.id, 'startAmendment', c.officer, { kind: 'addition', reason: 'จากฉบับเดิม' });
		expect(fromOld.body).toMatchObject({ type: 'failure', data: expect.stringContaining('amendmentSuperseded') });
		expect(await planCount()).toBe(before);
		expect(second.body).toContain('/p/lamphayomthong/2569/0');
		// The public page of the amendment shows what it changed.
		expect(second.body).toContain('data-testid="plan-diff"');
		expect(second.body).toContain('+25,000');
	});
});

describe('audit log', () => {
	it('records the path and detects a tampered row', async () => {
		// A copy of the plan leaving the system is recorded (the print view is not).
		expect((await fetch(`${server.url}/plans/${plan.id}/export/xlsx`, { headers: { cookie: c.committee } })).status).toBe(200);
		const page = (await getJson<string>(server, '/org/audit', c.admin)).body;
		expect(page).toContain('plans.export');
		expect(page).toContain('data-ok="true"');
		expect(page).toContain('plans.transition');
		expect((await getJson(server, '/org/audit', c.officer)).status).toBe(403);
		const db = openDataDb(dataDir);
		db.prepare("update audit_events set data = replace(data, 'แก้ไขงบประมาณ', 'ไม่มีอะไร') where data like '%แก้ไขงบประมาณ%'").run();
		db.close();
		const after = (await getJson<string>(server, '/org/audit', c.admin)).body;
		expect(after).toContain('data-ok="false"');
	});
});
