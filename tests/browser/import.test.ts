/**
 * The import page as a planning officer uses it: a realistic workbook built here with ExcelJS
 * (months by shading, a subtotal line, the header repeated at a page break, a near-miss
 * แผนงาน heading to confirm, an other-agency unit, a row with no month, a ผด.02/1 sheet
 * beside the ผด.02) previews in its sections, each sheet with its own column mapping; the
 * officer confirms the แผนงาน, applies, and finds the rows in the editor. Then a whole-plan
 * JSON (the demo plan's plan.json) previews and replaces a new plan's content the same way.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { formHeader, heading, project, shade } from '../import/workbooks';
import { grid, waitReady } from './plan-support';

const env = useServerAndBrowser();

async function signedInPage(username = 'officer'): Promise<Page> {
	const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(env.server.url + '/');
	await page.getByLabel(/ชื่อผู้ใช้/).fill(username);
	await page.getByLabel(/รหัสผ่าน/).fill(`${username}-demo-2569`);
	await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await page.locator('.plans a').first().waitFor({ timeout: 30_000 });
	return page;
}

/** A new plan through the API, with the browser's session. */
const createPlan = (page: Page, title: string) =>
	page.evaluate(async (t) => {
		const res = await fetch('/api/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: t, fiscalYear: 2569 }) });
		return ((await res.json()) as { id: string }).id;
	}, title);

/** ผด.02 on one sheet, ผด.02/1 on another, as an LAO's workbook holds them. */
async function workbook(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('ผด.02');
	let r = formHeader(ws, 1); // data from 5
	heading(ws, r++, 'ยุทธศาสตร์ที่ ๑ การพัฒนาด้านโครงสร้างพื้นฐาน'); // 5
	heading(ws, r++, '๑.๑ แผนงานอุตสาหกรรมและการโยธา'); // 6
	project(ws, r, [1, 'โครงการก่อสร้างถนนคอนกรีต หมู่ที่ ๒', 'กว้าง ๔ เมตร\nยาว ๒๐๐ เมตร', '500,000', 'หมู่ที่ ๒', 'กอง\nช่าง']);
	shade(ws, r++, [0, 1, 2]); // 7: months by shading, unit broken across lines
	project(ws, r, [2, 'โครงการก่อสร้างสะพานข้ามลำห้วย', 'สะพาน คสล.', '1,200,000', 'หมู่ที่ ๕', 'องค์การบริหารส่วนจังหวัดสมมุติ']);
	shade(ws, r++, [4, 5]); // 8: another agency's project
	project(ws, r++, [null, 'รวม', null, '1,700,000', null, null]); // 9: subtotal
	r = formHeader(ws, r); // 10–13: the header again at the page break
	heading(ws, r++, 'แผนงานอุตสาหกรรมโยธา'); // 14: near miss of a standard แผนงาน
	project(ws, r, [1, 'โครงการวางท่อระบายน้ำ', 'ท่อ คสล. ๐.๖๐ เมตร', '250,000.50', 'หมู่ที่ ๓', 'กองช่าง']);
	shade(ws, r++, [6]); // 15
	project(ws, r++, [2, 'โครงการปรับปรุงภูมิทัศน์', 'ปลูกต้นไม้', '30,000', 'หมู่ที่ ๑', 'กองช่าง']); // 16: no month → rejected

	const eq = wb.addWorksheet('ผด.02-1');
	eq.addRow(['บัญชีครุภัณฑ์']);
	eq.addRow(['ที่', 'แผนงาน', 'หมวด', 'ประเภท', 'ครุภัณฑ์', 'รายละเอียดของครุภัณฑ์', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก', ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']]);
	eq.addRow([1, 'แผนงานบริหารงานทั่วไป', 'ค่าครุภัณฑ์', 'ครุภัณฑ์สำนักงาน', 'เครื่องปรับอากาศ', 'ขนาด 24,000 BTU', '56,000', 'สำนักงาน', 'สำนัก\nปลัดเทศบาล']);
	eq.getCell(3, 10 + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
	return Buffer.from(await wb.xlsx.writeBuffer());
}

const section = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe('import page', () => {
	it('previews a real-looking workbook in sections, confirms the แผนงาน, applies, and the editor shows the rows', { timeout: 120_000 }, async () => {
		const page = await signedInPage();
		const id = await createPlan(page, 'แผนนำเข้าจากสมุดงาน');
		await page.goto(`${env.server.url}/plans/${id}/import`);
		await page.locator('input[type=file]').setInputFiles({ name: 'ผด02.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() });
		await page.getByRole('button', { name: 'อ่านไฟล์และแสดงตัวอย่าง' }).click();
		await section(page, 'import-preview').waitFor({ timeout: 30_000 });

		// Both sheets read together, each with its own column mapping.
		await expect.poll(() => section(page, 'import-parts').innerText()).toMatch(/ผด\.02: โครงการ.*ผด\.02-1: ครุภัณฑ์/);
		expect(await section(page, 'import-mapping-0').count()).toBe(1);
		expect(await section(page, 'import-mapping-1').count()).toBe(1);
		expect(await section(page, 'import-mapping-1').locator('select[name="map.1.item"] option:checked').textContent()).toMatch(/ครุภัณฑ์/);

		// Accepted: 3 projects + 1 equipment row.
		expect(await section(page, 'import-summary').innerText()).toMatch(/พร้อมนำเข้า 4 รายการ งบประมาณรวม 2,006,000\.50 บาท/);
		// Skipped with reasons: the subtotal and the repeated header.
		await page.locator('summary', { hasText: 'ไม่ใช่โครงการ' }).click();
		const skipped = await section(page, 'import-skipped').innerText();
		expect(skipped).toMatch(/9\s+ยอดรวม/);
		expect(skipped).toMatch(/หัวตาราง/);
		// Rejected with its reason.
		const rejected = await section(page, 'import-rejected').innerText();
		expect(rejected).toMatch(/16\s+ต้องระบุเดือนที่ดำเนินการอย่างน้อย 1 เดือน/);
		// The other agency's row.
		expect(await section(page, 'import-other-agency').innerText()).toMatch(/องค์การบริหารส่วนจังหวัดสมมุติ/);
		expect(await section(page, 'import-other-agency').innerText()).not.toMatch(/กองช่าง/);
		// The near miss asks, proposing the standard name.
		const question = section(page, 'import-questions').locator('select');
		expect(await section(page, 'import-questions').innerText()).toMatch(/แผนงานอุตสาหกรรมโยธา.*แผนงานอุตสาหกรรมและการโยธา/s);
		expect(await question.locator('option:checked').innerText()).toBe('แผนงานอุตสาหกรรมและการโยธา');
		await question.selectOption({ label: 'แผนงานอุตสาหกรรมและการโยธา' });

		await section(page, 'import-confirm').click();
		await expect.poll(() => section(page, 'import-done').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/นำเข้าแล้ว 4 รายการ/);

		await page.goto(`${env.server.url}/plans/${id}`);
		await waitReady(page);
		const text = await grid(page).innerText();
		for (const name of ['โครงการก่อสร้างถนนคอนกรีต หมู่ที่ 2', 'โครงการก่อสร้างสะพานข้ามลำห้วย', 'โครงการวางท่อระบายน้ำ']) expect(text).toContain(name);
		expect(text).not.toContain('โครงการปรับปรุงภูมิทัศน์');
		expect(await grid(page).locator('tr.data').count()).toBe(3);
		await page.context().close();
	});

	it('previews a whole-plan JSON and replaces the plan with it', { timeout: 120_000 }, async () => {
		const page = await signedInPage();
		const demo = await page.evaluate(async () => {
			// The demo plan (the sample plan), not one this file created.
			const plans = (await (await fetch('/api/plans')).json()) as { id: string; title: string }[];
			return plans.find((p) => !p.title.startsWith('แผนนำเข้า'))!.id;
		});
		const json = await page.evaluate(async (d) => (await fetch(`/api/plans/${d}/plan.json`)).text(), demo);
		const file = JSON.parse(json) as { strategies: { planGroups: { projects: { fundingSource: { type: string } }[] }[] }[]; equipment: unknown[] };
		const projects = file.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects));
		const equipment = file.equipment.length;
		const id = await createPlan(page, 'แผนนำเข้าจาก plan.json');
		await page.goto(`${env.server.url}/plans/${id}/import`);
		// A hostile file is refused whole, with the reason, and no preview.
		await page.locator('input[type=file]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(json.replace('"schemaVersion"', '"__proto__":{"x":1},"schemaVersion"')) });
		await page.getByRole('button', { name: 'อ่านไฟล์และแสดงตัวอย่าง' }).click();
		await expect.poll(() => section(page, 'import-refusal').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/ชื่อข้อมูลต้องห้าม "__proto__"/);
		expect(await section(page, 'import-json-preview').count()).toBe(0);

		await page.locator('input[type=file]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(json) });
		await page.getByRole('button', { name: 'อ่านไฟล์และแสดงตัวอย่าง' }).click();
		await section(page, 'import-json-preview').waitFor({ timeout: 30_000 });
		expect(await section(page, 'import-json-summary').innerText()).toMatch(/ไฟล์แผนทั้งฉบับ: .* ปีงบประมาณ พ\.ศ\. 2569/);
		const others = projects.filter((p) => p.fundingSource.type !== 'own').length;
		expect(others).toBeGreaterThan(0);
		expect(await section(page, 'import-other-agency').locator('tr').count()).toBe(others);
		expect(await section(page, 'import-summary').innerText()).toMatch(new RegExp(`พร้อมนำเข้า ${projects.length + equipment} รายการ`));
		expect(await section(page, 'import-skipped').innerText()).toMatch(/ข้อมูลสรุป ผด\.01/);
		expect(await section(page, 'import-json-replaces').count()).toBe(0);
		await section(page, 'import-confirm').click();
		await expect.poll(() => section(page, 'import-done').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(new RegExp(`โครงการ ${projects.length} รายการ`));

		// Again into the same plan: it says what it replaces, and replaces only when ticked.
		await page.locator('input[type=file]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(json) });
		await page.getByRole('button', { name: 'อ่านไฟล์และแสดงตัวอย่าง' }).click();
		await expect.poll(() => section(page, 'import-json-replaces').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(new RegExp(`โครงการ ${projects.length} รายการ ครุภัณฑ์ ${equipment} รายการ`));
		await section(page, 'import-confirm').click();
		await expect.poll(() => page.getByRole('alert').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/ติ๊กยืนยันการแทนที่/);
		await page.getByLabel('ยืนยันให้แทนที่เนื้อหาเดิมของแผนนี้').check();
		await section(page, 'import-confirm').click();
		await expect.poll(() => section(page, 'import-done').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(new RegExp(`โครงการ ${projects.length} รายการ`));

		// Replaced, not added to.
		const stored = await page.evaluate(async (d) => (await (await fetch(`/api/plans/${d}/plan.json`)).json()) as { strategies: { planGroups: { projects: unknown[] }[] }[] }, id);
		expect(stored.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects))).toHaveLength(projects.length);

		await page.goto(`${env.server.url}/plans/${id}`);
		await waitReady(page);
		expect(await grid(page).locator('[role="grid"]').getAttribute('aria-rowcount').then(Number)).toBeGreaterThanOrEqual(projects.length);
		// The narrative came too: the sample's sections replaced the four empty standard ones.
		expect(await page.locator('[data-testid="section-editor"] .ProseMirror').first().innerText()).not.toBe('');
		await page.context().close();
	});
});
