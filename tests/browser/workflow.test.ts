/**
 * The whole path in real browsers, each person in their role: the support committee proposes
 * the draft, the development committee forwards it, the mayor approves and announces, and a
 * citizen reads the announced plan without signing in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

async function signedIn(username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(server.url + '/login');
	await page.getByLabel('ชื่อผู้ใช้').fill(username);
	await page.getByLabel('รหัสผ่าน').fill(`${username}-demo-2569`);
	await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await page.waitForURL(server.url + '/');
	return page;
}

async function openWorkflow(page: Page) {
	await page.locator('.plans a').first().click();
	await page.waitForURL(/\/plans\/[a-z0-9]+$/);
	await page.goto(page.url() + '/workflow');
}

const stateOf = (page: Page) => page.getByTestId('plan-state').textContent();

it('draft → proposed → locked → approved → announced → public page', async () => {
	const support = await signedIn('support');
	// A second page of the support committee keeps the plan editor open through every step.
	const editorPage = await support.context().newPage();
	await editorPage.goto(server.url + '/');
	await editorPage.locator('.plans a').first().click();
	await editorPage.locator('.ProseMirror[contenteditable="true"]').first().waitFor();
	expect(await editorPage.getByTestId('frozen-banner').count()).toBe(0);
	await openWorkflow(support);
	expect(await stateOf(support)).toBe('ร่าง');
	await support.getByRole('button', { name: 'เสนอร่างต่อคณะกรรมการพัฒนาท้องถิ่น' }).click();
	await expect.poll(() => stateOf(support)).toBe('เสนอคณะกรรมการพัฒนาท้องถิ่น');
	// Nothing more for the support committee to do now.
	expect(await support.getByRole('button', { name: 'เสนอผู้บริหารท้องถิ่น (ล็อกร่าง)' }).count()).toBe(0);

	const committee = await signedIn('committee');
	await openWorkflow(committee);
	await committee.getByRole('button', { name: 'เสนอผู้บริหารท้องถิ่น (ล็อกร่าง)' }).click();
	await expect.poll(() => stateOf(committee)).toBe('รอผู้บริหารอนุมัติ');

	// The open editor learns it live: the state badge moves and a banner says who locked it and when.
	const banner = editorPage.getByTestId('frozen-banner');
	await expect.poll(() => banner.getAttribute('data-state').catch(() => null)).toBe('locked');
	expect(await banner.textContent()).toContain('ล็อกแผนเพื่อให้ผู้บริหารท้องถิ่นอนุมัติ โดย นายประเสริฐ พัฒนา');
	expect(await editorPage.getByTestId('workflow-bar').getAttribute('data-state')).toBe('locked');
	expect(await editorPage.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);

	const mayor = await signedIn('mayor');
	await openWorkflow(mayor);
	const hash = (await mayor.getByTestId('content-hash').textContent())!.trim();
	expect(hash).toMatch(/^[0-9a-f]{64}$/);
	await mayor.getByRole('button', { name: 'อนุมัติแผนการดำเนินงาน' }).click();
	await expect.poll(() => stateOf(mayor)).toBe('อนุมัติแล้ว');
	await mayor.getByRole('button', { name: 'ประกาศใช้' }).click();
	await expect.poll(() => stateOf(mayor)).toBe('ประกาศแล้ว');
	const publicPath = await mayor.getByTestId('public-link').getAttribute('href');

	// A citizen, not signed in, reads the announcement and sees the approved hash.
	const citizen = await (await browser.newContext()).newPage();
	await citizen.goto(server.url + publicPath);
	await expect.poll(() => citizen.getByTestId('announcement').textContent()).toContain('ประกาศเทศบาลตำบลลำพะยอมทอง');
	expect((await citizen.getByTestId('public-hash').textContent())!.trim()).toBe(hash);
	expect((await citizen.getByTestId('approval-hash').textContent())!.trim()).toBe(hash);
	expect(await citizen.getByTestId('pd01').locator('tbody tr').count()).toBeGreaterThan(1);
	expect(await citizen.getByRole('link', { name: 'เข้าสู่ระบบ' }).count()).toBe(0);

	// The plan page is read-only for everyone now.
	await support.goto(server.url + '/');
	await support.locator('.plans a').first().click();
	await support.locator('.ProseMirror').first().waitFor();
	await expect.poll(() => support.locator('.ProseMirror[contenteditable="false"]').count()).toBeGreaterThan(0);
	expect(await support.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);
});
