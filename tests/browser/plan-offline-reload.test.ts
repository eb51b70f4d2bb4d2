/**
 * Reload while offline: the service worker answers a plan page that was opened once from its
 * cache, the page loads the plan from its IndexedDB copy and says (in Thai) that it is offline
 * and what is pending; an edit made then reaches the server and the others once back online.
 * Any other page offline gets a short offline page linking the kept plans. Signing out
 * deletes the kept pages. The editor shows the same deadline clock as the
 * workflow page.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { cellText, openPlanAs, rowId, saveState, typeInto } from './plan-support';

const env = useServerAndBrowser();

it('an opened plan reloads offline from the cached page and its local copy; the edit made then syncs', async () => {
	const [alice, bob] = await Promise.all([openPlanAs(env.browser, env.server, 'support'), openPlanAs(env.browser, env.server, 'support2')]);
	const { context, page } = alice;
	const planUrl = page.url();
	const a = await rowId(page, 0);
	const b = await rowId(page, 1);
	const budgetA = await cellText(page, a, 'budget');
	const budgetB = await cellText(page, b, 'budget');
	// The worker holds the page (it loaded before the worker controlled it).
	await page.locator('[data-offline-ready="yes"]').waitFor({ timeout: 30_000 });

	await context.setOffline(true);
	await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('offline');
	const response = await page.reload();
	// Answered by the worker from its cache: the network was gone.
	expect(response?.headers()['x-ruamphaen-offline']).toBe('1');
	await page.locator('[data-testid="project-grid"] tr.data').first().waitFor({ timeout: 20_000 });
	await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('offline');
	expect(await cellText(page, a, 'budget')).toBe(budgetA);
	expect(await cellText(page, b, 'budget')).toBe(budgetB);
	const banner = page.getByTestId('offline-banner');
	expect(await banner.innerText()).toContain('ออฟไลน์: กำลังแสดงแผนจากสำเนาในเครื่องนี้');
	expect(await banner.getAttribute('data-pending')).toBe('0');

	// Edited while offline: counted as pending, said so.
	await typeInto(page, a, 'budget', '6,543');
	await expect.poll(() => banner.getAttribute('data-pending')).toBe('1');
	expect(await banner.innerText()).toContain('มีการแก้ไข 1 รายการที่ยังไม่ได้บันทึก');
	expect(await page.getByTestId('save-state').innerText()).toContain('ยังไม่ได้บันทึก 1 รายการ');
	expect(await cellText(bob.page, a, 'budget')).toBe(budgetA);

	// Another page while offline: the worker says so (Thai first) and links the kept plan.
	const title = await page.locator('.plan-head h1').innerText();
	// (a link in the page: the app cannot load the workflow page and navigates to it in full)
	await page.getByTestId('editor-deadline').click();
	await page.locator('[data-offline-page]').waitFor({ timeout: 20_000 });
	expect(page.url()).toMatch(/\/workflow$/);
	expect(await page.locator('h1').innerText()).toBe('ออฟไลน์: ไม่มีการเชื่อมต่ออินเทอร์เน็ต');
	const link = page.locator('[data-kept-plan]');
	expect(await link.innerText()).toBe(title);
	await link.click();
	await page.locator('[data-testid="project-grid"] tr.data').first().waitFor({ timeout: 20_000 });
	await expect.poll(() => cellText(page, a, 'budget')).toBe('6,543');
	await expect.poll(() => banner.getAttribute('data-pending')).toBe('1');

	// Back online: saved, and the other person sees it.
	await context.setOffline(false);
	await expect.poll(() => saveState(page), { timeout: 30_000 }).toBe('saved');
	await expect.poll(() => banner.count()).toBe(0);
	await expect.poll(() => cellText(bob.page, a, 'budget'), { timeout: 20_000 }).toBe('6,543');

	// Signing out deletes the kept pages (and the local copies).
	const kept = () => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('ruamphaen-pages-')).length);
	expect(await kept()).toBe(1);
	await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/plans/'));
	await expect.poll(kept).toBe(0);
	await context.setOffline(true);
	const gone = await page.goto(planUrl);
	expect(gone?.status()).toBe(503);
	expect(await page.locator('body').innerText()).toContain('ออฟไลน์');
	expect(await page.locator('[data-kept-plan]').count()).toBe(0);
	await context.close();
	await bob.context.close();
}, 150_000);

it('the editor shows the same deadline clock as the workflow page, in the Buddhist era', async () => {
	const { context, page } = await openPlanAs(env.browser, env.server, 'officer');
	const clock = page.getByTestId('editor-deadline');
	await clock.waitFor();
	const editorText = await clock.innerText();
	// The demo plan states its budget ordinance of 22 Sep 2025 (no date recorded): due 30 days later.
	expect(await clock.getAttribute('data-due')).toBe('2025-10-22');
	expect(editorText).toMatch(/ครบกำหนด 22 ตุลาคม พ\.ศ\. 2568 · เลยกำหนดมาแล้ว \d+ วัน/);
	await clock.click();
	await page.waitForURL(/\/workflow$/);
	const workflowText = await page.getByTestId('deadline').locator('p').first().innerText();
	// The same line as the workflow page.
	expect(editorText.replace(/\s+/g, ' ')).toContain(workflowText.replace(/\s+/g, ' ').trim());
	await context.close();
}, 90_000);
