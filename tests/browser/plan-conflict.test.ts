/**
 * Two drafters change the same cells, one of them offline. Back online, the offline drafter
 * is shown each conflict with both values and who saved the other one; a short cell ends as
 * one person's value (theirs until she chooses hers), never an interleaving of two texts.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { cellText, openPlanAs, rowId, saveState, typeInto } from './plan-support';

const env = useServerAndBrowser();

it('offline conflicts on a budget and a name are listed with both values and resolved by choice', async () => {
	const [alice, bob] = await Promise.all([openPlanAs(env.browser, env.server, 'support'), openPlanAs(env.browser, env.server, 'support2')]);
	const a = await rowId(alice.page, 0);
	const b = await rowId(alice.page, 1);

	await alice.context.setOffline(true);
	await expect.poll(() => saveState(alice.page), { timeout: 15_000 }).toBe('offline');
	await typeInto(alice.page, a, 'budget', '1,111');
	await typeInto(alice.page, b, 'name', 'ชื่อโดย A');
	await expect.poll(() => cellText(alice.page, b, 'name')).toBe('ชื่อโดย A');

	// Meanwhile Bob, online, changes the same two cells.
	await typeInto(bob.page, a, 'budget', '2,222');
	await typeInto(bob.page, b, 'name', 'ชื่อโดย B');
	await expect.poll(() => saveState(bob.page)).toBe('saved');

	await alice.context.setOffline(false);
	const review = alice.page.getByTestId('conflict-review');
	await review.waitFor({ timeout: 30_000 });
	const budget = review.locator(`[data-testid="conflict"][data-row-id="${a}"][data-field="budget"]`);
	const name = review.locator(`[data-testid="conflict"][data-row-id="${b}"][data-field="name"]`);
	expect(await budget.locator('[data-side="theirs"]').innerText()).toBe('2,222');
	expect(await budget.locator('[data-side="mine"]').innerText()).toBe('1,111');
	expect(await name.locator('[data-side="theirs"]').innerText()).toBe('ชื่อโดย B');
	expect(await name.locator('[data-side="mine"]').innerText()).toBe('ชื่อโดย A');
	// Who saved the other value, from the server's log.
	await expect.poll(() => name.innerText()).toContain('นางมาลี ใจดี');

	// Theirs is kept everywhere until Alice chooses: one person's text, no interleaving.
	for (const p of [alice.page, bob.page]) {
		await expect.poll(() => cellText(p, b, 'name')).toBe('ชื่อโดย B');
		await expect.poll(() => cellText(p, a, 'budget')).toBe('2,222');
	}

	// Alice takes her name; the budget stays Bob's.
	await name.getByRole('button', { name: 'ใช้ค่าของฉัน' }).click();
	for (const p of [alice.page, bob.page]) {
		await expect.poll(() => cellText(p, b, 'name')).toBe('ชื่อโดย A');
		expect(await cellText(p, a, 'budget')).toBe('2,222');
	}
	await expect.poll(() => saveState(alice.page)).toBe('saved');
}, 120_000);
