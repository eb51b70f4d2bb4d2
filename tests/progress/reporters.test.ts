/**
 * Departments report progress on the announced sample plan over HTTP, as their browsers do:
 * two department reporters saving at once get only their own rows accepted, attempts on other
 * rows are refused by the server, the planning officer saves any row, every save is kept with
 * who and when, open progress pages are told to refetch, and hostile input is refused or kept
 * as plain data. The progress matrix (who may read / report a row) against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, postAction, type ActionResult } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { inviteAndAccept, createOtherOrgAdmin } from '../helpers/people';
import { signIn } from '../helpers/http';
import { announce } from '../helpers/workflow';
import { api } from '../helpers/api';
import { progressEveryone, progressExpected, type ProgressWho } from '../../src/lib/server/policies/progressMatrix.fixture';

let server: RunningServer;
let dataDir: string;
let planId: string;
const cookie: Partial<Record<ProgressWho | 'support2', string>> = {};

const save = (who: keyof typeof cookie, rowId: string, fields: Record<string, string> = {}): Promise<ActionResult> =>
	postAction(server, `/plans/${planId}/progress?/save`, { rowId, status: 'in_progress', contract: '', disbursed: '', startDate: '', endDate: '', note: '', ...fields }, cookie[who]);

function entries() {
	const db = openDataDb(dataDir);
	try {
		return db.prepare('select row_id, status, contract_satang, disbursed_satang, start_date, note, updated_by from progress_entries order by row_id').all() as {
			row_id: string; status: string; contract_satang: number | null; disbursed_satang: number; start_date: string | null; note: string; updated_by: string;
		}[];
	} finally {
		db.close();
	}
}

function userId(username: string): string {
	const db = openDataDb(dataDir);
	try {
		return (db.prepare('select id from users where username = ?').get(username) as { id: string }).id;
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	for (const [who, username] of [['planning_officer', 'officer'], ['executive', 'mayor'], ['support_committee', 'committee'], ['viewer', 'viewer'], ['orgAdmin', 'admin'], ['deptReporter', 'support'], ['support2', 'support2']] as const)
		cookie[who] = await signIn(server, username);
	// A member with no plan role in กองคลัง, and one in no department at all.
	cookie.otherDeptReporter = await inviteAndAccept(server, cookie.orgAdmin!, 'treasury1');
	cookie.orgMember = await inviteAndAccept(server, cookie.orgAdmin!, 'member1');
	const db = openDataDb(dataDir);
	const treasury = (db.prepare("select id from departments where name = 'กองคลัง'").get() as { id: string }).id;
	db.close();
	const assigned = await postAction(server, '/org/members?/departments', { userId: userId('treasury1'), departmentId: treasury }, cookie.orgAdmin);
	expect(assigned.body.type).toBe('success');
	createOtherOrgAdmin(dataDir, 'outsider', 'outsider-password-1');
	cookie.outsider = await signIn(server, 'outsider', 'outsider-password-1');
	planId = (await demoPlan(server, cookie.planning_officer!)).id;
});
afterAll(async () => {
	await server?.kill();
});

async function upload(who: keyof typeof cookie, rowId: string, bytes: Uint8Array, name: string, type: string) {
	const form = new FormData();
	form.set('rowId', rowId);
	form.set('file', new File([bytes as BlobPart], name, { type }));
	const res = await fetch(`${server.url}/plans/${planId}/progress?/evidence`, {
		method: 'POST',
		headers: { origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true', cookie: cookie[who]! },
		body: form
	});
	const body = (await res.json()) as { type: string; status?: number; data?: string };
	return { status: body.type === 'failure' ? body.status! : res.status, body };
}
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** The newest evidence file of a row, by its id. */
function newestEvidence(rowId: string): string | undefined {
	const db = openDataDb(dataDir);
	try {
		return (db.prepare('select id from progress_evidence where row_id = ? order by uploaded_at desc, rowid desc limit 1').get(rowId) as { id: string } | undefined)?.id;
	} finally {
		db.close();
	}
}

