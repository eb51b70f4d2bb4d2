/** Who wrote what: the cell under the pointer or the cursor names its author; its history lists values, who and when. */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { cell, cellText, openPlanAs, rowId, saveState, typeInto } from './plan-support';

const env = useServerAndBrowser();

it('a cell shows who wrote its value and, on request, its history', async () => {
	const [alice, bob] = await Promise.all([openPlanAs(env.browser, env.server, 'support'), openPlanAs(env.browser, env.server, 'support2')]);
	const a = await rowId(alice.page, 0);
	const before = await cellText(bob.page, a, 'budget');
	await typeInto(bob.page, a, 'budget', '3,456');
	await expect.poll(() => saveState(bob.page)).toBe('saved');
	await expect.poll(() => cellText(alice.page, a, 'budget')).toBe('3,456');

	// Pointing at the cell names Bob.
	await cell(alice.page, a, 'budget').hover();
	const card = alice.page.getByTestId('cell-author');
	await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('เขียนโดย นางมาลี ใจดี');

	// Its history: Bob's value, then the value as seeded.
	await card.getByRole('button', { name: 'ประวัติของช่องนี้' }).click();
	const history = alice.page.getByTestId('cell-history').locator('li');
	await expect.poll(() => history.count()).toBeGreaterThanOrEqual(2);
	expect(await history.nth(0).innerText()).toContain('3,456');
	expect(await history.nth(0).innerText()).toContain('นางมาลี ใจดี');
	expect(await history.nth(1).innerText()).toContain(before);

	// The cursor (keyboard) shows the cell it lands on.
	await card.getByRole('button', { name: '×' }).click();
	await cell(alice.page, a, 'budget').click();
	await alice.page.keyboard.press('ArrowLeft');
	await alice.page.keyboard.press('ArrowLeft');
	await expect.poll(() => card.innerText()).toContain('› โครงการ');
}, 120_000);
