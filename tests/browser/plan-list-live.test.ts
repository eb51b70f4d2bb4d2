/** The plan list follows people's work without a reload: last change, state and open threads. */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { openPlanAs, rowId, saveState, typeInto } from './plan-support';

const env = useServerAndBrowser();

it('moves "last change" when someone edits the plan and counts a new open thread, while the list stays open', async () => {
	const { browser, server } = env;
	const { context, page: editor } = await openPlanAs(browser, server, 'officer');
	const list = await context.newPage();
	await list.goto(server.url + '/');
	const lastChange = list.getByTestId('last-change').first();
	const before = (await lastChange.getAttribute('data-at'))!;
	const threadsBefore = await list.getByTestId('open-threads').first().textContent().catch(() => '');

	// An edit in the editor page: the list, never reloaded, shows a later "last change".
	await typeInto(editor, await rowId(editor, 0), 'budget', '123456');
	await expect.poll(() => saveState(editor)).toBe('saved');
	await expect.poll(() => lastChange.getAttribute('data-at'), { timeout: 25_000, interval: 500 }).not.toBe(before);
	expect(Date.parse((await lastChange.getAttribute('data-at'))!)).toBeGreaterThan(Date.parse(before));

	// A new review thread on the plan: the list's open-thread count follows.
	const response = await editor.request.post(`${server.url}/api/plans/${new URL(editor.url()).pathname.split('/')[2]}/comments`, {
		data: { anchor: { kind: 'plan' }, quote: '', body: 'ตรวจงบประมาณอีกครั้ง' },
		headers: { origin: server.url }
	});
	expect(response.status()).toBe(201);
	await expect
		.poll(() => list.getByTestId('open-threads').first().textContent().catch(() => ''), { timeout: 25_000, interval: 500 })
		.not.toBe(threadsBefore);
	expect(list.url()).toBe(server.url + '/');
});