function evidenceNamed(fileName: string): string {
	const db = openDataDb(dataDir);
	try {
		return (db.prepare('select id from progress_evidence where file_name = ?').get(fileName) as { id: string }).id;
	} finally {
		db.close();
	}
}

const deleteEvidence = (who: keyof typeof cookie, evidenceId: string) => postAction(server, `/plans/${planId}/progress?/deleteEvidence`, { evidenceId }, cookie[who]);

/** Today in Thailand plus `days`, typed as a Buddhist-era date. */
function beDaysFromNow(days: number): string {
	const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
	return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
}

async function probe(who: ProgressWho): Promise<{ readProgress: boolean; reportRow: boolean; deleteEvidence: boolean }> {
	const page = await getJson<string>(server, `/plans/${planId}/progress`, cookie[who]);
	// PJ-001's responsible unit is กองช่าง.
	const saved = await save(who, 'PJ-001', { note: `probe by ${who}` });
	// A file the planning officer attached to PJ-001 (none can be attached before announcement).
	const attached = (await upload('planning_officer', 'PJ-001', png, `probe-${who}.png`, 'image/png')).status === 200;
	const evidenceId = attached ? newestEvidence('PJ-001')! : 'nosuchevidence';
	const deleted = (await deleteEvidence(who, evidenceId)).body.type === 'success';
	if (attached && !deleted) expect((await deleteEvidence('planning_officer', evidenceId)).body.type).toBe('success');
	return { readProgress: page.status === 200, reportRow: saved.body.type === 'success', deleteEvidence: deleted };
}

