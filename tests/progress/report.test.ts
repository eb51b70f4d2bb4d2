/**
 * The monitoring cycle on the announced sample plan, end to end over HTTP: three departments
 * report progress, the planning officer makes the 6-month report (numbers as worked out by
 * hand in src/lib/domain/progress/report.test.ts, to the satang), its PDF carries the charts,
 * the executive announces it and it is public without signing in, with the posting rule; the
 * same report as DOCX (opened by LibreOffice) and XLSX carries the same numbers.
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
import ExcelJS from 'exceljs';
import { docxText, unzipEntry } from '../export/docxText';

let server: RunningServer;
let dataDir: string;
let planId: string;
let reportId: string;
const c: Record<string, string> = {};

const save = (who: string, rowId: string, status: string, contract: string, disbursed: string, disbursedOn = '') =>
	postAction(server, `/plans/${planId}/progress?/save`, { rowId, status, contract, disbursed, disbursedOn, startDate: '', endDate: '', note: '' }, c[who]);

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
		// Disbursed-on dates (BE) as in the hand-worked month series: PJ-001 in two payments.
		expect((await save('support', 'PJ-001', 'in_progress', '480,000', '200,000', '15/12/2568')).status).toBe(200);
		const saves = await Promise.all([
			save('support', 'PJ-001', 'done', '480,000', '479,500.50', '3 ก.พ. 2569'),
			save('support', 'PJ-003', 'in_progress', '295,000', '100,000.25', '10/1/2569'),
			save('support', 'PJ-011', 'done', '390,000', '390,000', '๓๑/๓/๒๕๖๙'),
			save('support2', 'PJ-016', 'in_progress', '', '150,000.33', '20/9/2568'),
			save('support2', 'PJ-019', 'done', '58,000', '57,999.99', '2/4/2569'),
			save('support2', 'PJ-020', 'cancelled', '', ''),
			save('viewer', 'PJ-035', 'carried_over', '40,000', '-'),
			save('viewer', 'PJ-049', 'done', '249,000', '249,000', '1/3/2569'),
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
		// The monthly chart counts by the disbursed-on dates (bars' titles: month, cumulative baht).
		const bars = /data-testid="chart-months"[\s\S]*?<\/figure>/.exec(page.body)![0];
		expect([...bars.matchAll(/<rect [^>]*><title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual([
			'ต.ค. 150000.33', 'พ.ย. 150000.33', 'ธ.ค. 350000.33', 'ม.ค. 450000.58', 'ก.พ. 729501.08', 'มี.ค. 1368501.08'
		]);
		expect(page.body).toContain('เบิกจ่ายรายเดือนนับตามวันที่เบิกจ่ายที่รายงาน');
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

	it('offers the same report as DOCX and XLSX, signed in and, once announced, to the public', async () => {
		const base = `/plans/${planId}/progress/reports/${reportId}`;
		const download = async (p: string, cookie?: string) => {
			const started = performance.now();
			const res = await fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} });
			expect([p, res.status]).toEqual([p, 200]);
			return { file: Buffer.from(await res.arrayBuffer()), ms: Math.round(performance.now() - started), res };
		};
		const docx = await download(`${base}/docx`, c.viewer);
		const xlsx = await download(`${base}/xlsx`, c.viewer);
		console.info(`report DOCX ${docx.ms} ms (${docx.file.byteLength} bytes), XLSX ${xlsx.ms} ms (${xlsx.file.byteLength} bytes)`);
		expect(docx.res.headers.get('content-disposition')).toMatch(/^attachment; filename="progress-report-2569-half\.docx"/);
		expect((await getJson<string>(server, base, c.viewer)).body).toContain(`href="${base}/xlsx"`);

		// DOCX: one paragraph per table cell, in the print view's order; the hand-computed figures.
		const lines = docxText(docx.file).split('\n');
		const after = (label: string, n: number, from = 0) => {
			const i = lines.indexOf(label, from);
			expect(i, label).toBeGreaterThanOrEqual(0);
			return lines.slice(i + 1, i + 1 + n);
		};
		expect(after('รวม', 10)).toEqual(['53', '100.00', '4', '7.55', '10,920,990.00', '100.00', '1,512,000.00', '13.84', '1,426,501.07', '13.06']);
		const strategies = lines.filter((l) => /^[1-5]\. /.test(l)).slice(0, 5);
		const hand = [
			['13', '2', '15.38', '3,753,000.00', '1,165,000.00', '31.04', '969,500.75', '25.83'],
			['18', '1', '5.56', '4,278,990.00', '58,000.00', '1.36', '208,000.32', '4.86'],
			['5', '0', '0.00', '458,000.00', '40,000.00', '8.73', '-', '0.00'],
			['6', '0', '0.00', '1,236,000.00', '-', '0.00', '-', '0.00'],
			['11', '1', '9.09', '1,195,000.00', '249,000.00', '20.84', '249,000.00', '20.84']
		];
		expect(strategies.map((s) => after(s, 10)).map((v) => [0, 2, 3, 4, 6, 7, 8, 9].map((i) => v[i]))).toEqual(hand);
		expect(after('ยังไม่ได้ดำเนินการ', 2)).toEqual(['45', '84.90']);
		expect(after('แล้วเสร็จ', 2, lines.indexOf('ยังไม่ได้ดำเนินการ'))).toEqual(['4', '7.55']);
		expect(lines).toContain('ตามแผน 8 รายการ งบประมาณ 299,200.00 บาท · จัดซื้อแล้ว 1 รายการ เป็นเงิน 69,000.00 บาท');
		expect(lines).toContain('จำนวน 7 โครงการ แล้วเสร็จ 1 โครงการ งบประมาณ 12,650,000.00 บาท');
		// The three charts as pictures, each under its caption.
		const xml = unzipEntry(docx.file, 'word/document.xml').toString('utf8');
		expect((xml.match(/<pic:pic\b/g) ?? []).length).toBe(3);
		expect(lines).toContain('การเบิกจ่ายสะสมรายเดือน เทียบกับแผนตามช่วงเวลาดำเนินการ (บาท)');

		// XLSX: numbers as numbers, baht formats.
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx.file as unknown as ArrayBuffer);
		const ws = wb.getWorksheet('ผลการดำเนินงาน')!;
		const rowOf = (sheet: ExcelJS.Worksheet, pick: (a: unknown) => boolean) => {
			const found: ExcelJS.Row[] = [];
			sheet.eachRow((row) => pick(row.getCell(1).value) && found.push(row));
			return found;
		};
		const values = (row: ExcelJS.Row, n = 11) => Array.from({ length: n - 1 }, (_, i) => row.getCell(i + 2).value);
		const [total] = rowOf(ws, (a) => a === 'รวม');
		expect(values(total)).toEqual([53, 100, 4, 7.55, 10920990, 100, 1512000, 13.84, 1426501.07, 13.06]);
		expect([total.getCell(6).numFmt, total.getCell(11).numFmt]).toEqual(['#,##0.00;-#,##0.00;"-"', '0.00']);
		const strategyRows = rowOf(ws, (a) => typeof a === 'string' && /^[1-5]\. /.test(a));
		expect(strategyRows.map((r) => [0, 2, 3, 4, 6, 7, 8, 9].map((i) => values(r)[i]))).toEqual(
			hand.map((h) => h.map((v) => (v === '-' ? 0 : Number(v.replace(/,/g, '')))))
		);
		const labels = ['ยังไม่ได้ดำเนินการ', 'อยู่ระหว่างดำเนินการ', 'แล้วเสร็จ', 'ยกเลิก', 'กันเงิน'];
		const statuses = rowOf(wb.getWorksheet('สถานะ')!, (a) => labels.includes(a as string));
		expect(statuses.map((r) => values(r, 3))).toEqual([[45, 84.9], [2, 3.77], [4, 7.55], [1, 1.89], [1, 1.89]]);
		const months = rowOf(wb.getWorksheet('เบิกจ่ายรายเดือน')!, (a) => typeof a === 'string' && /^[\u0E00-\u0E7F]+\.[\u0E00-\u0E7F]+\.$/.test(a));
		expect(months.map((r) => values(r, 3))).toEqual([
			[0, 150000.33],
			[150000, 150000.33],
			[475000, 350000.33],
			[869000, 450000.58],
			[1088000, 729501.08],
			[1778000, 1368501.08]
		]);

		// LibreOffice opens the DOCX: the tables and the pictures are in its PDF.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-docx-'));
		fs.writeFileSync(path.join(dir, 'report.docx'), docx.file);
		const started = performance.now();
		execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { timeout: 120_000, stdio: 'ignore' });
		const pdf = path.join(dir, 'report.pdf');
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
		console.info(`LibreOffice DOCX→PDF ${Math.round(performance.now() - started)} ms, ${pages} pages`);
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(pages).toBeLessThanOrEqual(8);
		const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
		expect(text).toContain('1,426,501.07');
		expect(text).toContain('10,920,990.00');
		expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').length - 2).toBeGreaterThanOrEqual(3);

		// The public page offers both files of the announced report, without signing in.
		const publicPath = `/p/lamphayomthong/2569/reports/${reportId}`;
		expect((await getJson<string>(server, publicPath)).body).toContain(`href="${publicPath}/docx"`);
		const publicDocx = await download(`${publicPath}/docx`);
		expect(docxText(publicDocx.file)).toContain('1,426,501.07');
		const etag = publicDocx.res.headers.get('etag')!;
		expect((await fetch(`${server.url}${publicPath}/docx`, { headers: { 'if-none-match': etag } })).status).toBe(304);
		expect((await download(`${publicPath}/xlsx`)).file.byteLength).toBeGreaterThan(1000);
		// A report not announced has no public files; signed out, none of the in-app ones.
		const year = await postAction(server, `/plans/${planId}/progress/report?/make`, { period: 'year' }, c.officer);
		const yearId = year.body.location!.split('/').pop()!;
		for (const f of ['docx', 'xlsx']) {
			expect((await fetch(`${server.url}/p/lamphayomthong/2569/reports/${yearId}/${f}`)).status).toBe(404);
			expect((await fetch(`${server.url}/plans/${planId}/progress/reports/${yearId}/${f}`)).status).toBe(401);
		}
		expect((await fetch(`${server.url}/p/lamphayomthong/2569/reports/..%2F${reportId}/docx`)).status).toBe(404);
	}, 180_000);
});
