/**
 * A drafter edits offline while the plan is submitted: back online the server refuses the
 * edits. The page says so, lists them with both values, shows the server's content (also after
 * a reload: the IndexedDB copy does not bring them back), never applies them when the plan
 * returns to draft, and lets the drafter discard them.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { demoPlan, signIn } from '../helpers/http';
import { step } from '../helpers/workflow';
import { cellText, openPlanAs, rowId, saveState, typeInto, waitReady } from './plan-support';

const env = useServerAndBrowser();

it('offline edits refused because the plan left draft are shown, kept aside and never applied unasked', async () => {
	const support = await signIn(env.server, 'support');
	const committee = await signIn(env.server, 'committee');
	const plan = await demoPlan(env.server, support);
	const { context, page } = await openPlanAs(env.browser, env.server, 'support');
	const a = await rowId(page, 0);
	const savedBudget = await cellText(page, a, 'budget');

	await context.setOffline(true);
	await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('offline');
	await typeInto(page, a, 'budget', '7,777');
	await expect.poll(() => page.getByTestId('save-state').innerText()).toContain('ยังไม่ได้บันทึก 1 รายการ');

	// Meanwhile the plan is submitted for review.
	await step(env.server, plan.id, 'submit', support);
	await context.setOffline(false);

	// Told, with both values; the page shows the server's value.
	const list = page.getByTestId('refused-edits');
	await list.waitFor({ timeout: 20_000 });
	const edit = list.locator('[data-testid="refused-edit"][data-field="budget"]');
	await expect.poll(() => edit.locator('[data-side="mine"]').innerText()).toBe('7,777');
	expect(await edit.locator('[data-side="server"]').innerText()).toBe(savedBudget);
	await expect.poll(() => cellText(page, a, 'budget'), { timeout: 20_000 }).toBe(savedBudget);
	await expect.poll(() => saveState(page)).toBe('saved');

	// A reload shows the server's value again (not the refused edit) and still lists the edit.
	await page.reload();
	await waitReady(page);
	expect(await cellText(page, a, 'budget')).toBe(savedBudget);
	await expect.poll(() => page.locator('[data-testid="refused-edit"]').count()).toBe(1);

	// Back to draft: the page becomes writable, the refused edit is not applied.
	await step(env.server, plan.id, 'return', committee, { note: 'แก้ไขงบประมาณ' });
	await expect.poll(() => page.getByTestId('read-only').count()).toBe(0);
	await expect.poll(() => saveState(page)).toBe('saved');
	const other = await openPlanAs(env.browser, env.server, 'support2');
	expect(await cellText(other.page, a, 'budget')).toBe(savedBudget);
	expect(await cellText(page, a, 'budget')).toBe(savedBudget);

	// Discarded: gone, also after a reload.
	await page.getByRole('button', { name: 'ทิ้งการแก้ไขเหล่านี้' }).click();
	await expect.poll(() => list.count()).toBe(0);
	await page.reload();
	await waitReady(page);
	expect(await page.getByTestId('refused-edits').count()).toBe(0);
	expect(await cellText(page, a, 'budget')).toBe(savedBudget);
}, 120_000);