describe('progress over HTTP', () => {
	it('is nobody’s to read or report before the plan is announced', async () => {
		for (const who of progressEveryone) {
			expect(await probe(who), who).toEqual({
				readProgress: progressExpected('readProgress', who, 'draft'),
				reportRow: progressExpected('reportRow', who, 'draft'),
				deleteEvidence: progressExpected('deleteEvidence', who, 'draft')
			});
		}
		expect(entries()).toEqual([]);
	});

	it('follows the progress matrix once the plan is announced', async () => {
		await announce(server, planId, { drafter: cookie.planning_officer!, committee: cookie.support_committee!, executive: cookie.executive! });
		for (const who of progressEveryone) {
			expect(await probe(who), who).toEqual({
				readProgress: progressExpected('readProgress', who, 'announced'),
				reportRow: progressExpected('reportRow', who, 'announced'),
				deleteEvidence: progressExpected('deleteEvidence', who, 'announced')
			});
		}
		expect(entries().find((e) => e.row_id === 'PJ-001')?.note).toBe('probe by deptReporter');
	});

	it('accepts only their own rows from two departments saving at once', async () => {
		const engineering = ['PJ-003', 'PJ-011', 'PJ-040', 'EQ-07']; // กองช่าง (PJ-040 sits under another strategy)
		const education = ['PJ-016', 'PJ-019', 'PJ-030', 'EQ-05']; // กองการศึกษา
		const attempts = [
			...engineering.map((row) => ['deptReporter', row, true] as const),
			...education.map((row) => ['support2', row, true] as const),
			...education.map((row) => ['deptReporter', row, false] as const),
			...engineering.map((row) => ['support2', row, false] as const)
		];
		const results = await Promise.all(
			attempts.map(([who, row]) => save(who, row, { status: row.startsWith('EQ') ? 'purchased' : 'in_progress', disbursed: '1,000.25', note: `by ${who}` }))
		);
		attempts.forEach(([who, row, allowed], i) => {
			expect([who, row, results[i].status]).toEqual([who, row, allowed ? 200 : 403]);
		});
		const saved = new Map(entries().map((e) => [e.row_id, e]));
		for (const row of engineering) expect(saved.get(row)).toMatchObject({ disbursed_satang: 100_025, note: 'by deptReporter', updated_by: userId('support') });
		for (const row of education) expect(saved.get(row)).toMatchObject({ disbursed_satang: 100_025, note: 'by support2', updated_by: userId('support2') });
	});

	it('lets the planning officer save any row, and keeps every change with who and when', async () => {
		expect((await save('planning_officer', 'PJ-049', { status: 'done', contract: '249,000', disbursed: '๒๔๙,๐๐๐.๕๐', disbursedOn: '๒๘ ก.พ. ๒๕๖๙', startDate: '1/3/2569', endDate: '31 มี.ค. 2569' })).status).toBe(200);
		// วันที่เบิกจ่าย is kept as an ISO date, and typed back in the Buddhist era.
		const stored = openDataDb(dataDir);
		expect(stored.prepare("select disbursed_on from progress_entries where row_id = 'PJ-049'").get()).toEqual({ disbursed_on: '2026-02-28' });
		stored.close();
		expect((await getJson<string>(server, `/plans/${planId}/progress`, cookie.planning_officer)).body).toMatch(/name="disbursedOn"[^>]*value="28\/2\/2569"|value="28\/2\/2569"[^>]*name="disbursedOn"/);
		expect(entries().find((e) => e.row_id === 'PJ-049')).toMatchObject({ status: 'done', contract_satang: 24_900_000, disbursed_satang: 24_900_050, start_date: '2026-03-01' });
		const db = openDataDb(dataDir);
		const history = db.prepare("select changed_by, changed_at, data from progress_history where row_id = 'PJ-001' order by seq").all() as { changed_by: string; changed_at: number; data: string }[];
		db.close();
		expect(history.map((h) => [h.changed_by, JSON.parse(h.data).note])).toEqual([
			[userId('officer'), 'probe by planning_officer'],
			[userId('support'), 'probe by deptReporter']
		]);
		expect(history.every((h) => h.changed_at > Date.now() - 600_000)).toBe(true);
	});

	it('refuses rows that are not in the announced plan and bad values, naming the field', async () => {
		expect((await save('planning_officer', 'PJ-999')).status).toBe(404);
		const refusals = await Promise.all([
			save('deptReporter', 'PJ-003', { disbursed: '1,2,3' }),
			save('deptReporter', 'PJ-003', { contract: '-500' }),
			save('deptReporter', 'PJ-003', { disbursed: '10.555' }),
			save('deptReporter', 'PJ-003', { startDate: '31/02/2569' }),
			save('deptReporter', 'PJ-003', { startDate: '1/10/2025' }),
			save('deptReporter', 'PJ-003', { startDate: '10/3/2569', endDate: '1/3/2569' }),
			save('deptReporter', 'PJ-003', { status: 'purchased' }),
			save('deptReporter', 'PJ-003', { note: 'ก'.repeat(2001) }),
			save('deptReporter', 'PJ-003', { disbursed: '1,000', disbursedOn: '31/02/2569' }),
			save('deptReporter', 'PJ-003', { disbursed: '1,000', disbursedOn: '1/3/2026' }),
			save('deptReporter', 'PJ-003', { disbursed: '', disbursedOn: '1/3/2569' }),
			save('deptReporter', 'PJ-003', { disbursed: '-', disbursedOn: '1/3/2569' }),
			save('deptReporter', 'PJ-003', { disbursed: '1,000', disbursedOn: beDaysFromNow(2) }),
			save('deptReporter', 'PJ-003', { disbursed: '1,000', disbursedOn: '<script>' })
		]);
		expect(refusals.map((r) => [r.status, (r.data as { error: string; field: string }).error, (r.data as { field: string }).field])).toEqual([
			[400, 'progressBadAmount', 'disbursed'],
			[400, 'progressBadAmount', 'contract'],
			[400, 'progressBadAmount', 'disbursed'],
			[400, 'badDate', 'startDate'],
			[400, 'badYear', 'startDate'],
			[400, 'progressEndBeforeStart', 'endDate'],
			[400, 'invalidInput', 'status'],
			[400, 'textTooLong', 'note'],
			[400, 'badDate', 'disbursedOn'],
			[400, 'badYear', 'disbursedOn'],
			[400, 'progressDisbursedOnWithoutAmount', 'disbursedOn'],
			[400, 'progressDisbursedOnWithoutAmount', 'disbursedOn'],
			[400, 'progressDisbursedOnFuture', 'disbursedOn'],
			[400, 'badDate', 'disbursedOn']
		]);
		// Nothing of the refused saves was kept.
		expect(entries().find((e) => e.row_id === 'PJ-003')).toMatchObject({ disbursed_satang: 100_025, note: 'by deptReporter' });
	});

	it('keeps markup in a note as text, shown escaped', async () => {
		const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
		expect((await save('deptReporter', 'PJ-004', { note: markup })).status).toBe(200);
		const page = await getJson<string>(server, `/plans/${planId}/progress`, cookie.support2);
		expect(page.body).not.toContain('<img src=x');
		expect(page.body).toContain('&lt;img src=x onerror=alert(1)>&lt;script>');
	});

	it('tells open progress pages of the same organization to refetch, with nothing but the row id', async () => {
		const controller = new AbortController();
		const res = await fetch(`${server.url}/plans/${planId}/progress/events`, { headers: { cookie: cookie.support2! }, signal: controller.signal });
		expect(res.headers.get('content-type')).toContain('text/event-stream');
		const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
		let received = '';
		const until = async (text: string) => {
			while (!received.includes(text)) received += (await reader.read()).value ?? '';
		};
		await until(': open');
		expect((await save('deptReporter', 'PJ-005', { note: 'ส่งผลแล้ว' })).status).toBe(200);
		await until('event: changed');
		expect(received).toContain('data: {"rowId":"PJ-005"}');
		expect(received).not.toContain('ส่งผลแล้ว');
		// Signing out ends the stream.
		await postAction(server, '/logout', {}, cookie.support2);
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value;
		controller.abort();
		expect((await fetch(`${server.url}/plans/${planId}/progress/events`, { headers: { cookie: cookie.outsider! } })).status).toBe(404);
	});
});

