/**
 * Offline edits of the plan's shape refused because the plan left draft: a ยุทธศาสตร์ added,
 * a row moved to another แผนงาน, a row deleted and two rows swapped are all listed (one line
 * each, with both versions) beside the changed cells, and none of them reaches the plan — not on reconnect, not
 * when the plan returns to draft.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { demoPlan, signIn } from '../helpers/http';
import { step } from '../helpers/workflow';
import { cell, grid, openPlanAs, rowId, saveState } from './plan-support';

const env = useServerAndBrowser();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const rowIds = (page: import('playwright-core').Page) => grid(page).locator('tr.data').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')));
/** The ยุทธศาสตร์ names in order (inputs while editable, text while read only). */
const strategies = (page: import('playwright-core').Page) =>
	page.locator('[data-testid="outline"] li.strategy > .row .name').evaluateAll((names) => names.map((n) => (n instanceof HTMLInputElement ? n.value : (n.textContent ?? '').trim())));

it('refused outline changes and moved, deleted or reordered rows are listed and never applied unasked', async () => {
	const support = await signIn(env.server, 'support');
	const committee = await signIn(env.server, 'committee');
	const plan = await demoPlan(env.server, support);
	const { context, page } = await openPlanAs(env.browser, env.server, 'support');
	const savedRows = await rowIds(page);
	const savedStrategies = await strategies(page);
	const [r0, r1, r2] = [await rowId(page, 0), await rowId(page, 1), await rowId(page, 2)];
	const name = async (id: string) => (await cell(page, id, 'name').innerText()).trim();
	const last = savedRows[savedRows.length - 1]!;
	const [n0, n1, n2, nLast] = [await name(r0), await name(r1), await name(r2), await name(last)];

	await context.setOffline(true);
	await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('offline');
	// A new ยุทธศาสตร์ in the outline.
	await page.locator('[data-testid="outline"] form.inline-add input[aria-label="ชื่อยุทธศาสตร์"]').fill('ยุทธศาสตร์ออฟไลน์');
	await page.getByRole('button', { name: 'เพิ่มยุทธศาสตร์' }).click();
	await expect.poll(() => strategies(page)).toContain('ยุทธศาสตร์ออฟไลน์');
	// Row 0 down one (swapped with row 1), row 2 deleted.
	await cell(page, r0, 'seq').click();
	await grid(page).locator('[data-action="down"]').click();
	await cell(page, r2, 'seq').click();
	await grid(page).locator('[data-action="delete"]').click();
	await expect.poll(async () => (await rowIds(page)).includes(r2)).toBe(false);
	// The last row to another แผนงาน.
	await cell(page, last, 'seq').click();
	const target = await grid(page).locator('[data-action="move-to"] option:not([disabled]):not([value=""])').first().getAttribute('value');
	await grid(page).locator('[data-action="move-to"]').selectOption(target!);
	await expect.poll(() => page.getByTestId('offline-banner').getAttribute('data-pending')).not.toBe('0');

	// Meanwhile the plan is submitted; back online the server refuses all of it.
	await step(env.server, plan.id, 'submit', support);
	await context.setOffline(false);
	const list = page.getByTestId('refused-edits');
	await list.waitFor({ timeout: 20_000 });
	const item = (field: string) => list.locator(`[data-testid="refused-edit"][data-field="${field}"]`);
	await expect.poll(() => item('strategy').count()).toBe(1);
	expect(await item('strategy').locator('[data-side="mine"]').innerText()).toBe('ยุทธศาสตร์ออฟไลน์');
	expect(await item('strategy').locator('[data-side="server"]').innerText()).toBe('');
	expect(await item('rowRemoved').count()).toBe(1);
	expect(await item('rowRemoved').locator('th').innerText()).toContain(n2);
	expect(await item('rowRemoved').locator('th').innerText()).toContain('ลบแถว');
	expect(await item('rowMoved').count()).toBe(1);
	expect(await item('rowMoved').locator('th').innerText()).toContain(nLast);
	expect(await item('rowMoved').locator('[data-side="server"]').innerText()).not.toBe(await item('rowMoved').locator('[data-side="mine"]').innerText());
	expect(await item('rowOrder').count()).toBe(1);
	expect(await item('rowOrder').locator('[data-side="server"]').innerText()).toMatch(new RegExp(`^1\\. ${escape(n0)}\\n2\\. ${escape(n1)}`));
	expect(await item('rowOrder').locator('[data-side="mine"]').innerText()).toMatch(new RegExp(`^1\\. ${escape(n1)}\\n2\\. ${escape(n0)}`));
	// One line per row change: no cell lines for the deleted row.
	expect(await list.locator('[data-testid="refused-edit"]').count()).toBe(
		(await item('strategy').count()) + (await item('rowRemoved').count()) + (await item('rowMoved').count()) + (await item('rowOrder').count())
	);

	// The page shows the server's plan: nothing of it applied.
	await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual(savedRows);
	expect(await strategies(page)).toEqual(savedStrategies);
	await expect.poll(() => saveState(page)).toBe('saved');

	// Returned to draft: still not applied, for anyone.
	await step(env.server, plan.id, 'return', committee, { note: 'แก้ไขโครงการ' });
	await expect.poll(() => page.getByTestId('read-only').count()).toBe(0);
	const other = await openPlanAs(env.browser, env.server, 'support2');
	expect(await rowIds(other.page)).toEqual(savedRows);
	expect(await strategies(other.page)).toEqual(savedStrategies);
	expect(await rowIds(page)).toEqual(savedRows);
	expect(await list.locator('[data-testid="refused-edit"]').count()).toBeGreaterThanOrEqual(3);
	await other.context.close();
	await context.close();
}, 150_000);
