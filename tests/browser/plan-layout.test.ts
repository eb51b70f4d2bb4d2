/** The editor's layout at the two screens people use: a 1440 px laptop and a 390 px phone. */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { openPlanAs } from './plan-support';

const env = useServerAndBrowser();

it('shows all twelve month columns on a 1440 px screen without scrolling the grid', async () => {
	const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
	const { page } = await openPlanAs(env.browser, env.server, 'officer', context);
	const right = await page.evaluate(() => {
		const grid = document.querySelector('[data-testid="project-grid"] .scroller')!;
		const heads = [...document.querySelectorAll('[data-testid="project-grid"] th.month-h')];
		return { count: heads.length, lastRight: Math.max(...heads.map((h) => h.getBoundingClientRect().right)), gridRight: grid.getBoundingClientRect().right, viewport: innerWidth };
	});
	expect(right.count).toBe(12);
	expect(right.lastRight).toBeLessThanOrEqual(Math.min(right.gridRight, right.viewport));
});

it('never scrolls sideways on a 390 px phone, and comments open over the page and close again', async () => {
	const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const { page } = await openPlanAs(env.browser, env.server, 'officer', context);
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBe(0);
	expect(await page.evaluate(() => innerWidth)).toBe(390);
	await page.locator('[data-action="toggle-comments"]').click();
	const drawer = page.getByTestId('comments-drawer');
	await drawer.waitFor();
	const box = (await drawer.boundingBox())!;
	// Over the content at nearly full width, not a squeezed column beside it.
	expect(box.width).toBeGreaterThan(350);
	expect(await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width)).toBeGreaterThan(350);
	expect(await overflow()).toBe(0);
	await page.locator('[data-action="close-comments"]').click();
	await expect.poll(() => drawer.count()).toBe(0);
});

it('lets a keyboard user reach the project grid in a few keys: skip link, then the link to ผด.02', async () => {
	const { page } = await openPlanAs(env.browser, env.server, 'officer');
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const focused = () => page.evaluate(() => {
		const e = document.activeElement;
		return e?.closest('[role="grid"]') ? 'grid' : (e?.getAttribute('data-testid') ?? e?.textContent?.trim() ?? '');
	});
	await page.keyboard.press('Tab');
	expect(await focused()).toBe('skip-to-content');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	expect(await focused()).toBe('ส่วนที่ ๑ บทนำ');
	await page.keyboard.press('Tab');
	expect(await focused()).toBe('ผด.02');
	await page.keyboard.press('Enter');
	let presses = 0;
	while ((await focused()) !== 'grid' && presses < 8) {
		await page.keyboard.press('Tab');
		presses++;
	}
	expect(await focused()).toBe('grid');
	expect(presses).toBeLessThanOrEqual(6);
});
