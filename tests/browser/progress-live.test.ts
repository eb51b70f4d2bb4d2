/**
 * Two people on the progress table of the announced plan: the กองช่าง director saves a row in
 * one browser and the planning officer's open table shows it without a reload; a refused value
 * stays in the reporter's form with the reason, and rows of other departments are read-only.
 * The disbursed-on date is typed in the Buddhist era; an evidence file is attached and deleted
 * (after a confirmation) and the other table follows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { announce } from '../helpers/workflow';

let server: RunningServer;
let browser: Browser;
let planId: string;

async function openProgressAs(username: string): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const [name, value] = (await signIn(server, username)).split('=');
	await ctx.addCookies([{ name, value, url: server.url }]);
	const page = await ctx.newPage();
	await page.goto(`${server.url}/plans/${planId}/progress`);
	// The live notices are connected.
	await page.locator('[data-testid="live"][data-live="true"]').waitFor({ timeout: 20_000 });
	return page;
}

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	const [officer, committee, mayor] = await Promise.all(['officer', 'committee', 'mayor'].map((u) => signIn(server, u)));
	planId = (await demoPlan(server, officer)).id;
	await announce(server, planId, { drafter: officer, committee, executive: mayor });
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

it('shows one reporter’s save on the other people’s open tables', async () => {
	const [engineer, officer] = await Promise.all([openProgressAs('support'), openProgressAs('officer')]);
	const row = (page: Page, id: string) => page.locator(`tr[data-row="${id}"]`);

	// กองการศึกษา's project is read-only for the กองช่าง director; its own row has a form.
	expect(await row(engineer, 'PJ-016').locator('input').count()).toBe(0);
	const mine = row(engineer, 'PJ-001');
	await mine.locator('select[name="status"]').selectOption('in_progress');
	await mine.locator('input[name="disbursed"]').fill('๑๒๐,๕๐๐.๒๕');
	await mine.locator('input[name="startDate"]').fill('15 พ.ย. 2568');
	await mine.getByRole('button', { name: 'บันทึก' }).click();
	await mine.getByRole('status').waitFor();

	// The officer's table follows without a reload.
	await officer.waitForFunction(() => document.querySelector<HTMLInputElement>('tr[data-row="PJ-001"] input[name="disbursed"]')?.value === '120,500.25', null, { timeout: 10_000 });
	expect(await row(officer, 'PJ-001').locator('select[name="status"]').inputValue()).toBe('in_progress');
	expect(await row(officer, 'PJ-001').locator('input[name="startDate"]').inputValue()).toBe('15/11/2568');
	expect(await row(officer, 'PJ-001').locator('small.who').textContent()).toContain('นายสมชาย ช่วยงาน');

	// A bad amount is refused with the reason and stays where it was typed.
	await mine.locator('input[name="contract"]').fill('12,34');
	await mine.getByRole('button', { name: 'บันทึก' }).click();
	expect(await mine.getByRole('alert').textContent()).toContain('จำนวนเงินไม่ถูกต้อง');
	expect(await mine.locator('input[name="contract"]').inputValue()).toBe('12,34');
});

it('takes the disbursed-on date, and deletes an evidence file after asking, on both tables', async () => {
	const [engineer, officer] = await Promise.all([openProgressAs('support'), openProgressAs('officer')]);
	const mine = engineer.locator('tr[data-row="PJ-003"]');
	await mine.locator('input[name="disbursed"]').fill('50,000');
	await mine.locator('input[name="disbursedOn"]').fill('๒ ม.ค. ๒๕๖๙');
	await mine.getByRole('button', { name: 'บันทึก' }).click();
	await mine.getByRole('status').waitFor();
	await officer.waitForFunction(() => document.querySelector<HTMLInputElement>('tr[data-row="PJ-003"] input[name="disbursedOn"]')?.value === '2/1/2569', null, { timeout: 10_000 });

	await mine.locator('input[type="file"]').setInputFiles({ name: 'ใบเบิก.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
	await mine.locator('form.evidence button[type="submit"]').click();
	const theirs = officer.locator('tr[data-row="PJ-003"]').getByRole('link', { name: 'ใบเบิก.pdf' });
	await theirs.waitFor({ timeout: 10_000 });

	const remove = mine.getByRole('button', { name: 'ลบหลักฐาน ใบเบิก.pdf' });
	const asked: string[] = [];
	engineer.once('dialog', (d) => {
		asked.push(d.message());
		void d.dismiss();
	});
	await remove.click();
	await engineer.waitForTimeout(300);
	// Not deleted: still there after a reload from the server.
	await engineer.reload();
	await engineer.locator('[data-testid="live"][data-live="true"]').waitFor({ timeout: 20_000 });
	expect(await mine.getByRole('link', { name: 'ใบเบิก.pdf' }).count()).toBe(1);
	expect(asked).toEqual(['ลบหลักฐาน ใบเบิก.pdf ใช่หรือไม่ (ระบบบันทึกผู้ลบและเวลาไว้)']);
	engineer.once('dialog', (d) => {
		asked.push(d.message());
		void d.accept();
	});
	await remove.click();
	await mine.getByRole('link', { name: 'ใบเบิก.pdf' }).waitFor({ state: 'detached', timeout: 10_000 });
	await theirs.waitFor({ state: 'detached', timeout: 10_000 });
	expect(asked).toHaveLength(2);
});
