/**
 * A browser opening a plan it holds no copy of: the plan arrives over HTTP while the page's
 * scripts load (the page's headers preload it ahead of the scripts; the page asks once), and the collaboration socket then
 * carries only what changed — not the whole plan a second time.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { openPlanAs, waitReady } from './plan-support';

const env = useServerAndBrowser();

it('takes the plan over HTTP once, the socket carries only what changed since, and the service worker comes last', async () => {
	// Signed in (and the plan opened once, from the plan list) in one browser profile...
	const first = await openPlanAs(env.browser, env.server, 'officer');
	const planUrl = first.page.url();
	const cookies = await first.context.cookies();
	await first.context.close();

	// ...then opened by its address in a profile with no copy of it.
	const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addCookies(cookies);
	// What the page had drawn when it first registered its service worker: the worker's install
	// downloads every file of the build, which must not compete with the page's own loading.
	await context.addInitScript(() => {
		const container = navigator.serviceWorker;
		const register = container.register.bind(container);
		container.register = (...args: Parameters<typeof register>) => {
			(window as unknown as { drawnAtRegister?: object }).drawnAtRegister ??= {
				rows: document.querySelectorAll('[data-testid="project-grid"] tr.data').length,
				outline: document.querySelector('[data-testid="outline"]') !== null,
				pd01: document.querySelector('[data-testid="pd01-total-count"]') !== null
			};
			return register(...args);
		};
	});
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
	// The service worker came once the editor was drawn, its lower parts too.
	const drawn = await page.waitForFunction(() => (window as unknown as { drawnAtRegister?: object }).drawnAtRegister, null, { timeout: 10_000 });
	expect(await drawn.jsonValue()).toMatchObject({ outline: true, pd01: true });
	expect(((await drawn.jsonValue()) as { rows: number }).rows).toBeGreaterThan(0);
	await context.close();
});
