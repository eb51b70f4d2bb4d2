/**
 * A browser opening a plan it holds no copy of: the plan arrives over HTTP while the page's
 * scripts load (the page's headers preload it ahead of the scripts; the page asks once), and the collaboration socket then
 * carries only what changed — not the whole plan a second time.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { openPlanAs, waitReady } from './plan-support';

const env = useServerAndBrowser();

it('takes the plan over HTTP once, and the socket carries only what changed since', async () => {
	// Signed in (and the plan opened once, from the plan list) in one browser profile...
	const first = await openPlanAs(env.browser, env.server, 'officer');
	const planUrl = first.page.url();
	const cookies = await first.context.cookies();
	await first.context.close();

	// ...then opened by its address in a profile with no copy of it.
	const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addCookies(cookies);
	const page = await context.newPage();
	const stateRequests: string[] = [];
	let stateBytes = 0;
	page.on('request', (r) => r.url().includes('/state') && stateRequests.push(r.url()));
	page.on('response', async (r) => {
		if (r.url().includes('/state')) stateBytes = (await r.body()).length;
	});
	const frames: number[] = [];
	page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload.length : f.payload.byteLength)));
	await page.goto(planUrl);
	await waitReady(page);

	expect(stateRequests).toHaveLength(1);
	// Asked for as the page's headers arrived, before any of the scripts its HTML names.
	const started = await page.evaluate(() => {
		const entries = performance.getEntriesByType('resource');
		const scripts = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
		return { state: entries.find((e) => e.name.includes('/state'))!.startTime, scripts: scripts.length, firstScript: Math.min(...scripts.map((e) => e.startTime)) };
	});
	expect(started.scripts).toBeGreaterThan(5);
	expect(started.state).toBeLessThanOrEqual(started.firstScript);
	expect(stateBytes).toBeGreaterThan(50_000); // the whole sample plan
	expect(Math.max(...frames)).toBeLessThan(5_000); // acknowledgements and presence, no plan
	// And it is the plan: the sample's 60 projects.
	await page.locator('[data-testid="pd01-total-count"]').scrollIntoViewIfNeeded();
	await expect.poll(() => page.locator('[data-testid="pd01-total-count"]').innerText()).toBe('60');
	await context.close();
});
