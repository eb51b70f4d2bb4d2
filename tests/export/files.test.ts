/**
 * DOCX and XLSX exports read back with the libraries (office.test.ts renders them with
 * LibreOffice), and the import: XLSX round trip into an empty plan, a messy workbook with
 * row-level errors, hostile files refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, devalueData, postAction, signIn } from '../helpers/http';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { readPlan } from '../../src/lib/domain/plan/doc';
import { computePd01 } from '../../src/lib/domain/plan/pd01';
import { encryptedWorkbook, messyWorkbook, zipBomb } from './fixtures';
import { unzipEntry } from './docxText';

const expected = JSON.parse(fs.readFileSync(new URL('../../src/lib/server/demo/sample-plan-pd01.json', import.meta.url), 'utf8'));
const sample = JSON.parse(fs.readFileSync(new URL('../../src/lib/server/demo/sample-plan.json', import.meta.url), 'utf8'));
const names: string[] = sample.strategies.flatMap((s: { planGroups: { projects: { name: string }[] }[] }) => s.planGroups.flatMap((g) => g.projects.map((p) => p.name)));
let server: RunningServer;
let officer: string;
let planId: string;
const dataDir = tempDir('ruamphaen-export-data-');

beforeAll(async () => {
	server = await startServer({ dataDir });
	officer = await signIn(server, 'officer');
	planId = (await demoPlan(server, officer)).id;
});
afterAll(async () => {
	await server?.kill();
});

async function download(p: string, cookie = officer): Promise<Buffer> {
	const res = await fetch(`${server.url}${p}`, { headers: { cookie } });
	expect(res.status).toBe(200);
	return Buffer.from(await res.arrayBuffer());
}

/** Multipart form action, answered as JSON like SvelteKit's enhance does. */
async function postForm(p: string, form: FormData, cookie = officer) {
	const res = await fetch(`${server.url}${p}`, { method: 'POST', body: form, headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' } });
	const text = await res.text();
	let body: { type: string; status?: number; data?: string };
	try {
		body = JSON.parse(text);
	} catch {
		return { status: res.status, type: 'raw', data: text as unknown };
	}
	return { status: res.status, type: body.type, data: (body.data ? devalueData(body.data) : undefined) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const fileForm = (name: string, bytes: Buffer, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') => {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(bytes)], name, { type }));
	return form;
};

describe('DOCX export', () => {
	it('holds every project, the ผด.01 totals, real tables and TH Sarabun fonts', async () => {
		const file = await download(`/plans/${planId}/export/docx`);
		const xml = unzipEntry(file, 'word/document.xml').toString('utf8');
		const text = xml.replace(/<[^>]+>/g, '');
		const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
		const missing = names.filter((n) => !unescape(text).includes(n));
		expect(missing).toEqual([]);
		expect(text).toContain('รวมทั้งสิ้น');
		expect(text).toContain('23,570,990');
		expect(text).toContain('15,903,000');
		expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
		expect(xml).toContain('w:orient="landscape"');
		expect(xml).toContain('<w:tblHeader');
		expect(xml).toContain('TH Sarabun New');
		// Thai runs name the complex-script font and size; spacing is never exact; layout is fixed.
		expect(xml).toMatch(/<w:rFonts [^>]*w:cs="TH Sarabun New"/);
		expect(xml).toContain('<w:szCs ');
		expect(xml).not.toContain('w:lineRule="exact"');
		expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
		expect(unzipEntry(file, 'word/fontTable.xml').toString('utf8')).toContain('<w:altName w:val="TH SarabunPSK"/>');
	});
});

describe('XLSX export', () => {
	it('has one sheet per form with official headers, numbers as numbers and month marks', async () => {
		const file = await download(`/plans/${planId}/export/xlsx`);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(file as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['ผด.01', 'ผด.02', 'ผด.02-1']);
		const pd02 = wb.getWorksheet('ผด.02')!;
		const row1: unknown[] = [];
		pd02.getRow(1).eachCell((c) => row1.push(c.value));
		expect(row1).toEqual(['แบบ ผด.๐๒']);
		expect([1, 2, 3, 4, 5, 6].map((c) => pd02.getRow(6).getCell(c).value)).toEqual([
			'ที่',
			'โครงการ',
			'รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ',
			'งบประมาณ (บาท)',
			'สถานที่ดำเนินการ',
			'หน่วยงานรับผิดชอบหลัก'
		]);
		expect(pd02.getCell('G6').value).toBe('พ.ศ. ๒๕๖๘');
		expect(pd02.getCell('J6').value).toBe('พ.ศ. ๒๕๖๙');
		expect(pd02.getCell('G7').value).toBe('ต.ค.');
		expect(pd02.getCell('A8').isMerged).toBe(true);
		const names2: string[] = [];
		let budget = 0;
		pd02.eachRow((row, r) => {
			if (r > 7 && typeof row.getCell(1).value === 'number') {
				names2.push(String(row.getCell(2).value));
				expect(typeof row.getCell(4).value).toBe('number');
				budget += Math.round((row.getCell(4).value as number) * 100);
			}
		});
		expect(names2).toEqual(names);
		expect(budget).toBe(expected.scopes.all.grandTotal.budgetSatang);
		const pd01 = wb.getWorksheet('ผด.01')!;
		let total: ExcelJS.Row | null = null;
		pd01.eachRow((row) => {
			if (row.getCell(1).value === 'รวมทั้งสิ้น') total = row;
		});
		expect(total!.getCell(2).value).toBe(60);
		expect(total!.getCell(4).value).toBe(23570990);
		expect(total!.getCell(4).numFmt).toContain('#,##0');
	});
});

describe('import', () => {
	it('round-trips: export XLSX → import into an empty plan → same projects and totals', async () => {
		const created = await postAction(server, '/?/createPlan', { title: 'แผนทดสอบนำเข้า', fiscalYear: '2569' }, officer);
		const emptyId = /\/plans\/(\w+)/.exec(created.body.location ?? '')![1];
		const xlsx = await download(`/plans/${planId}/export/xlsx`);

		const preview = await postForm(`/plans/${emptyId}/import?/preview`, fileForm('plan.xlsx', xlsx));
		expect(preview.type).toBe('success');
		expect(preview.data.preview.problem).toBeNull();
		expect(preview.data.preview.sheets[preview.data.preview.sheet]).toBe('ผด.02');
		expect(preview.data.preview.rejected).toEqual([]);
		expect(preview.data.preview.projects).toHaveLength(60);

		// Nothing is written before the confirmation.
		const client = connectClient(server.wsUrl, `plan.${emptyId}`, { cookie: officer });
		await waitSynced(client);
		expect(readPlan(client.doc).projects).toHaveLength(0);

		const confirm = new FormData();
		confirm.set('payload', preview.data.payload);
		confirm.set('sheet', String(preview.data.preview.sheet));
		const done = await postForm(`/plans/${emptyId}/import?/confirm`, confirm);
		expect(done.type).toBe('success');
		expect(done.data.done.projects).toBe(60);

		// Equipment (ผด.02/1 sheet) in a second import.
		const eqForm = new FormData();
		eqForm.set('payload', preview.data.payload);
		eqForm.set('sheet', '2');
		const eqPreview = await postForm(`/plans/${emptyId}/import?/preview`, (eqForm.set('sheetChanged', '1'), eqForm));
		expect(eqPreview.data.preview.kind).toBe('equipment');
		expect(eqPreview.data.preview.equipment).toHaveLength(sample.equipment.length);
		const eqDone = await postForm(`/plans/${emptyId}/import?/confirm`, eqForm);
		expect(eqDone.data.done.equipment).toBe(sample.equipment.length);

		await waitFor(() => readPlan(client.doc).equipment.length === sample.equipment.length, 'import reached the live document');
		const plan = readPlan(client.doc);
		client.destroy();
		expect(plan.projects.map((p) => p.name)).toEqual(names);
		const pd01 = computePd01(plan);
		expect(pd01.grandTotal.budgetSatang).toBe(expected.scopes.all.grandTotal.budgetSatang);
		expect(pd01.strategies.map((s) => [s.name, s.projectCount, s.budgetSatang, s.projectPct.largestRemainder, s.budgetPct.largestRemainder])).toEqual(
			expected.scopes.all.strategies.map((s: { name: string; projectCount: number; budgetSatang: number; projectPct: { largestRemainder: string }; budgetPct: { largestRemainder: string } }) => [
				s.name,
				s.projectCount,
				s.budgetSatang,
				s.projectPct.largestRemainder,
				s.budgetPct.largestRemainder
			])
		);
		expect(plan.projects.find((p) => p.name === names[0])!.activeMonths).toEqual(sample.strategies[0].planGroups[0].projects[0].activeMonths);
		expect(plan.equipment.reduce((s, e) => s + e.budget, 0)).toBe(expected.equipment.budgetSatang);

		// Durable and attributed: a cold read from storage (the PDF/print path) sees the import.
		const res = await fetch(`${server.url}/plans/${emptyId}/export/xlsx`, { headers: { cookie: officer } });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
		let stored = 0;
		wb.getWorksheet('ผด.02')!.eachRow((row, r) => {
			if (r > 7 && typeof row.getCell(1).value === 'number') stored++;
		});
		expect(stored).toBe(60);

		// One log entry per import, attributed to the officer who confirmed it.
		const db = new Database(path.join(dataDir, 'ruamphaen.sqlite'), { readonly: true });
		const officerId = (db.prepare("select id from users where username = 'officer'").get() as { id: string }).id;
		const entries = db.prepare('select user_id as userId from doc_updates where doc_name = ? order by seq').all(`plan.${emptyId}`) as { userId: string | null }[];
		db.close();
		expect(entries.slice(-2).map((e) => e.userId)).toEqual([officerId, officerId]);
	});

	it('lists every bad row of a messy workbook with its row number and a Thai reason', async () => {
		const { file, accepted, rejected } = await messyWorkbook();
		const preview = await postForm(`/plans/${planId}/import?/preview`, fileForm('messy.xlsx', file));
		expect(preview.type).toBe('success');
		const p = preview.data.preview;
		expect(p.projects.map((r: { name: string }) => r.name)).toEqual(accepted.map((a) => a.name));
		expect(p.rejected.map((r: { rowNo: number }) => r.rowNo)).toEqual(Object.keys(rejected).map(Number));
		for (const r of p.rejected) expect(r.reasons.map((x: { th: string }) => x.th).join(' / ')).toMatch(rejected[r.rowNo]);
	});

	it('refuses hostile files with a clear Thai message, and people who may not import', async () => {
		const cases: [string, Buffer, RegExp][] = [
			['bomb.xlsx', zipBomb(), /ขนาดใหญ่ผิดปกติ/],
			['secret.xlsx', encryptedWorkbook(), /เข้ารหัส/],
			['photo.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.alloc(100)]), /ไม่ใช่ตาราง/]
		];
		for (const [name, bytes, message] of cases) {
			const r = await postForm(`/plans/${planId}/import?/preview`, fileForm(name, bytes));
			expect(r.type, name).toBe('failure');
			expect(r.data.refusal.th, name).toMatch(message);
		}
		// Over the limit: refused (by the app with its message, or by the body-size limit before it).
		const big = await postForm(`/plans/${planId}/import?/preview`, fileForm('big.csv', Buffer.alloc(6 * 1024 * 1024, 0x41), 'text/csv'));
		expect(big.type === 'failure' ? big.data.refusal.th : String(big.status)).toMatch(/เกิน 5 MB|413/);

		const support = await signIn(server, 'support');
		const denied = await postForm(`/plans/${planId}/import?/preview`, fileForm('x.csv', Buffer.from('a,b')), support);
		expect(denied.status).toBe(403);
	});
});
