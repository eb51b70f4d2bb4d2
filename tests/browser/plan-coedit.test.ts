/**
 * Two committee members in two browsers edit the ผด.02 table and the narrative at once:
 * edits converge, presence shows both (and the cell each one is in), undo reverts only
 * one's own edit, and bad budget input is kept on its cell with the reason.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { cell, cellText, grid, openPlanAs, rowId, sectionText, typeInto } from './plan-support';

let server: RunningServer;
let browser: Browser;
let alice: Page;
let bob: Page;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	[alice, bob] = (await Promise.all([openPlanAs(browser, server, 'support'), openPlanAs(browser, server, 'support2')])).map((p) => p.page);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

it('both edit the table and a section at once and converge, with presence', async () => {
	const first = await rowId(alice, 0);
	const second = await rowId(alice, 1);

	const originalLocation = await cellText(alice, first, 'location');
	// Budgets in different rows, and typing into the same text cell, at the same time.
	await Promise.all([typeInto(alice, first, 'budget', '1,500,000'), typeInto(bob, second, 'budget', '๒๕๐,๐๐๐')]);
	await Promise.all([
		(async () => {
			await cell(alice, first, 'location').click();
			await alice.keyboard.press('Enter');
			await alice.keyboard.type(' (ก)');
		})(),
		(async () => {
			await cell(bob, first, 'location').click();
			await bob.keyboard.press('Enter');
			await bob.keyboard.type(' (ข)');
		})()
	]);
	// A narrative section each.
	await alice.locator('[data-testid="section-editor"] .ProseMirror').nth(0).click();
	await alice.keyboard.press('Control+End');
	await alice.keyboard.type(' ข้อความจากสมชาย');
	await bob.locator('[data-testid="section-editor"] .ProseMirror').nth(1).click();
	await bob.keyboard.press('Control+End');
	await bob.keyboard.type(' ข้อความจากมาลี');

	for (const page of [alice, bob]) {
		await expect.poll(() => cellText(page, first, 'budget')).toBe('1,500,000');
		await expect.poll(() => cellText(page, second, 'budget')).toBe('250,000');
		await expect.poll(() => sectionText(page, 0)).toContain('ข้อความจากสมชาย');
		await expect.poll(() => sectionText(page, 1)).toContain('ข้อความจากมาลี');
	}
	// Bob's caret is still in his section, so Alice sees it.
	await expect.poll(() => alice.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
	// Concurrent typing in one text cell merged: both see both fragments, and the same text.
	await alice.keyboard.press('Escape').catch(() => {});
	const location = async (page: Page) => {
		const editing = page.locator(`[data-testid="project-grid"] tr[data-row-id="${first}"] td[data-col="location"] textarea`);
		// textContent, not innerText: two people's adjacent spaces must not collapse into one.
		return (await editing.count()) ? editing.inputValue() : ((await cell(page, first, 'location').locator('.v').textContent()) ?? '');
	};
	// Every character of both survives (typing at one spot may interleave them), once.
	const typed = (text: string) => (text.startsWith(originalLocation) ? [...text.slice(originalLocation.length)].sort().join('') : text);
	await expect.poll(async () => typed(await location(bob))).toBe([...' (ก) (ข)'].sort().join(''));
	await expect.poll(async () => (await location(alice)) === (await location(bob))).toBe(true);

	// Presence: both people, and each one's cell highlighted in the other's grid.
	await expect.poll(() => alice.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => bob.locator('[data-testid="presence-person"]').count()).toBe(2);
	await expect.poll(() => alice.locator('[data-testid="presence"]').innerText()).toContain('คณะกรรมการสนับสนุน');
	await bob.keyboard.press('Escape');
	await cell(bob, second, 'activityDetail').click();
	await expect.poll(() => cell(alice, second, 'activityDetail').locator('[data-testid="peer-cell"]').innerText()).toContain('มาลี');
});

it('undo reverts only my own edit', async () => {
	const a = await rowId(alice, 2);
	const b = await rowId(alice, 3);
	const before = await cellText(alice, a, 'budget');
	await typeInto(alice, a, 'budget', '777');
	await expect.poll(() => cellText(bob, a, 'budget')).toBe('777');
	await typeInto(bob, b, 'budget', '888');
	await expect.poll(() => cellText(alice, b, 'budget')).toBe('888');

	await alice.locator('[data-testid="project-grid"] [data-action="undo"]').click();
	for (const page of [alice, bob]) {
		await expect.poll(() => cellText(page, a, 'budget')).toBe(before);
		await expect.poll(() => cellText(page, b, 'budget')).toBe('888');
	}
	// Keyboard redo brings mine back; Bob's value is untouched throughout.
	await cell(alice, a, 'name').click();
	await alice.keyboard.press('Control+Shift+Z');
	await expect.poll(() => cellText(bob, a, 'budget')).toBe('777');
	await expect.poll(() => cellText(bob, b, 'budget')).toBe('888');
});

it('bad budget input stays on the cell with its reason and is never stored', async () => {
	const id = await rowId(alice, 4);
	const before = await cellText(bob, id, 'budget');
	await typeInto(alice, id, 'budget', '12,34x');
	// Still shown where it was typed, marked invalid, with the reason.
	expect(await cellText(alice, id, 'budget')).toBe('12,34x');
	await expect.poll(() => cell(alice, id, 'budget').getAttribute('aria-invalid')).toBe('true');
	await alice.keyboard.press('ArrowUp');
	await expect.poll(() => cell(alice, id, 'budget').locator('[data-testid="cell-error"]').innerText()).toContain('งบประมาณต้องเป็นตัวเลข');
	await expect.poll(() => grid(alice).locator('[data-testid="grid-status"]').innerText()).toContain('งบประมาณต้องเป็นตัวเลข');
	// Nothing reached the other browser.
	await alice.waitForTimeout(300);
	expect(await cellText(bob, id, 'budget')).toBe(before);
	// Fixing it stores it; Esc on a bad value would drop the draft instead.
	await alice.keyboard.press('Enter');
	await alice.keyboard.press('Control+A');
	await alice.keyboard.type('12,340');
	await alice.keyboard.press('Enter');
	await expect.poll(() => cellText(bob, id, 'budget')).toBe('12,340');
	await expect.poll(() => cell(alice, id, 'budget').getAttribute('aria-invalid')).toBe(null);
});

it('rows can be added, duplicated, moved and deleted, and months ticked, for everyone', async () => {
	const id = await rowId(alice, 0);
	await cell(alice, id, 'name').click();
	await alice.locator('[data-testid="project-grid"] [data-action="duplicate"]').click();
	const copy = await rowId(alice, 1);
	expect(copy).not.toBe(id);
	await expect.poll(() => rowId(bob, 1)).toBe(copy);
	// Move the copy down with the keyboard, then delete it.
	await alice.keyboard.press('Alt+ArrowDown');
	await expect.poll(() => rowId(bob, 2)).toBe(copy);
	// Tick Oct and Nov of the copy: one run, drawn as one arrow bar.
	await cell(alice, copy, 'm10').click();
	await alice.keyboard.press('ArrowRight');
	await alice.keyboard.press('Space');
	await expect.poll(() => cell(bob, copy, 'm10').locator('.bar').getAttribute('class')).toContain('start');
	await expect.poll(() => cell(bob, copy, 'm11').locator('.bar').getAttribute('class')).toContain('end');
	await alice.locator('[data-testid="project-grid"] [data-action="delete"]').click();
	await expect.poll(() => bob.locator(`[data-testid="project-grid"] tr[data-row-id="${copy}"]`).count()).toBe(0);
});
