/** The 30-day clock on the workflow page: recorded by the planning officer, extended by the executive. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, signIn } from '../helpers/http';
import { act } from '../helpers/workflow';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.kill();
});

/** A date N days ago in Bangkok, typed as Thai users type it: day/month/Buddhist-era year. */
const typedDaysAgo = (days: number) => {
	const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(Date.now() - days * 86_400_000)).split('-').map(Number);
	return `${d}/${m}/${y + 543}`;
};
const status = (html: string) => /data-testid="deadline" data-status="(\w+)"/.exec(html)?.[1];

it('warns near the deadline, shows an extension with its reason, and refuses bad input', async () => {
	const officer = await signIn(server, 'officer');
	const mayor = await signIn(server, 'mayor');
	const { id } = await demoPlan(server, officer);
	const page = async () => (await getJson<string>(server, `/plans/${id}/workflow`, officer)).body;
	// Before anyone records a date, the clock runs from the budget ordinance the plan states.
	const initial = await page();
	expect(status(initial)).not.toBe('none');
	expect(initial).toContain('data-testid="deadline-source"');

	expect((await act(server, id, 'setTrigger', officer, { triggerDate: typedDaysAgo(25) })).body.type).toBe('success');
	let html = await page();
	expect(status(html)).toBe('near');
	expect(html).not.toContain('data-testid="deadline-source"');
	expect(html).toContain('เหลืออีก 5 วัน');

	expect((await act(server, id, 'setTrigger', officer, { triggerDate: typedDaysAgo(40) })).body.type).toBe('success');
	html = await page();
	expect(status(html)).toBe('past');
	expect(html).toContain('เลยกำหนดมาแล้ว 10 วัน');

	expect((await act(server, id, 'extendDeadline', mayor, { extendedTo: typedDaysAgo(45), reason: 'x' })).data).toMatchObject({ error: 'notLater' });
	expect((await act(server, id, 'extendDeadline', mayor, { extendedTo: typedDaysAgo(-20), reason: ' ' })).data).toMatchObject({ error: 'reasonRequired' });
	expect((await act(server, id, 'setTrigger', officer, { triggerDate: '2568-13-40' })).data).toMatchObject({ error: 'badDate' });
	// A Gregorian year is not read as a Buddhist-era one (it used to show "พ.ศ. 3112").
	expect((await act(server, id, 'setTrigger', officer, { triggerDate: '2026-11-20' })).data).toMatchObject({ error: 'badYear' });
	expect((await act(server, id, 'setTrigger', officer, { triggerDate: '20/11/3112' })).data).toMatchObject({ error: 'badYear' });
	expect((await act(server, id, 'extendDeadline', mayor, { extendedTo: typedDaysAgo(-20), reason: 'รอเงินอุดหนุนเฉพาะกิจ' })).body.type).toBe('success');
	html = await page();
	expect(status(html)).toBe('ok');
	expect(html).toContain('ขยายเวลาแล้ว: รอเงินอุดหนุนเฉพาะกิจ');
	// The form shows the dates back in the Buddhist era, and the history says what happened.
	expect(html).toContain(`value="${typedDaysAgo(40)}"`);
	expect((await getJson<string>(server, `/plans/${id}/workflow`, mayor)).body).toContain(`value="${typedDaysAgo(-20)}"`);
	const history = /data-testid="history">([\s\S]*?)<\/table>/.exec(html)![1];
	expect(history).toContain('กำหนดวันเริ่มนับเวลา');
	expect(history).toContain('ขยายเวลาถึง');
	expect(history).toContain('รอเงินอุดหนุนเฉพาะกิจ');
	expect(history).not.toContain('plans.deadline');
});
