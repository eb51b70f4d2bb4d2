/**
 * The ผด.02 grid as a committee uses it in a meeting: opening the plan writes nothing and
 * throws nothing; a block pasted from a spreadsheet (real clipboard HTML / TSV in a paste
 * event) becomes rows, validated, as one undo step, and the other person sees it live;
 * range operations (Shift+arrows, fill down, delete) undo as one step; the keyboard model
 * lets focus into and out of the grid (no trap) and reaches the row header.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, waitFor, type TestClient } from '../helpers/collabClient';
import { demoPlan, signIn } from '../helpers/http';
import { cell, cellText, grid, openPlanAs, rowId } from './plan-support';

let server: RunningServer;
let browser: Browser;
let alice: Page;
let bob: Page;
let watcher: TestClient;
let updatesFromOthers = 0;
const pageErrors: string[] = [];

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	// A Node client that counts every update it receives once synced: opening the plan in a
	// browser must not send any.
	const cookie = await signIn(server, 'committee');
	const plan = await demoPlan(server, cookie);
	watcher = connectClient(server.wsUrl, plan.docName, { cookie });
	await waitFor(() => watcher.provider.isSynced, 'watcher synced', 20_000);
	watcher.doc.on('update', (_u: Uint8Array, origin: unknown) => {
		if (origin === watcher.provider) updatesFromOthers++;
	});
	const opened = await openPlanAs(browser, server, 'support');
	alice = opened.page;
	alice.on('pageerror', (e) => pageErrors.push(e.message));
	alice.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
	await alice.locator('[data-testid="section-editor"] .ProseMirror').nth(3).waitFor();
	bob = (await openPlanAs(browser, server, 'support2')).page;
});
afterAll(async () => {
	watcher?.destroy();
	await browser?.close();
	await server?.kill();
});

const rowCount = (page: Page) => grid(page).locator('[role="grid"]').getAttribute('aria-rowcount').then(Number);

/** Dispatches a paste event carrying what a spreadsheet puts on the clipboard. */
function paste(page: Page, data: { html?: string; text?: string }) {
	return page.evaluate((d) => {
		const dt = new DataTransfer();
		if (d.text !== undefined) dt.setData('text/plain', d.text);
		if (d.html !== undefined) dt.setData('text/html', d.html);
		document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
	}, data);
}

it('opens without errors and without writing anything', async () => {
	// Two people have had the plan open (carets, presence) for a while.
	await alice.waitForTimeout(1500);
	expect(pageErrors.filter((e) => /effect_update_depth_exceeded/.test(e))).toEqual([]);
	expect(updatesFromOthers).toBe(0);
});

it('pastes an Excel block (HTML table + TSV) as new rows, validated, in one undo step that Bob sees live', async () => {
	const before = await rowCount(alice);
	// The last row of the first group: the block overwrites it and adds rows below it.
	const lastOfGroup = await alice.evaluate(() => {
		const rows = [...document.querySelectorAll('[data-testid="project-grid"] tbody tr')];
		const addRow = rows.findIndex((r) => r.classList.contains('add'));
		return rows[addRow - 1].getAttribute('data-row-id')!;
	});
	const original = await cellText(alice, lastOfGroup, 'name');
	await cell(alice, lastOfGroup, 'name').click();
	// Excel's HTML has styles and a <br> inside a cell; its TSV quotes that cell.
	const html =
		'<html><body><!--StartFragment--><table style="border-collapse:collapse"><tr><td class="xl65">ซ่อมถนนสายหลัก</td><td>ลาดยาง<br>ยาว 200 ม.</td><td>1,500,000</td></tr>' +
		'<tr><td>ขุดลอกคลอง</td><td>กว้าง 4 ม.</td><td>๒๕๐,๐๐๐</td></tr><tr><td>ซื้อเก้าอี้</td><td></td><td>สองหมื่น</td></tr></table><!--EndFragment--></body></html>';
	const text = 'ซ่อมถนนสายหลัก\t"ลาดยาง\nยาว 200 ม."\t1,500,000\r\nขุดลอกคลอง\tกว้าง 4 ม.\t๒๕๐,๐๐๐\r\nซื้อเก้าอี้\t\tสองหมื่น\r\n';
	await paste(alice, { html, text });

	await expect.poll(() => rowCount(alice)).toBe(before + 2);
	await expect.poll(() => cellText(alice, lastOfGroup, 'name')).toBe('ซ่อมถนนสายหลัก');
	expect(await cellText(alice, lastOfGroup, 'budget')).toBe('1,500,000');
	const added = await alice.evaluate((id) => {
		const rows = [...document.querySelectorAll('[data-testid="project-grid"] tr.data')].map((r) => r.getAttribute('data-row-id')!);
		return rows.slice(rows.indexOf(id) + 1, rows.indexOf(id) + 3);
	}, lastOfGroup);
	expect(await cellText(alice, added[0], 'budget')).toBe('250,000');
	expect(await cellText(alice, added[0], 'activityDetail')).toBe('กว้าง 4 ม.');
	// "สองหมื่น" is not an amount: kept on its cell with the reason, not saved.
	expect(await cellText(alice, added[1], 'budget')).toBe('สองหมื่น');
	await expect(cell(alice, added[1], 'budget').getAttribute('aria-invalid')).resolves.toBe('true');
	await expect(alice.getByTestId('paste-notice').innerText()).resolves.toContain('1');

	// Bob sees the pasted rows without doing anything.
	await expect.poll(() => rowCount(bob)).toBe(before + 2);
	await expect.poll(() => cellText(bob, lastOfGroup, 'name')).toBe('ซ่อมถนนสายหลัก');
	await expect.poll(() => cellText(bob, added[0], 'name')).toBe('ขุดลอกคลอง');

	// One Ctrl+Z takes the whole paste back, for both.
	await alice.keyboard.press('Control+z');
	await expect.poll(() => rowCount(alice)).toBe(before);
	await expect.poll(() => cellText(alice, lastOfGroup, 'name')).toBe(original);
	await expect.poll(() => rowCount(bob)).toBe(before);
});

