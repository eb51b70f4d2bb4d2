/**
 * A development committee meeting over HTTP and raw sockets, during review (content frozen):
 * check-in and quorum, who may record a resolution, and that frozen content changes only
 * through the resolution command — which leaves a version naming the meeting and an audit event.
 * The whole meeting runs on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { shownContentHash, step } from '../helpers/workflow';
import { queryData, type DataTarget } from '../helpers/dataQuery';
import { createTestDatabase } from '../helpers/postgres';
import { seatOnPlan } from '../helpers/people';
import { RawClient } from '../helpers/rawClient';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { getProject } from '../../src/lib/domain/plan/doc';
import { docxText } from '../export/docxText';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as Y from 'yjs';

type View = {
	quorum: { present: number; needed: number; met: boolean };
	agenda: { id: string; section: number; title: string; refKind: string | null; refId: string | null; resolution: { decision: string; versionId: string | null } | null }[];
	proposals: { id: string; status: string; effect: { total: { before: { budget: number }; after: { budget: number } } } | null }[];
	members: { name: string; status: string | null }[];
};

describe.each([{ backend: 'sqlite' }, { backend: 'postgres' }])('on $backend', ({ backend }) => {
	let server: RunningServer;
	let data: DataTarget;
	let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
	let plan: { id: string; docName: string };
	const c: Record<'officer' | 'committee' | 'chair' | 'secretary' | 'member2' | 'viewer', string> = {} as never;
	let meetingId: string;

	beforeAll(async () => {
		if (backend === 'postgres') {
			database = await createTestDatabase();
			data = { databaseUrl: database.url };
			server = await startServer({ databaseUrl: database.url });
		} else {
			data = tempDir();
			server = await startServer({ dataDir: data });
		}
		c.officer = await signIn(server, 'officer');
		c.committee = await signIn(server, 'committee');
		c.viewer = await signIn(server, 'viewer');
		const admin = await signIn(server, 'admin');
		plan = await demoPlan(server, c.officer);
		c.chair = await seatOnPlan(server, data, admin, c.officer, plan.id, 'chair1', { role: 'development_committee', seat: 'chair' });
		c.secretary = await seatOnPlan(server, data, admin, c.officer, plan.id, 'secretary1', { role: 'development_committee', seat: 'secretary' });
		c.member2 = await seatOnPlan(server, data, admin, c.officer, plan.id, 'member2', { role: 'development_committee', seat: null });
		await step(server, plan.id, 'submit', c.officer);
	});
	afterAll(async () => {
		await server?.kill();
		await database?.drop();
	});

	const meetingApi = (cookie: string, body: unknown) => api<{ error?: string }>(server, 'POST', `/api/plans/${plan.id}/meetings/${meetingId}`, cookie, body);
	async function download(p: string): Promise<Buffer> {
		const res = await fetch(`${server.url}${p}`, { headers: { cookie: c.viewer } });
		expect(res.status, p).toBe(200);
		return Buffer.from(await res.arrayBuffer());
	}
	const view = async () => (await getJson<View>(server, `/api/plans/${plan.id}/meetings/${meetingId}`, c.viewer)).body;

	async function storedBudget(): Promise<number> {
		const rows = await queryData<{ data: Buffer }>(data, 'select data from doc_updates where doc_name = ? order by seq', [plan.docName]);
		const doc = new Y.Doc();
		for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
		return getProject(doc, 'PJ-001')!.budget;
	}

	describe('a development committee meeting during review', () => {
		it('the secretary opens it; the agenda follows the Thai government order', async () => {
			const opened = await api<{ meetingId: string }>(server, 'POST', `/api/plans/${plan.id}/meetings`, c.secretary, { kind: 'ordinary', date: '20/10/2568', place: 'ห้องประชุมสภา' });
			expect(opened.status).toBe(201);
			meetingId = opened.body.meetingId;
			const v = await view();
			expect(v.agenda.map((i) => i.section)).toEqual([...v.agenda.map((i) => i.section)].sort());
			expect(v.agenda[0].section).toBe(1);
			expect(v.agenda.at(-1)!.section).toBe(4);
			// 4 members (committee, chair, secretary, member2): more than half is 3.
			expect(v.quorum).toMatchObject({ present: 0, needed: 3, met: false });
		});

		it('refuses a bad date in Thai terms and an unknown action', async () => {
			const bad = await api<{ error: string }>(server, 'POST', `/api/plans/${plan.id}/meetings`, c.secretary, { kind: 'ordinary', date: '20/10/2025', place: 'x' });
			expect(bad.status).toBe(400);
			expect(bad.body.error).toBe('badYear');
			expect((await meetingApi(c.secretary, { action: 'dropTables' })).status).toBe(400);
			expect((await meetingApi(c.secretary, { action: 'mark', userId: '../x', status: 'present' })).status).toBe(400);
			expect((await meetingApi(c.secretary, { action: 'addItem', section: 7, title: 'x' })).status).toBe(400);
		});

		it('a member proposes a budget change; the meeting shows its effect on ผด.01 and the plan is unchanged', async () => {
			const before = await storedBudget();
			const proposed = await api<{ proposalId: string }>(server, 'POST', `/api/plans/${plan.id}/proposals`, c.member2, { change: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: before + 100_000_00 }, reason: 'ราคาวัสดุสูงขึ้น' });
			expect(proposed.status).toBe(201);
			// A viewer may not propose; a hostile change is refused.
			expect((await api(server, 'POST', `/api/plans/${plan.id}/proposals`, c.viewer, { change: { kind: 'removeRow', projectId: 'PJ-001' }, reason: '' })).status).toBe(403);
			expect((await api(server, 'POST', `/api/plans/${plan.id}/proposals`, c.member2, { change: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: -5 }, reason: '' })).status).toBe(409);
			const v = await view();
			const p = v.proposals.find((x) => x.id === proposed.body.proposalId)!;
			expect(p.effect!.total.after.budget - p.effect!.total.before.budget).toBe(100_000_00);
			expect(v.agenda.some((i) => i.refKind === 'proposal' && i.refId === p.id && i.section === 3)).toBe(true);
			expect(await storedBudget()).toBe(before);
		});

		it('without a quorum the chair cannot record a resolution', async () => {
			const item = (await view()).agenda.find((i) => i.refKind === 'proposal')!;
			const refused = await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'approve', note: '' });
			expect(refused.status).toBe(409);
			expect(refused.body.error).toBe('noQuorum');
		});

		it('check-in and attendance marked by the secretary make the quorum live', async () => {
			expect((await meetingApi(c.chair, { action: 'checkIn' })).status).toBe(200);
			expect((await meetingApi(c.viewer, { action: 'checkIn' })).status).toBe(403);
			const [{ id: committeeId }] = await queryData<{ id: string }>(data, "select id from users where username = 'committee'");
			// A member cannot mark others; the secretary can, for someone without a device.
			expect((await meetingApi(c.member2, { action: 'mark', userId: committeeId, status: 'present' })).status).toBe(403);
			expect((await meetingApi(c.secretary, { action: 'mark', userId: committeeId, status: 'present' })).status).toBe(200);
			expect((await meetingApi(c.secretary, { action: 'mark', guestName: 'นายช่าง ผู้ชี้แจง', guestPosition: 'ผู้อำนวยการกองช่าง', status: 'guest' })).status).toBe(200);
			expect((await view()).quorum).toMatchObject({ present: 2, met: false });
			expect((await meetingApi(c.secretary, { action: 'checkIn' })).status).toBe(200);
			expect((await view()).quorum).toMatchObject({ present: 3, met: true });
		});

		it('a member (or the secretary) cannot record a resolution, even with a quorum', async () => {
			const item = (await view()).agenda.find((i) => i.refKind === 'proposal')!;
			for (const who of [c.member2, c.committee, c.secretary, c.officer]) {
				expect((await meetingApi(who, { action: 'resolve', itemId: item.id, decision: 'approve', note: '' })).status).toBe(403);
			}
			expect((await view()).agenda.find((i) => i.id === item.id)!.resolution).toBeNull();
		});

		it("a committee member's raw socket cannot change the frozen plan", async () => {
			const before = await storedBudget();
			const raw = new RawClient(server.wsUrl, plan.docName, c.member2);
			await raw.opened;
			raw.auth();
			expect((await raw.waitFor('authenticated')).scope).toBe('readonly');
			raw.syncStep1();
			const state = await raw.waitFor('sync-step2');
			const doc = new Y.Doc();
			Y.applyUpdate(doc, state.payload!);
			const sv = Y.encodeStateVector(doc);
			(doc.getMap('projects').get('PJ-001') as Y.Map<unknown>).set('budget', 1);
			raw.update(Y.encodeStateAsUpdate(doc, sv));
			// A second sync request on the same socket is answered only after the update was handled.
			raw.syncStep1();
			await waitFor(() => raw.events.filter((e) => e.kind === 'sync-step2').length === 2, 'the server answered after the update');
			const watcher = connectClient(server.wsUrl, plan.docName, { cookie: c.viewer });
			await waitSynced(watcher);
			expect(getProject(watcher.doc, 'PJ-001')!.budget).toBe(before);
			expect(await storedBudget()).toBe(before);
			raw.close();
			watcher.destroy();
		});

		it('a resolution whose record fails leaves the plan unchanged and the proposal pending (one transaction)', async () => {
			const before = await storedBudget();
			// The resolution row cannot be stored: a crash between the plan write and the row.
			if (backend === 'postgres') {
				await queryData(data, "create function refuse_resolution() returns trigger language plpgsql as $$ begin raise exception 'crash'; end $$");
				await queryData(data, 'create trigger refuse_resolution before insert on meeting_resolutions for each row execute function refuse_resolution()');
			} else await queryData(data, "create trigger refuse_resolution before insert on meeting_resolutions begin select raise(abort, 'crash'); end");
			const item = (await view()).agenda.find((i) => i.refKind === 'proposal')!;
			const failed = await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'approve', note: '' });
			expect(failed.status).toBe(500);
			await queryData(data, backend === 'postgres' ? 'drop trigger refuse_resolution on meeting_resolutions' : 'drop trigger refuse_resolution');
			expect(await storedBudget()).toBe(before);
			const v = await view();
			expect(v.agenda.find((i) => i.id === item.id)!.resolution).toBeNull();
			expect(v.proposals.find((p) => p.id === item.refId)!.status).toBe('pending');
			const [{ n }] = await queryData<{ n: number | string }>(data, "select count(*) as n from plan_versions where kind = 'resolution'");
			expect(Number(n)).toBe(0);
		});

		it('the chair records the resolution: the change is applied, visible live, with a version and an audit event naming the meeting', async () => {
			const before = await storedBudget();
			const watcher = connectClient(server.wsUrl, plan.docName, { cookie: c.viewer });
			await waitSynced(watcher);
			const item = (await view()).agenda.find((i) => i.refKind === 'proposal')!;
			const resolved = await api<{ versionId: string }>(server, 'POST', `/api/plans/${plan.id}/meetings/${meetingId}`, c.chair, {
				action: 'resolve',
				itemId: item.id,
				decision: 'approve',
				note: 'เห็นชอบตามที่เสนอ',
				votes: { for: 3, against: 0, abstain: 0 }
			});
			expect(resolved.status).toBe(200);
			expect(await storedBudget()).toBe(before + 100_000_00);
			await waitFor(() => getProject(watcher.doc, 'PJ-001')!.budget === before + 100_000_00, 'an open page sees the applied resolution');
			watcher.destroy();

			const [version] = await queryData<{ name: string; kind: string; state: string }>(data, 'select name, kind, state from plan_versions where id = ?', [resolved.body.versionId]);
			const [audit] = await queryData<{ data: string }>(data, "select data from audit_events where action = 'meetings.resolution'");
			const [{ state }] = await queryData<{ state: string }>(data, 'select state from plans where id = ?', [plan.id]);
			expect(version).toMatchObject({ kind: 'resolution', state: 'review' });
			expect(version.name).toContain('ครั้งที่ 1/2568');
			expect((typeof audit.data === 'string' ? JSON.parse(audit.data) : audit.data)).toMatchObject({ meeting: 'ครั้งที่ 1/2568', decision: 'approve', versionId: resolved.body.versionId });
			expect(state).toBe('review');
			// Decided once: the same proposal cannot be applied twice.
			const again = await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'approve', note: '' });
			expect(again.body.error).toBe('alreadyDecided');
			expect(await storedBudget()).toBe(before + 100_000_00);
		});

		it('an amendment applies the amended value, not the proposed one', async () => {
			const before = await storedBudget();
			await api(server, 'POST', `/api/plans/${plan.id}/proposals`, c.committee, { change: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: before + 500_00 }, reason: '' });
			const item = (await view()).agenda.filter((i) => i.refKind === 'proposal').at(-1)!;
			// The amendment must be about the same cell.
			const wrong = await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'amend', note: '', amendedChange: { kind: 'cell', projectId: 'PJ-002', field: 'budget', value: 1 } });
			expect(wrong.status).toBe(409);
			const ok = await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'amend', note: 'ปรับลด', amendedChange: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: before + 200_00 } });
			expect(ok.status).toBe(200);
			expect(await storedBudget()).toBe(before + 200_00);
		});

		it('the minutes as DOCX in the government layout: attendance, times, each resolution with the change it applied, signature lines', async () => {
			const hostile = '<w:t>x</w:t>&amp; <script>';
			expect((await meetingApi(c.secretary, { action: 'minutes', narrative: `ประธานกล่าวเปิดประชุม\n${hostile}`, recorderName: 'นางสาวจด รายงาน', checkerName: 'นายตรวจ รายงาน' })).status).toBe(200);
			expect((await meetingApi(c.secretary, { action: 'close' })).status).toBe(200);
			const res = await fetch(`${server.url}/plans/${plan.id}/meeting/${meetingId}/minutes.docx`, { headers: { cookie: c.viewer } });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('wordprocessingml');
			const lines = docxText(Buffer.from(await res.arrayBuffer())).split('\n');
			const text = lines.join('\n');
			expect(lines[0]).toMatch(/^รายงานการประชุมคณะกรรมการพัฒนา/);
			expect(text).toContain('ครั้งที่ ๑/๒๕๖๘');
			expect(text).toContain('ณ ห้องประชุมสภา');
			const at = (s: string) => lines.findIndex((l) => l.includes(s));
			// Present, then absent (member2 never checked in), then others; each in its list.
			expect(at('ผู้มาประชุม')).toBeLessThan(at('ทดสอบ chair1'));
			expect(at('ทดสอบ chair1')).toBeLessThan(at('ผู้ไม่มาประชุม'));
			expect(at('ผู้ไม่มาประชุม')).toBeLessThan(at('ทดสอบ member2'));
			expect(at('ทดสอบ member2')).toBeLessThan(at('ผู้เข้าร่วมประชุม'));
			expect(at('ผู้เข้าร่วมประชุม')).toBeLessThan(at('นายช่าง ผู้ชี้แจง'));
			expect(at('นายช่าง ผู้ชี้แจง')).toBeLessThan(at('เริ่มประชุมเวลา'));
			expect(at('เริ่มประชุมเวลา')).toBeLessThan(at('ระเบียบวาระที่ ๑'));
			expect(text).toContain('มติที่ประชุม เห็นชอบ เห็นชอบตามที่เสนอ (เห็นด้วย ๓ เสียง ไม่เห็นด้วย ๐ เสียง งดออกเสียง ๐ เสียง)');
			// The amendment: what was applied is the chair's value, in words.
			expect(text).toMatch(/แก้ไขแผนตามมติ: แก้ไขงบประมาณ โครงการ “[^”]+” เป็น [๐-๙,.]+ บาท/);
			expect(at('ระเบียบวาระที่ ๔')).toBeLessThan(at('เลิกประชุมเวลา'));
			expect(text).toContain(hostile);
			expect(at('เลิกประชุมเวลา')).toBeLessThan(at('ผู้จดรายงานการประชุม'));
			expect(text).toContain('(นางสาวจด รายงาน)');
			expect(text).toContain('(นายตรวจ รายงาน)');
			// Without signing in, no minutes.
			expect((await fetch(`${server.url}/plans/${plan.id}/meeting/${meetingId}/minutes.docx`)).status).toBe(401);
		});

		it("the next meeting adopts the minutes: the plan's DOCX and print view carry them as the annex (ภาคผนวก), after the forms", async () => {
			const first = meetingId;
			const opened = await api<{ meetingId: string }>(server, 'POST', `/api/plans/${plan.id}/meetings`, c.secretary, { kind: 'ordinary', date: '27/10/2568', place: 'ห้องประชุมสภา' });
			expect(opened.status).toBe(201);
			meetingId = opened.body.meetingId;
			const [{ id: committeeId }] = await queryData<{ id: string }>(data, "select id from users where username = 'committee'");
			// Not adopted yet: no annex.
			const before = docxText(await download(`/plans/${plan.id}/export/docx`));
			expect(before).not.toContain('ภาคผนวก');
			for (const [who, body] of [
				[c.chair, { action: 'checkIn' }],
				[c.secretary, { action: 'checkIn' }],
				[c.secretary, { action: 'mark', userId: committeeId, status: 'present' }]
			] as const)
				expect((await meetingApi(who, body)).status).toBe(200);
			const item = (await view()).agenda.find((i) => i.refKind === 'minutes' && i.refId === first)!;
			expect(item.section).toBe(2);
			expect((await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'approve', note: 'รับรองโดยไม่มีการแก้ไข' })).status).toBe(200);

			const lines = docxText(await download(`/plans/${plan.id}/export/docx`)).split('\n');
			const annexAt = lines.indexOf('ภาคผนวก');
			const formAt = lines.findIndex((l) => /^แบบ ผด\.(02|๐๒)\/(1|๑)/.test(l));
			expect(formAt).toBeGreaterThan(0);
			expect(annexAt).toBeGreaterThan(formAt);
			const annex = lines.slice(annexAt).join('\n');
			expect(annex).toMatch(/รายงานการประชุมคณะกรรมการพัฒนา[^\n]*\n[^\n]*ครั้งที่ ๑\/๒๕๖๘/);
			expect(annex).toContain('(นางสาวจด รายงาน)');
			expect(annex).toContain('แก้ไขแผนตามมติ: แก้ไขงบประมาณ');
			// Only adopted minutes: this meeting's are not.
			expect(annex).not.toContain('ครั้งที่ ๒/๒๕๖๘');
			const html = (await getJson<string>(server, `/plans/${plan.id}/print?toc=0`, c.viewer)).body;
			const annexHtml = html.slice(html.indexOf('id="annex"'));
			expect(html.indexOf('id="annex"')).toBeGreaterThan(html.indexOf('data-form="pd021"'));
			expect(annexHtml).toContain('id="annex-minutes-1"');
			expect(annexHtml).toContain('ครั้งที่ ๑/๒๕๖๘');
		});

		it('after the plan leaves review, the meeting is over for writing: no resolution changes the locked plan', async () => {
			await api(server, 'POST', `/api/plans/${plan.id}/proposals`, c.committee, { change: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 1_00 }, reason: '' });
			const item = (await view()).agenda.filter((i) => i.refKind === 'proposal').at(-1)!;
			// The forward form says which meeting the ประกาศ will cite; a date typed anyway is a fallback only (see the ประกาศ below).
			const form = (await getJson<string>(server, `/plans/${plan.id}/workflow`, c.committee)).body;
			expect(form).toMatch(/data-testid="held-meeting-date">[^<]*๒๗ ตุลาคม พ\.ศ\. ๒๕๖๘/);
			expect(form).not.toContain('name="meetingDate"');
			await step(server, plan.id, 'forward', c.committee, { meetingDate: '3/10/2568' });
			const before = await storedBudget();
			expect((await meetingApi(c.chair, { action: 'resolve', itemId: item.id, decision: 'approve', note: '' })).status).toBe(403);
			expect(await storedBudget()).toBe(before);
		});

		it("the ประกาศ recites the development committee meeting's date (not the one typed on the forward form); the announced PDF has the annex", async () => {
			const mayor = await signIn(server, 'mayor');
			await step(server, plan.id, 'approve', mayor, { contentSha256: await shownContentHash(server, plan.id, mayor) });
			await step(server, plan.id, 'announce', mayor);
			const text = docxText(await download(`/plans/${plan.id}/export/docx`));
			const recital = text.split('\n').find((l) => l.startsWith('ด้วย'))!;
			expect(recital).toContain('ในการประชุมเมื่อวันที่ ๒๗ ตุลาคม พ.ศ. ๒๕๖๘');
			expect(recital).not.toContain('๓ ตุลาคม');
			const file = path.join(tempDir(), 'plan.pdf');
			fs.writeFileSync(file, await download(`/plans/${plan.id}/export/pdf`));
			const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
			expect(pdf).toContain('ภาคผนวก');
			expect(pdf.lastIndexOf('ผู้จดรายงานการประชุม')).toBeGreaterThan(pdf.lastIndexOf('ภาคผนวก'));
			expect(pdf).toContain('(นางสาวจดรายงาน)');
			// The สารบัญ gives the annex and the minutes their pages (a wrapped heading included).
			const printed = (await getJson<string>(server, `/plans/${plan.id}/print`, c.viewer)).body;
			const page = (anchor: string) => Number(new RegExp(`data-toc-page="${anchor}"[^>]*>([0-9๐-๙]+)<`).exec(printed)?.[1].replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))));
			expect(page('annex')).toBeGreaterThan(page('form-pd021'));
			expect(page('annex-minutes-1')).toBe(page('annex') + 1);
		}, 120_000);
	});
});
