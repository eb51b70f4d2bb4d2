/** Find (Ctrl+F) and replace across the narrative sections and both tables, in Thai. */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { grid, openPlanAs, sectionText } from './plan-support';

const env = useServerAndBrowser();

const count = (page: Page) => page.getByTestId('find-count').textContent();
const highlighted = (page: Page) =>
	page.evaluate(() => {
		const h = CSS.highlights.get('plan-find');
		return h ? [...h].map((r) => r.toString()).join('|') : null;
	});
const activeCellText = (page: Page) => grid(page).locator('td.active .v').innerText();

async function openFind(page: Page) {
	await page.locator('h1').click();
	await page.keyboard.press('Control+f');
	await page.getByTestId('find-bar').waitFor();
	expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-input');
}

it('finds across sections and cells, steps with Enter while the keyboard stays in the bar, and Escape gives focus back', async () => {
	const { page } = await openPlanAs(env.browser, env.server, 'officer');
	await openFind(page);

	// Any case: "cctv" finds the project that names its CCTV cameras.
	await page.getByTestId('find-input').fill('cctv');
	await expect.poll(() => count(page)).toMatch(/^1 \/ \d+$/);
	await expect.poll(() => activeCellText(page)).toMatch(/CCTV/);

	// The sections come first: the first match of a word in the introduction is marked in place.
	await page.getByTestId('find-input').fill('ติดตาม');
	await expect.poll(() => highlighted(page)).toBe('ติดตาม');
	const total = Number((await count(page))!.split('/')[1]);
	expect(total).toBeGreaterThan(1);
	for (let i = 2; i <= total; i++) {
		await page.keyboard.press('Enter');
		await expect.poll(() => count(page)).toBe(`${i} / ${total}`);
	}
	await page.keyboard.press('Enter');
	await expect.poll(() => count(page)).toBe(`1 / ${total}`);
	await page.keyboard.press('Shift+Enter');
	await expect.poll(() => count(page)).toBe(`${total} / ${total}`);
	expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-input');

	await page.getByTestId('find-input').fill('ไม่มีคำนี้ในแผนแน่นอน');
	await expect.poll(() => count(page)).toBe('ไม่พบ');
	await page.keyboard.press('Escape');
	expect(await page.getByTestId('find-bar').count()).toBe(0);
	expect(await highlighted(page)).toBeNull();
});

it('replaces in cells for everyone as one undo step, and inserts markup only as text', async () => {
	const { page } = await openPlanAs(env.browser, env.server, 'officer');
	const { page: other } = await openPlanAs(env.browser, env.server, 'support');
	await openFind(page);
	await page.getByTestId('find-input').fill('CCTV');
	await expect.poll(() => count(page)).toMatch(/^1 \/ /);
	const cctv = Number((await count(page))!.split('/')[1]);
	await page.getByTestId('replace-input').fill('กล้องวงจรปิด');
	await page.locator('[data-action="replace-all"]').click();
	await expect.poll(() => page.getByTestId('find-said').textContent()).toBe(`แทนที่แล้ว ${cctv} แห่ง`);
	await expect.poll(() => count(page)).toBe('ไม่พบ');
	// The other member sees it live (found with their own find: the grid shows only rows in view).
	await openFind(other);
	await other.getByTestId('find-input').fill('กล้องวงจรปิด');
	await expect.poll(() => count(other)).toBe(`1 / ${cctv}`);
	await expect.poll(() => activeCellText(other)).toMatch(/กล้องวงจรปิด/);

	// One undo step takes the whole replacement back.
	await page.locator('[data-action="plan-undo"]').click();
	await page.getByTestId('find-input').fill('CCTV');
	await expect.poll(() => count(page)).toBe(`1 / ${cctv}`);

	// Replacing inside a section with markup: it stays text, no element is created.
	const before = await sectionText(page, 0);
	await page.getByTestId('find-input').fill('ติดตาม');
	await expect.poll(() => highlighted(page)).toBe('ติดตาม');
	await page.getByTestId('replace-input').fill('<img src=x onerror="window.pwned=1"><b>ตาม</b>');
	await page.locator('[data-action="replace-one"]').click();
	await expect.poll(() => page.evaluate(() => document.body.innerText.includes('<img src=x onerror="window.pwned=1"><b>ตาม</b>'))).toBe(true);
	expect(await page.locator('.ProseMirror img, .ProseMirror b').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
	expect(before.length).toBeGreaterThan(0);
});

it('offers no replacing to a member who may only read', async () => {
	const { page } = await openPlanAs(env.browser, env.server, 'viewer');
	await openFind(page);
	await page.getByTestId('find-input').fill('ถนน');
	await expect.poll(() => count(page)).toMatch(/^1 \/ \d+$/);
	expect(await page.getByTestId('replace-input').count()).toBe(0);
	expect(await page.locator('[data-action="replace-all"]').count()).toBe(0);
	await page.screenshot({ path: '/tmp/find-viewer.png' });
	// Escape closes the bar and gives the keyboard back to where it was (the Find button here).
	await page.keyboard.press('Escape');
	await page.locator('[data-action="open-find"]').focus();
	await page.keyboard.press('Enter');
	await page.getByTestId('find-bar').waitFor();
	await page.keyboard.press('Escape');
	await expect.poll(() => page.getByTestId('find-bar').count()).toBe(0);
	expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('open-find');
});