it('pastes Google Sheets TSV (no HTML) over existing rows, and copies a block as TSV + HTML', async () => {
	const first = await rowId(alice, 0);
	const second = await rowId(alice, 1);
	await cell(alice, first, 'location').click();
	await paste(alice, { text: 'หมู่ที่ 1\r\nหมู่ที่ 2' });
	await expect.poll(() => cellText(alice, first, 'location')).toBe('หมู่ที่ 1');
	await expect.poll(() => cellText(alice, second, 'location')).toBe('หมู่ที่ 2');

	// Shift+↓ selects both cells; copying puts them on the clipboard as a spreadsheet would.
	await cell(alice, second, 'location').click();
	await alice.keyboard.press('Shift+ArrowUp');
	const copied = await alice.evaluate(() => {
		const dt = new DataTransfer();
		document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
		return { text: dt.getData('text/plain'), html: dt.getData('text/html') };
	});
	expect(copied.text).toBe('หมู่ที่ 1\nหมู่ที่ 2');
	expect(copied.html).toContain('<td>หมู่ที่ 2</td>');
	await alice.keyboard.press('Control+z');
	await expect.poll(() => cellText(alice, first, 'location')).not.toBe('หมู่ที่ 1');
});

it('pastes a block onto a cell being edited as cells, not as that cell\'s text (a click on the active cell edits it)', async () => {
	const first = await rowId(alice, 0);
	const second = await rowId(alice, 1);
	const names = [await cellText(alice, first, 'name'), await cellText(alice, second, 'name')];
	await cell(alice, first, 'location').click();
	await cell(alice, first, 'location').click();
	await grid(alice).locator('textarea.cell-editor').waitFor();
	await paste(alice, { text: 'หมู่ที่ 7\tสำนักปลัด\r\nหมู่ที่ 8\tกองช่าง\r\n' });
	await expect.poll(() => cellText(alice, first, 'location')).toBe('หมู่ที่ 7');
	await expect.poll(() => cellText(alice, second, 'location')).toBe('หมู่ที่ 8');
	expect(await cellText(alice, second, 'responsibleUnit')).toBe('กองช่าง');
	await expect.poll(() => grid(alice).locator('textarea.cell-editor').count()).toBe(0);
	// Plain text (no tab, no table) in an editor is the browser's paste, left alone.
	await cell(alice, first, 'name').click();
	await cell(alice, first, 'name').click();
	await grid(alice).locator('textarea.cell-editor').waitFor();
	const handled = await alice.evaluate(() => {
		const dt = new DataTransfer();
		dt.setData('text/plain', 'บรรทัดหนึ่ง\nบรรทัดสอง');
		const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
		document.activeElement!.dispatchEvent(e);
		return e.defaultPrevented;
	});
	expect(handled).toBe(false);
	await alice.keyboard.press('Escape');
	expect(await cellText(alice, first, 'name')).toBe(names[0]);
	await alice.keyboard.press('Escape');
	await cell(alice, second, 'budget').click();
	await alice.keyboard.press('Control+z');
	await expect.poll(() => cellText(alice, first, 'location')).not.toBe('หมู่ที่ 7');
	expect(await cellText(alice, second, 'name')).toBe(names[1]);
});

