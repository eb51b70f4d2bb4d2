/** A viewer sees the whole plan but nothing in it is editable. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { cell, cellText, grid, openPlanAs, rowId } from './plan-support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

it('a viewer sees everything read-only', async () => {
	const { page } = await openPlanAs(browser, server, 'viewer');
	await expect.poll(() => page.locator('[data-testid="read-only"]').count()).toBe(1);
	// Everything is there: sections, projects, equipment, the ผด.01 totals of the sample.
	expect(await page.locator('[data-testid="section-editor"]').count()).toBeGreaterThan(3);
	expect(await grid(page).locator('tr.heading.l1').count()).toBeGreaterThan(0);
	expect(await page.locator('[data-testid="equipment-grid"] tr.data').count()).toBeGreaterThan(0);
	// Scrolled to, as a reader does: parts of the page off screen are not rendered (content-visibility).
	await page.locator('[data-testid="pd01-total-count"]').scrollIntoViewIfNeeded();
	await expect.poll(() => page.locator('[data-testid="pd01-total-count"]').innerText()).toBe('60');

	// No editing affordances, and keys do nothing.
	expect(await page.locator('[data-testid="text-toolbar"]').count()).toBe(0);
	expect(await grid(page).locator('[data-action="delete"]').count()).toBe(0);
	expect(await page.locator('[data-action="add-section"]').count()).toBe(0);
	expect(await page.locator('[data-testid="outline"] input').count()).toBe(0);
	const contentEditable = await page.locator('[data-testid="section-editor"] .ProseMirror').first().getAttribute('contenteditable');
	expect(contentEditable).toBe('false');

	const id = await rowId(page, 0);
	const before = await cellText(page, id, 'budget');
	await cell(page, id, 'budget').click();
	await page.keyboard.type('5');
	await page.keyboard.press('Enter');
	expect(await grid(page).locator('.cell-editor').count()).toBe(0);
	await cell(page, id, 'm1').click();
	await page.keyboard.press('Space');
	expect(await cellText(page, id, 'budget')).toBe(before);
	expect(await grid(page).locator('table[role="grid"]').getAttribute('aria-readonly')).toBe('true');
});
