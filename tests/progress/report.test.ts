/**
 * The monitoring cycle on the announced sample plan, end to end over HTTP: three departments
 * report progress, the planning officer makes the 6-month report (numbers as worked out by
 * hand in src/lib/domain/progress/report.test.ts, to the satang), its PDF carries the charts,
 * the executive announces it and it is public without signing in, with the posting rule.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, postAction, signIn } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { announce } from '../helpers/workflow';

let server: RunningServer;
let dataDir: string;
let planId: string;
let reportId: string;
const c: Record<string, string> = {};

const save = (who: string, rowId: string, status: string, contract: string, disbursed: string) =>
	postAction(server, `/plans/${planId}/progress?/save`, { rowId, status, contract, disbursed, startDate: '', endDate: '', note: '' }, c[who]);

/** Today in Thailand, typed as a Buddhist-era date minus `back` days. */
function beDaysAgo(back: number): string {
	const d = new Date(Date.now() + 7 * 3600_000 - back * 86_400_000);
	return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
}

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	for (const u of ['officer', 'committee', 'mayor', 'support', 'support2', 'viewer', 'admin']) c[u] = await signIn(server, u);
	planId = (await demoPlan(server, c.officer)).id;
	// A third department: the viewer reports for สำนักปลัดเทศบาล.
	const db = openDataDb(dataDir);
	const office = (db.prepare("select id from departments where name = 'สำนักปลัดเทศบาล'").get() as { id: string }).id;
	const viewer = (db.prepare("select id from users where username = 'viewer'").get() as { id: string }).id;
	db.close();
	expect((await postAction(server, '/org/members?/departments', { userId: viewer, departmentId: office }, c.admin)).body.type).toBe('success');
	await announce(server, planId, { drafter: c.officer, committee: c.committee, executive: c.mayor });
});
afterAll(async () => {
	await server?.kill();
});

