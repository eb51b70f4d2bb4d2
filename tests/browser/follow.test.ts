/**
 * Following the presenter in a development committee meeting, in separate browsers: the
 * secretary presents by default; a member follows with one click and their page goes to the
 * presenter's row (even one the grid has not rendered yet) and to the same place in another
 * part; scrolling by oneself stops following and one click resumes; a member who is not the
 * presenter leads nobody, until the chair names them. Every wait is on the pages' own
 * data-attributes (data-following, data-presenter-row, data-presenting), polled, never a sleep.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { tempDir } from '../helpers/server';
import { demoPlan, getJson, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { seatOnPlan } from '../helpers/people';
import { step } from '../helpers/workflow';
import { cell, grid, rowId, waitReady } from './plan-support';

const dataDir = tempDir();
const env = useServerAndBrowser({ dataDir });
const cookies: Record<string, string> = {};
let planId: string;
let meetingId: string;
/** How long a change may take to reach another open page (a loaded CI machine). */
const LIVE = 20_000;

beforeAll(async () => {
	const { server } = env;
	const officer = await signIn(server, 'officer');
	const admin = await signIn(server, 'admin');
	planId = (await demoPlan(server, officer)).id;
	cookies.chair = await seatOnPlan(server, dataDir, admin, officer, planId, 'chair1', { role: 'development_committee', seat: 'chair' });
	cookies.secretary = await seatOnPlan(server, dataDir, admin, officer, planId, 'secretary1', { role: 'development_committee', seat: 'secretary' });
	cookies.member2 = await seatOnPlan(server, dataDir, admin, officer, planId, 'member2', { role: 'development_committee', seat: null });
	await step(server, planId, 'submit', officer);
	const opened = await api<{ meetingId: string }>(server, 'POST', `/api/plans/${planId}/meetings`, cookies.secretary, { kind: 'ordinary', date: '20/10/2568', place: 'ห้องประชุมสภา' });
	expect(opened.status).toBe(201);
	meetingId = opened.body.meetingId;
}, 120_000);

async function editorAs(who: string): Promise<Page> {
	const { server, browser } = env;
	const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
	const [name, value] = cookies[who].split('=');
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	await page.goto(`${server.url}/plans/${planId}`);
	await waitReady(page);
	await page.getByTestId('follow-bar').waitFor({ timeout: LIVE });
	return page;
}

const bar = (page: Page, attrs: string) => page.locator(`[data-testid="follow-bar"]${attrs}`).waitFor({ timeout: LIVE });

/** Polls until the row is rendered and on screen (below the sticky bar, above the bottom). */
async function rowOnScreen(page: Page, id: string) {
	await page.waitForFunction(
		(rid) => {
			const r = document.querySelector(`#pd02 tr[data-row-id="${CSS.escape(rid)}"]`)?.getBoundingClientRect();
			return !!r && r.top >= 40 && r.bottom <= window.innerHeight;
		},
		id,
		{ timeout: LIVE }
	);
}

/** Moves the page's grid cursor `times` rows with `key` from where it stands (the grid scrolls along); returns the row it ends on. */
async function moveCursor(page: Page, key: 'ArrowDown' | 'ArrowUp', times: number) {
	await grid(page).locator('tr.data.active-row td[data-col="name"]').click();
	for (let i = 0; i < times; i++) await page.keyboard.press(key);
	return (await grid(page).locator('tr.data.active-row').getAttribute('data-row-id'))!;
}

let secretary: Page, member: Page, chair: Page;
let presenterRow: string;

