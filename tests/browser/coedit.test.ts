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

async function openPlan(): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(server.url + '/');
	await page.locator('.plans a').first().click();
	await page.locator('[data-testid="section-editor"] .ProseMirror').waitFor();
	await expect.poll(() => page.getAttribute('[data-testid="save-state"]', 'data-state')).toBe('saved');
	return page;
}

const editorText = (page: Page) =>
	page.evaluate(() => (document.querySelector('[data-testid="section-editor"]') as HTMLElement & { editor: { getText(): string } }).editor.getText());

it('two browsers co-edit one section, with presence and carets', async () => {
	const alice = await openPlan();
	const bob = await openPlan();

	await alice.locator('.ProseMirror').click();
	await alice.keyboard.type('องค์กรปกครองส่วนท้องถิ่น ');
	await expect.poll(() => editorText(bob)).toContain('องค์กรปกครองส่วนท้องถิ่น');

	await bob.locator('.ProseMirror').click();
	await bob.keyboard.press('End');
	await bob.keyboard.type('มีภารกิจสำคัญ');
	await expect.poll(() => editorText(alice)).toContain('องค์กรปกครองส่วนท้องถิ่น มีภารกิจสำคัญ');

	// Each sees the other in the presence list and the other's caret in the text.
	await expect.poll(() => alice.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => bob.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => alice.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
	await expect.poll(() => bob.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
	await expect.poll(() => alice.getAttribute('[data-testid="save-state"]', 'data-state')).toBe('saved');
});
