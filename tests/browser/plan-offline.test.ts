/**
 * Offline: edits made while the network is gone are kept in IndexedDB, survive closing and
 * reopening the page, and merge with what others did meanwhile once back online.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { cellText, openPlanAs, rowId, saveState, sectionText, typeInto, waitReady } from './plan-support';

const env = useServerAndBrowser();

it('offline edits survive a reload and merge after reconnect', async () => {
	const [alice, bob] = await Promise.all([openPlanAs(env.browser, env.server, 'support'), openPlanAs(env.browser, env.server, 'support2')]);
	const a = await rowId(alice.page, 0);
	const b = await rowId(alice.page, 1);

	await alice.context.setOffline(true);
	await expect.poll(() => saveState(alice.page), { timeout: 15_000 }).toBe('offline');

	// Alice edits while offline: a budget and a section.
	await typeInto(alice.page, a, 'budget', '4,321');
	await alice.page.locator('[data-testid="section-editor"] .ProseMirror').first().click();
	await alice.page.keyboard.press('Control+End');
	await alice.page.keyboard.type(' แก้ไขระหว่างออฟไลน์');
	await expect.poll(() => alice.page.locator('[data-testid="save-state"]').innerText()).toMatch(/ยังไม่ได้บันทึก \d+ รายการ/);
	// Meanwhile Bob edits another row; Alice cannot see it yet.
	await typeInto(bob.page, b, 'budget', '9,876');
	await bob.page.waitForTimeout(300);
	expect(await cellText(alice.page, b, 'budget')).not.toBe('9,876');
	expect(await cellText(bob.page, a, 'budget')).not.toBe('4,321');

	// Alice closes the page while still offline (IndexedDB has had time to store the edits).
	await alice.page.waitForTimeout(500);
	await alice.page.close();
	await alice.context.setOffline(false);

	// Reopened: her offline edits come back from IndexedDB and merge with Bob's.
	const page = await alice.context.newPage();
	await page.goto(env.server.url + '/');
	await page.locator('.plans a').first().click();
	await waitReady(page);
	for (const p of [page, bob.page]) {
		await expect.poll(() => cellText(p, a, 'budget')).toBe('4,321');
		await expect.poll(() => cellText(p, b, 'budget')).toBe('9,876');
		await expect.poll(() => sectionText(p, 0)).toContain('แก้ไขระหว่างออฟไลน์');
	}
	await expect.poll(() => saveState(page)).toBe('saved');
});