describe('the department list over HTTP', () => {
	it('is kept by the org admin only', async () => {
		expect((await getJson(server, '/org/settings', cookie.orgAdmin)).status).toBe(200);
		expect((await getJson(server, '/org/settings', cookie.planning_officer)).status).toBe(403);
		expect((await postAction(server, '/org/settings?/addDepartment', { name: 'กองใหม่' }, cookie.planning_officer)).status).toBe(403);
		expect((await postAction(server, '/org/members?/departments', { userId: userId('member1'), departmentId: 'x' }, cookie.planning_officer)).status).toBe(403);
		const added = await postAction(server, '/org/settings?/addDepartment', { name: ' กอง  ใหม่ ' }, cookie.orgAdmin);
		expect(added.body.type).toBe('success');
		expect((await postAction(server, '/org/settings?/addDepartment', { name: 'กองใหม่' }, cookie.orgAdmin)).data).toEqual({ departmentError: 'departmentExists', departmentId: '' });
		expect((await getJson<string>(server, '/org/settings', cookie.orgAdmin)).body).toContain('value="กอง ใหม่"');
	});
});

describe('evidence files', () => {
	it('takes photos and PDFs from whoever may report the row, checked by their bytes', async () => {
		expect((await upload('deptReporter', 'PJ-006', png, 'หน้างาน.png', 'image/png')).status).toBe(200);
		expect((await upload('otherDeptReporter', 'PJ-006', png, 'x.png', 'image/png')).status).toBe(403);
		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		const refused = await upload('deptReporter', 'PJ-006', html, 'photo.png', 'image/png');
		expect([refused.status, refused.body.data]).toEqual([400, expect.stringContaining('evidenceBadType')]);
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(png);
		expect((await upload('deptReporter', 'PJ-006', big, 'big.png', 'image/png')).body.data).toContain('evidenceTooLarge');

		const db = openDataDb(dataDir);
		const stored = db.prepare("select id, file_name, mime_type, size from progress_evidence where row_id = 'PJ-006'").all() as { id: string; file_name: string; mime_type: string; size: number }[];
		db.close();
		expect(stored.map((e) => [e.file_name, e.mime_type, e.size])).toEqual([['หน้างาน.png', 'image/png', png.byteLength]]);
		const res = await fetch(`${server.url}/plans/${planId}/progress/evidence/${stored[0].id}`, { headers: { cookie: cookie.orgMember! } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(res.headers.get('content-security-policy')).toContain('sandbox');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
		expect((await fetch(`${server.url}/plans/${planId}/progress/evidence/${stored[0].id}`, { headers: { cookie: cookie.outsider! } })).status).toBe(404);
	});
});

describe('deleting evidence', () => {
	it('is for the row’s department and the planning officer; the file goes, who deleted what and when stays', async () => {
		cookie.support2 = await signIn(server, 'support2'); // signed out by the notices test
		expect((await upload('deptReporter', 'PJ-007', png, 'ผิดไฟล์.png', 'image/png')).status).toBe(200);
		const mine = newestEvidence('PJ-007')!;
		expect((await upload('support2', 'PJ-016', png, 'education.png', 'image/png')).status).toBe(200);
		const theirs = newestEvidence('PJ-016')!;
		expect((await deleteEvidence('deptReporter', theirs)).status).toBe(403);
		expect((await deleteEvidence('otherDeptReporter', mine)).status).toBe(403);
		expect((await deleteEvidence('executive', mine)).status).toBe(403);
		const before = Date.now();
		expect((await deleteEvidence('deptReporter', mine)).data).toEqual({ savedRow: 'PJ-007' });
		expect(newestEvidence('PJ-007')).toBeUndefined();
		expect((await fetch(`${server.url}/plans/${planId}/progress/evidence/${mine}`, { headers: { cookie: cookie.planning_officer! } })).status).toBe(404);
		expect((await deleteEvidence('deptReporter', mine)).status).toBe(404);
		expect((await deleteEvidence('planning_officer', theirs)).body.type).toBe('success');
		expect(newestEvidence('PJ-016')).toBeUndefined();

		const db = openDataDb(dataDir);
		const log = db.prepare("select actor_id, data, created_at from audit_events where action = 'progress.evidenceDeleted' order by seq").all() as { actor_id: string; data: string; created_at: number }[];
		db.close();
		const last = log.slice(-2);
		expect(last.map((l) => [l.actor_id, JSON.parse(l.data)])).toEqual([
			[userId('support'), expect.objectContaining({ rowId: 'PJ-007', evidenceId: mine, fileName: 'ผิดไฟล์.png', size: png.byteLength, type: 'image/png', uploadedBy: userId('support') })],
			[userId('officer'), expect.objectContaining({ rowId: 'PJ-016', evidenceId: theirs, fileName: 'education.png', uploadedBy: userId('support2') })]
		]);
		expect(last.every((l) => l.created_at >= before - 1000)).toBe(true);
		// The page offers deletion on one's own rows only.
		expect((await upload('support2', 'PJ-019', png, 'ของกองการศึกษา.png', 'image/png')).status).toBe(200);
		expect((await upload('deptReporter', 'PJ-011', png, 'ของกองช่าง.png', 'image/png')).status).toBe(200);
		const after = (await getJson<string>(server, `/plans/${planId}/progress`, cookie.deptReporter)).body;
		expect(after).toContain('aria-label="ลบหลักฐาน ของกองช่าง.png"');
		expect(after).toContain('ของกองการศึกษา.png');
		expect(after).not.toContain('ลบหลักฐาน ของกองการศึกษา.png');
	});

	it('refuses another organization’s file, another fiscal year’s plan and path tricks as the id', async () => {
		const target = evidenceNamed('ของกองช่าง.png');
		const db = openDataDb(dataDir);
		const ours = db.prepare('select org_id from progress_evidence where id = ?').get(target) as { org_id: string };
		const foreignOrg = (db.prepare('select id from organizations where id != ?').get(ours.org_id) as { id: string }).id;
		const insert = db.prepare('insert into progress_evidence (id, org_id, fiscal_year, row_id, file_name, mime_type, size, data, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
		insert.run('foreignorgfile', foreignOrg, 2569, 'PJ-011', 'x.png', 'image/png', png.byteLength, Buffer.from(png), 'someone', Date.now());
		insert.run('otheryearfile', ours.org_id, 2570, 'PJ-011', 'y.png', 'image/png', png.byteLength, Buffer.from(png), 'someone', Date.now());
		db.close();
		expect((await deleteEvidence('planning_officer', 'foreignorgfile')).status).toBe(404);
		expect((await deleteEvidence('planning_officer', 'otheryearfile')).status).toBe(404);
		// Through a plan of another fiscal year (not announced): nothing to delete there.
		const other = await api<{ id: string }>(server, 'POST', '/api/plans', cookie.planning_officer, { title: 'แผนปีหน้า', fiscalYear: 2570 });
		expect(other.status).toBe(201);
		expect((await postAction(server, `/plans/${other.body.id}/progress?/deleteEvidence`, { evidenceId: target }, cookie.planning_officer)).status).toBe(404);
		expect((await postAction(server, `/plans/${other.body.id}/progress?/deleteEvidence`, { evidenceId: 'otheryearfile' }, cookie.planning_officer)).status).toBe(404);
		for (const evidenceId of [`../${target}`, `${target}/../${target}`, '..%2F..%2Fetc%2Fpasswd', `${target}\0`, '', 'x'.repeat(65), ` ${target}`, `${target}.png`]) {
			const refused = await deleteEvidence('planning_officer', evidenceId);
			expect([evidenceId, refused.status, refused.data]).toEqual([evidenceId, 400, { rowId: '', error: 'invalidInput', field: 'file' }]);
		}
		expect((await fetch(`${server.url}/plans/${planId}/progress/evidence/..%2F${target}`, { headers: { cookie: cookie.planning_officer! } })).status).toBe(404);
		const left = openDataDb(dataDir);
		const ids = (left.prepare("select id from progress_evidence where id in (?, 'foreignorgfile', 'otheryearfile')").all(target) as { id: string }[]).map((r) => r.id).sort();
		left.close();
		expect(ids).toEqual(['foreignorgfile', 'otheryearfile', target].sort());
	});

	it('keeps the files behind an announced report; later ones can still go', async () => {
		const kept = evidenceNamed('ของกองช่าง.png');
		const made = await postAction(server, `/plans/${planId}/progress/report?/make`, { period: 'half' }, cookie.planning_officer);
		const reportId = made.body.location!.split('/').pop()!;
		// Made but not announced yet: still deletable in principle (checked on a fresh file).
		expect((await upload('deptReporter', 'PJ-003', png, 'ก่อนประกาศ.png', 'image/png')).status).toBe(200);
		const beforeAnnouncement = newestEvidence('PJ-003')!;
		const today = new Date(Date.now() + 7 * 3600_000);
		const presentedOn = `${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear() + 543}`;
		expect((await postAction(server, `/plans/${planId}/progress/reports/${reportId}?/announce`, { presentedOn }, cookie.executive)).body.type).toBe('success');
		for (const who of ['deptReporter', 'planning_officer'] as const) {
			const refused = await deleteEvidence(who, kept);
			expect([refused.status, refused.data]).toEqual([400, { rowId: 'PJ-011', error: 'evidenceFrozen', field: 'file' }]);
		}
		expect(evidenceNamed('ของกองช่าง.png')).toBe(kept);
		const page = (await getJson<string>(server, `/plans/${planId}/progress`, cookie.deptReporter)).body;
		expect(page).not.toContain('ลบหลักฐาน ของกองช่าง.png');
		// Uploaded after the report was made: not behind it.
		expect((await deleteEvidence('deptReporter', beforeAnnouncement)).body.type).toBe('success');
	});
});
