/**
 * A drafter opens the plan while it is in review and keeps it open while it comes back: the
 * page follows the server (writable again after "return for changes", read-only when submitted
 * again) without a reload.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { step } from '../helpers/workflow';
import { openPlanAs } from './plan-support';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

it('a page opened while the plan is in review becomes writable on return, without a reload', async () => {
	const support = await signIn(server, 'support');
	const committee = await signIn(server, 'committee');
	const plan = await demoPlan(server, support);
	await step(server, plan.id, 'submit', support);

	const { page } = await openPlanAs(browser, server, 'support');
	const readOnlyBadge = page.getByTestId('read-only');
	expect(await readOnlyBadge.count()).toBe(1);
	let loads = 0;
	page.on('load', () => loads++);

	await step(server, plan.id, 'return', committee, { note: 'เพิ่มรายละเอียดโครงการ' });
	await expect.poll(() => readOnlyBadge.count()).toBe(0);
	// Writable for real: the narrative editor takes input again.
	await expect.poll(() => page.locator('[data-testid="section-editor"] .ProseMirror[contenteditable="true"]').count()).toBeGreaterThan(0);
	expect(loads).toBe(0);

	// And back: submitted again, the same page turns read-only.
	await step(server, plan.id, 'submit', support);
	await expect.poll(() => readOnlyBadge.count()).toBe(1);
});
