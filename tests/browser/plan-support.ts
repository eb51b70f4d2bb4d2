/** Shared steps of the plan editor browser tests (tests/browser/plan-*.test.ts). */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../helpers/server';

export interface PlanPage {
	context: BrowserContext;
	page: Page;
}

/** Signs `username` in through the login form and opens the (only) demo plan. */
export async function openPlanAs(browser: Browser, server: RunningServer, username: string, context?: BrowserContext): Promise<PlanPage> {
	const ctx = context ?? (await browser.newContext({ viewport: { width: 1400, height: 900 } }));
	const page = await ctx.newPage();
	await page.goto(server.url + '/');
	await page.getByLabel(/ชื่อผู้ใช้/).fill(username);
	await page.getByLabel(/รหัสผ่าน/).fill(`${username}-demo-2569`);
	await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
	try {
		await page.locator('.plans a').first().waitFor({ timeout: 30_000 });
	} catch (e) {
		// Say where the browser ended up, so a failure here can be diagnosed from the CI log.
		const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 500);
		throw new Error(`${username}: no plan list after signing in; at ${page.url()}: ${text}`, { cause: e });
	}
	await page.locator('.plans a').first().click();
	await waitReady(page);
	return { context: ctx, page };
}

/** Waits until the plan is loaded, synced and every part of the page drawn (the lower parts come a few frames after the grid). */
export async function waitReady(page: Page) {
	await page.locator('[data-testid="project-grid"] tr.data').first().waitFor({ timeout: 20_000 });
	await page.locator('[data-testid="outline"]').waitFor();
	await page.locator('[data-testid="section-editor"] .ProseMirror').first().waitFor();
	await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved', null, { timeout: 15_000 });
}

export const saveState = (page: Page) => page.getAttribute('[data-testid="save-state"]', 'data-state');

export const grid = (page: Page) => page.locator('[data-testid="project-grid"]');

/** The id of the n-th project row in print order (0-based). */
export const rowId = async (page: Page, n: number) => (await grid(page).locator('tr.data').nth(n).getAttribute('data-row-id'))!;

export const cell = (page: Page, id: string, col: string) => grid(page).locator(`tr[data-row-id="${id}"] td[data-col="${col}"]`);

/** What a cell shows (value or pending invalid text). */
export const cellText = (page: Page, id: string, col: string) => cell(page, id, col).locator('.v').innerText();

/**
 * Clicks a cell, types a value over it and commits with Enter. Text that is not on a US
 * keyboard (Thai digits) arrives as IME-style input without key events, so it is typed
 * into the cell editor opened with Enter.
 */
export async function typeInto(page: Page, id: string, col: string, text: string) {
	await cell(page, id, col).click();
	if (/^[\x20-\x7e]+$/.test(text)) {
		await page.keyboard.type(text);
	} else {
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(text);
	}
	await page.keyboard.press('Enter');
}

/** The plain text of the n-th narrative section (Tiptap's getText, carets excluded). */
export const sectionText = (page: Page, n: number) =>
	page.evaluate(
		(i) => (document.querySelectorAll('[data-testid="section-editor"]')[i] as HTMLElement & { editor: { getText(): string } }).editor.getText(),
		n
	);