describe('follow the presenter', () => {
	it('the secretary presents by default; a member follows with one click and sees the presenter’s row, even one not rendered yet', async () => {
		[secretary, member] = await Promise.all([editorAs('secretary'), editorAs('member2')]);
		await bar(secretary, '[data-presenting="yes"]');
		await bar(member, '[data-presenting="no"][data-following="no"]');
		await member.locator('[data-action="follow"]').click();
		await bar(member, '[data-following="yes"]');

		// Far down the grid, past the rows the follower's grid has rendered: it must scroll to render it.
		await cell(secretary, await rowId(secretary, 0), 'name').click();
		presenterRow = await moveCursor(secretary, 'ArrowDown', 40);
		await bar(member, `[data-following="yes"][data-presenter-row="${presenterRow}"]`);
		await rowOnScreen(member, presenterRow);
	});

	it('the presenter scrolls to another part; the follower is at the same place', async () => {
		await secretary.evaluate(() => document.getElementById('pd01')!.scrollIntoView({ block: 'start' }));
		await bar(member, '[data-presenter-part="pd01"][data-presenter-row=""]');
		const where = await secretary.evaluate(() => Math.round(document.getElementById('pd01')!.getBoundingClientRect().top));
		await member.waitForFunction((top) => Math.abs(document.getElementById('pd01')!.getBoundingClientRect().top - top) <= 30, where, { timeout: LIVE });
	});

	it('scrolling by oneself stops following; one click resumes and goes to the presenter', async () => {
		await member.mouse.move(600, 500);
		await member.mouse.wheel(0, -400);
		await bar(member, '[data-following="no"]');

		// The presenter moves on, near the top of ผด.02: the page that stopped following is not taken there.
		presenterRow = await moveCursor(secretary, 'ArrowUp', 37);
		await bar(member, '[data-following="no"][data-presenter-part="pd02"][data-presenter-row=""]');
		const shown = await member.evaluate((rid) => {
			const r = document.querySelector(`#pd02 tr[data-row-id="${CSS.escape(rid)}"]`)?.getBoundingClientRect();
			return !!r && r.top >= 40 && r.bottom <= window.innerHeight;
		}, presenterRow);
		expect(shown).toBe(false);

		await member.locator('[data-action="follow"]').click();
		await bar(member, `[data-following="yes"][data-presenter-row="${presenterRow}"]`);
		await rowOnScreen(member, presenterRow);
	});

	it('another member leads nobody until the chair names them presenter', async () => {
		const { server } = env;
		chair = await editorAs('chair');
		await bar(chair, '[data-presenting="no"]');
		await cell(chair, presenterRow, 'name').click();
		const chairRow = await moveCursor(chair, 'ArrowDown', 2);
		expect(chairRow).not.toBe(presenterRow);
		// The chair's position reached the follower (their peer tag shows on that row) and was not followed.
		await member.locator(`#pd02 tr[data-row-id="${chairRow}"] [data-testid="peer-cell"]`).waitFor({ timeout: LIVE });
		await bar(member, `[data-following="yes"][data-presenter-row="${presenterRow}"]`);

		// Naming a presenter is the chair's or the secretary's; only a plan member can be named.
		const members = (await getJson<{ members: { userId: string; name: string }[] }>(server, `/api/plans/${planId}/meetings/${meetingId}`, cookies.chair)).body.members;
		const chairId = members.find((m) => m.name.includes('chair1'))!.userId;
		const setPresenter = (cookie: string, userId: unknown) => api<{ error?: string }>(server, 'POST', `/api/plans/${planId}/meetings/${meetingId}`, cookie, { action: 'setPresenter', userId });
		expect((await setPresenter(cookies.member2, chairId)).status).toBe(403);
		expect((await setPresenter(cookies.chair, '../x')).status).toBe(400);
		const stranger = await setPresenter(cookies.chair, 'nobody-here');
		expect(stranger.status).toBe(409);
		expect(stranger.body.error).toBe('notMember');
		expect((await setPresenter(cookies.chair, chairId)).status).toBe(200);

		await bar(chair, '[data-presenting="yes"]');
		await bar(secretary, '[data-presenting="no"]');
		await bar(member, `[data-following="yes"][data-presenter-row="${chairRow}"]`);
		await rowOnScreen(member, chairRow);
	});
});