it('fills down with Ctrl+D and empties a block with Delete, each one undo step', async () => {
	const ids = [await rowId(alice, 0), await rowId(alice, 1), await rowId(alice, 2)];
	const budgets = await Promise.all(ids.map((id) => cellText(alice, id, 'budget')));
	await cell(alice, ids[0], 'budget').click();
	await alice.keyboard.press('Shift+ArrowDown');
	await alice.keyboard.press('Shift+ArrowDown');
	await expect(cell(alice, ids[2], 'budget').getAttribute('aria-selected')).resolves.toBe('true');
	await alice.keyboard.press('Control+d');
	for (const id of ids) await expect.poll(() => cellText(alice, id, 'budget')).toBe(budgets[0]);
	await alice.keyboard.press('Delete');
	for (const id of ids) await expect.poll(() => cellText(alice, id, 'budget')).toBe('-');
	await alice.keyboard.press('Control+z');
	for (const id of ids) await expect.poll(() => cellText(alice, id, 'budget')).toBe(budgets[0]);
	await alice.keyboard.press('Control+z');
	for (const [i, id] of ids.entries()) await expect.poll(() => cellText(alice, id, 'budget')).toBe(budgets[i]);
});

it('lets Tab into and out of the grid, Escape out of editing and then out of the grid, and ← onto the row header', async () => {
	const table = grid(alice).locator('[role="grid"]');
	const first = await rowId(alice, 0);
	await cell(alice, first, 'name').click();
	// Tab leaves the grid at once (it is one tab stop) ...
	await alice.keyboard.press('Tab');
	expect(await table.evaluate((t) => t.contains(document.activeElement))).toBe(false);
	// ... and Shift+Tab comes back (past the next table's toolbar) to the same cell.
	for (let i = 0; i < 12 && !(await table.evaluate((t) => t === document.activeElement)); i++) await alice.keyboard.press('Shift+Tab');
	expect(await table.evaluate((t) => t === document.activeElement)).toBe(true);
	expect(await table.getAttribute('aria-activedescendant')).toContain(`-${first}-name`);

	// Enter edits; Escape leaves edit mode (focus back on the grid), Escape again leaves the grid.
	await alice.keyboard.press('Enter');
	await grid(alice).locator('textarea.cell-editor').waitFor();
	await alice.keyboard.press('Escape');
	await expect.poll(() => table.evaluate((t) => t === document.activeElement)).toBe(true);
	await alice.keyboard.press('Escape');
	await expect.poll(() => table.evaluate((t) => t.contains(document.activeElement))).toBe(false);

	// ← from the first column is the row header: the whole row is selected, and a comment
	// made there is about the row.
	await alice.keyboard.press('Shift+Tab');
	await expect.poll(() => table.evaluate((t) => t === document.activeElement)).toBe(true);
	await alice.keyboard.press('ArrowLeft');
	await expect(cell(alice, first, 'seq').getAttribute('aria-selected')).resolves.toBe('true');
	await expect(cell(alice, first, 'budget').getAttribute('aria-selected')).resolves.toBe('true');
	await expect(cell(alice, first, 'seq').getAttribute('role')).resolves.toBe('rowheader');
	await grid(alice).locator('[data-action="comment"]').click();
	await expect(alice.getByTestId('comments-drawer').innerText()).resolves.toContain('ผด.02');
});

it('lets a drag and a column header select blocks', async () => {
	await alice.locator('[data-action="toggle-comments"]').click(); // close the drawer
	const a = await rowId(alice, 0);
	const b = await rowId(alice, 2);
	await cell(alice, b, 'budget').scrollIntoViewIfNeeded();
	await cell(alice, a, 'name').scrollIntoViewIfNeeded();
	const from = await cell(alice, a, 'name').boundingBox();
	const to = await cell(alice, b, 'budget').boundingBox();
	await alice.mouse.move(from!.x + 10, from!.y + 10);
	await alice.mouse.down();
	await alice.mouse.move(to!.x + 10, to!.y + 10, { steps: 5 });
	await alice.mouse.up();
	await expect.poll(() => cell(alice, b, 'activityDetail').getAttribute('aria-selected')).toBe('true');
	await expect.poll(() => cell(alice, a, 'name').getAttribute('aria-selected')).toBe('true');
	expect(await cell(alice, b, 'location').getAttribute('aria-selected')).toBe('false');

	await grid(alice).locator('th[data-col-header="budget"]').click();
	await expect.poll(() => cell(alice, b, 'budget').getAttribute('aria-selected')).toBe('true');
	await expect(cell(alice, b, 'name').getAttribute('aria-selected')).resolves.toBe('false');
});
