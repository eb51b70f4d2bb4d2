/** Two people in two browsers type into the same narrative section and see each other. */
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

async function openPlan(username: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(server.url + '/');
	await page.getByLabel(/ชื่อผู้ใช้/).fill(username);
	await page.getByLabel(/รหัสผ่าน/).fill(`${username}-demo-2569`);
	await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	await page.locator('.plans a').first().click();
	await page.locator('[data-testid="section-editor"] .ProseMirror').first().waitFor();
	await expect.poll(() => page.getAttribute('[data-testid="save-state"]', 'data-state')).toBe('saved');
	return page;
}

const editorText = (page: Page) =>
	page.evaluate(() => (document.querySelector('[data-testid="section-editor"]') as HTMLElement & { editor: { getText(): string } }).editor.getText());
const firstEditor = (page: Page) => page.locator('[data-testid="section-editor"] .ProseMirror').first();

it('two browsers co-edit one section, with presence and carets', async () => {
	const alice = await openPlan('support');
	const bob = await openPlan('support2');

	await firstEditor(alice).click();
	await alice.keyboard.press('Control+Home');
	await alice.keyboard.type('องค์กรปกครองส่วนท้องถิ่น ');
	await expect.poll(() => editorText(bob)).toContain('องค์กรปกครองส่วนท้องถิ่น');

	await firstEditor(bob).click();
	await bob.keyboard.press('Control+Home');
	await bob.keyboard.type('มีภารกิจสำคัญ ');
	await expect.poll(() => editorText(alice)).toContain('มีภารกิจสำคัญ ');
	await expect.poll(() => editorText(alice)).toContain('องค์กรปกครองส่วนท้องถิ่น ');

	// Each sees the other in the presence list and the other's caret in the text.
	await expect.poll(() => alice.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => bob.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => alice.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
	await expect.poll(() => bob.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
	await expect.poll(() => alice.getAttribute('[data-testid="save-state"]', 'data-state')).toBe('saved');
});