describe('the monitoring report', () => {
	it('adds up three departments’ progress exactly as worked out by hand', async () => {
		const saves = await Promise.all([
			save('support', 'PJ-001', 'done', '480,000', '479,500.50'),
			save('support', 'PJ-003', 'in_progress', '295,000', '100,000.25'),
			save('support', 'PJ-011', 'done', '390,000', '390,000'),
			save('support2', 'PJ-016', 'in_progress', '', '150,000.33'),
			save('support2', 'PJ-019', 'done', '58,000', '57,999.99'),
			save('support2', 'PJ-020', 'cancelled', '', ''),
			save('viewer', 'PJ-035', 'carried_over', '40,000', '-'),
			save('viewer', 'PJ-049', 'done', '249,000', '249,000'),
			save('officer', 'PJ-009', 'done', '', ''),
			save('officer', 'EQ-01', 'purchased', '', '69,000')
		]);
		expect(saves.map((s) => s.status)).toEqual(new Array(10).fill(200));

		expect((await postAction(server, `/plans/${planId}/progress/report?/make`, { period: 'half' }, c.viewer)).status).toBe(403);
		const made = await postAction(server, `/plans/${planId}/progress/report?/make`, { period: 'half' }, c.officer);
		expect(made.body.type).toBe('redirect');
		reportId = made.body.location!.split('/').pop()!;

		const page = await getJson<string>(server, `/plans/${planId}/progress/reports/${reportId}`, c.mayor);
		expect(page.status).toBe(200);
		const total = /data-testid="report-total">([\s\S]*?)<\/tr>/.exec(page.body)![1].replace(/<[^>]+>/g, '|').split('|').filter((x) => x.trim());
		expect(total).toEqual(['รวม', '53', '100.00', '4', '7.55', '10,920,990.00', '100.00', '1,512,000.00', '13.84', '1,426,501.07', '13.06']);
		const statuses = /data-testid="report-statuses">([\s\S]*?)<\/table>/.exec(page.body)![1];
		expect([...statuses.matchAll(/<td class="num">([\d.]+)<\/td><td class="num">([\d.]+)<\/td>/g)].map((m) => [m[1], m[2]])).toEqual([
			['45', '84.90'], ['2', '3.77'], ['4', '7.55'], ['1', '1.89'], ['1', '1.89']
		]);
		expect(page.body).toContain('ตามแผน 8 รายการ งบประมาณ 299,200.00 บาท · จัดซื้อแล้ว 1 รายการ เป็นเงิน 69,000.00 บาท');
		// The figures are frozen: a later save does not change the made report.
		expect((await save('support', 'PJ-002', 'done', '', '1')).status).toBe(200);
		expect((await getJson<string>(server, `/plans/${planId}/progress/reports/${reportId}`, c.mayor)).body).toContain('1,426,501.07');
	});

	it('prints the charts into the PDF', async () => {
		const res = await fetch(`${server.url}/plans/${planId}/progress/reports/${reportId}/pdf`, { headers: { cookie: c.officer } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-')), 'report.pdf');
		fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
		// Chart captions and the SVG's own axis labels (text inside the charts).
		expect(text).toContain('การเบิกจ่ายสะสมรายเดือน');
		expect(text).toContain('ยุทธศาสตร์ที่5');
		for (const month of ['ต.ค.', 'มี.ค.']) expect(text).toContain(month);
		expect(text).toContain('1,426,501.07');
	});

	it('is announced by the executive only, once, and then public without signing in', async () => {
		const publicPath = `/p/lamphayomthong/2569/reports/${reportId}`;
		expect((await getJson(server, publicPath)).status).toBe(404);
		const announceAs = (who: string, presentedOn: string) => postAction(server, `/plans/${planId}/progress/reports/${reportId}?/announce`, { presentedOn }, c[who]);
		expect((await announceAs('officer', beDaysAgo(3))).status).toBe(403);
		expect((await announceAs('mayor', beDaysAgo(-2))).data).toEqual({ error: 'reportPresentedInFuture' });
		expect((await announceAs('mayor', beDaysAgo(3))).body.type).toBe('success');
		expect((await announceAs('mayor', beDaysAgo(1))).data).toEqual({ error: 'reportAlreadyAnnounced' });

		const page = await getJson<string>(server, publicPath);
		expect(page.status).toBe(200);
		expect(page.body).toContain('1,426,501.07');
		expect(page.body).toContain('data-testid="chart-months"');
		expect(page.body).toContain('ทันกำหนด');
		expect(page.body).toMatch(/ต้องปิดประกาศถึงอย่างน้อย .* \(อีก 30 วัน\)/);
		const hash = /data-testid="public-report-hash">([0-9a-f]{64})</.exec(page.body)![1];
		const db = openDataDb(dataDir);
		const stored = db.prepare('select sha256, canonical_json from progress_reports where id = ?').get(reportId) as { sha256: string; canonical_json: string };
		db.close();
		expect(hash).toBe(stored.sha256);
		expect(execFileSync('sha256sum', { input: stored.canonical_json, encoding: 'utf8' }).slice(0, 64)).toBe(hash);
		// Listed beside the plan's own public page.
		expect((await getJson<string>(server, '/p/lamphayomthong/2569/0')).body).toContain(publicPath);
	});

	it('puts the lagging projects first on the executive dashboard', async () => {
		const page = await getJson<string>(server, '/dashboard', c.mayor);
		expect(page.status).toBe(200);
		const lagging = page.body.indexOf('data-testid="dashboard-lagging"');
		expect(lagging).toBeGreaterThan(0);
		expect(lagging).toBeLessThan(page.body.indexOf('data-testid="report-title"'));
		// The count on the card is the number of rows listed, and the report below agrees.
		const section = /data-testid="dashboard-lagging">([\s\S]*?)<\/section>/.exec(page.body)![1];
		const rows = (section.match(/<tr>/g) ?? []).length - 1;
		const listed = /<div class="card warn[^"]*"><strong[^>]*>(\d+)<\/strong>/.exec(page.body)![1];
		expect(Number(listed)).toBe(rows);
		expect(rows).toBeGreaterThan(0); // the sample plan's year (Oct 2025 – Sep 2026) has projects overdue
		expect((await getJson<string>(server, '/dashboard')).status).toBe(303);
	});
});
