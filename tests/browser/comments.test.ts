/**
 * Two committee members review the plan in two browsers: a comment on a budget cell shows as a
 * badge for the other at once; a reply; resolve; filters; jump to the cell; a comment on text
 * highlights it; markup in a comment is shown as text, never run.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { cell, openPlanAs, rowId } from './plan-support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

const panel = (page: Page) => page.getByTestId('comments-panel');

it('comment on a budget cell, live badge, reply, resolve, filters, jump, inert markup, text highlight', async () => {
	const { page: a } = await openPlanAs(browser, server, 'support');
	const { page: b } = await openPlanAs(browser, server, 'committee');
	const id = await rowId(a, 2);

	// A selects the budget cell and comments on it.
	await cell(a, id, 'budget').click();
	await a.getByTestId('project-grid').locator('[data-action="comment"]').click();
	await panel(a).getByLabel('แสดงความคิดเห็น').fill('งบประมาณนี้รวมค่าแรงหรือยัง <img src=x onerror="window.__pwned=1">');
	await panel(a).getByRole('button', { name: 'ส่ง' }).click();

	// B sees the badge on the same cell without reloading.
	await expect.poll(() => cell(b, id, 'budget').getByTestId('comment-badge').count(), { timeout: 10_000 }).toBe(1);
	await b.locator('[data-action="toggle-comments"]').click();
	const thread = panel(b).getByTestId('thread').first();
	await expect.poll(() => thread.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
	expect(await panel(b).locator('img').count()).toBe(0);
	expect(await b.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(await thread.textContent()).toContain('นายสมชาย ช่วยงาน');

	// B replies; A sees it.
	await thread.getByLabel('ตอบกลับ').fill('รวมแล้วครับ ดู https://example.go.th/boq');
	await thread.getByRole('button', { name: 'ส่ง' }).click();
	await expect.poll(() => panel(a).getByTestId('thread').first().textContent(), { timeout: 10_000 }).toContain('รวมแล้วครับ');
	expect(await panel(a).getByRole('link', { name: 'https://example.go.th/boq' }).getAttribute('rel')).toContain('noopener');

	// Jump from the thread to its cell.
	await b.getByTestId('project-grid').scrollIntoViewIfNeeded();
	await panel(b).getByTestId('thread').first().locator('button.anchor').click();
	await expect.poll(() => cell(b, id, 'budget').getAttribute('aria-selected')).toBe('true');

	// A resolves it: gone from "open", there under "resolved", badge gone for B.
	await panel(a).getByTestId('thread').first().getByRole('button', { name: 'ปิดประเด็น' }).click();
	await expect.poll(() => panel(a).getByTestId('thread').count()).toBe(0);
	await panel(a).getByRole('button', { name: 'ปิดแล้ว' }).click();
	await expect.poll(() => panel(a).getByTestId('thread').count()).toBe(1);
	await expect.poll(() => cell(b, id, 'budget').getByTestId('comment-badge').count(), { timeout: 10_000 }).toBe(0);

	// A comment on selected text highlights it for the other member.
	// Select the first 20 characters of the first section, as a drag with the mouse would.
	await b.locator('[data-testid="section-editor"] .ProseMirror').first().click();
	await b.evaluate(() => {
		const host = document.querySelector('[data-testid="section-editor"]') as HTMLElement & { editor: { commands: { setTextSelection(r: { from: number; to: number }): void } } };
		host.editor.commands.setTextSelection({ from: 1, to: 21 });
	});
	await b.locator('[data-action="comment-text"]').first().click();
	await panel(b).getByLabel('แสดงความคิดเห็น').fill('ขอปรับถ้อยคำย่อหน้าแรก');
	await panel(b).getByRole('button', { name: 'ส่ง' }).click();
	await expect.poll(() => a.locator('.comment-highlight').count(), { timeout: 10_000 }).toBeGreaterThan(0);
});
