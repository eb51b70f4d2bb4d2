/** A new committee member's first day, in a real browser: invitation to sign-out. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { createOtherOrgAdmin } from '../helpers/people';
import { postAction, signIn } from '../helpers/http';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
	dataDir = tempDir();
	[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
	createOtherOrgAdmin(dataDir, 'otheradmin', 'otheradmin-password');
	// Another organization has a plan of its own, which nobody here may see.
	const other = await signIn(server, 'otheradmin', 'otheradmin-password');
	const created = await postAction(server, '/?/createPlan', { title: 'แผนของ อบต.อื่น', fiscalYear: '2569' }, other);
	expect(created.body.type).toBe('redirect');
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

it('invite → set password → sign in → sees only own organization plans → sign out', async () => {
	// The admin invites a new member.
	const admin = await (await browser.newContext()).newPage();
	await admin.goto(server.url + '/login');
	await admin.getByLabel('ชื่อผู้ใช้').fill('admin');
	await admin.getByLabel('รหัสผ่าน').fill('admin-demo-2569');
	await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await admin.getByRole('link', { name: 'สมาชิกขององค์กร' }).click();
	await admin.getByLabel('ชื่อ-นามสกุล').fill('นายทดสอบ ระบบดี');
	await admin.getByLabel('ตำแหน่ง').fill('ผู้แทนประชาคม');
	await admin.getByRole('button', { name: 'สร้างลิงก์คำเชิญ' }).click();
	const link = (await admin.getByTestId('invitation-url').textContent())!.trim();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);

	// The invitee opens the link in their own browser and sets a password.
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await expect.poll(() => page.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('นายทดสอบ ระบบดี');
	await page.getByLabel('ชื่อผู้ใช้').fill('thotsop');
	await page.getByLabel('รหัสผ่าน').fill('short');
	await page.getByRole('button', { name: 'สร้างบัญชี' }).click();
	// The browser's own minlength check, or ours, refuses a short password.
	await expect.poll(() => page.url()).toContain('/invite/');
	await page.getByLabel('รหัสผ่าน').fill('a-long-enough-password');
	await page.getByRole('button', { name: 'สร้างบัญชี' }).click();
	await page.waitForURL(server.url + '/');

	// Signed in: the plan list shows no plan yet (not a member of any), and no other org's plans.
	await expect.poll(() => page.getByRole('heading', { name: 'แผนการดำเนินงาน' }).count()).toBe(1);
	expect(await page.getByTestId('plan-list').count()).toBe(0);

	// The planning officer adds them to the plan; after a reload they see exactly that plan.
	const officer = await (await browser.newContext()).newPage();
	await officer.goto(server.url + '/login');
	await officer.getByLabel('ชื่อผู้ใช้').fill('officer');
	await officer.getByLabel('รหัสผ่าน').fill('officer-demo-2569');
	await officer.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await officer.locator('.plans a').first().click();
	await officer.getByRole('link', { name: 'ผู้ร่วมจัดทำแผน' }).click();
	const row = officer.locator('tr', { hasText: 'นายทดสอบ ระบบดี' });
	await row.getByLabel('บทบาทในแผน: นายทดสอบ ระบบดี').selectOption('viewer');
	await row.getByRole('button', { name: 'บันทึก' }).click();
	await officer.waitForLoadState('networkidle');

	await page.reload();
	await expect.poll(() => page.getByTestId('plan-list').locator('li').count()).toBe(1);
	await expect.poll(() => page.getByTestId('plan-list').textContent()).toContain('2569');
	expect(await page.content()).not.toContain('แผนของ อบต.อื่น');

	// Signing out ends the session: the plan list is behind the sign-in page again.
	await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
	await page.waitForURL(/\/login/);
	await page.goto(server.url + '/');
	await page.waitForURL(/\/login\?next=/);
	// Back again with the new password works.
	await page.getByLabel('ชื่อผู้ใช้').fill('thotsop');
	await page.getByLabel('รหัสผ่าน').fill('a-long-enough-password');
	await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await page.waitForURL(server.url + '/');
});
