/**
 * A development committee meets in the plan, in five browser contexts (chair, secretary,
 * three members) while the plan is frozen for review: the secretary opens the meeting,
 * members check in and the quorum turns live; a member proposes a budget and everyone sees
 * its effect on ผด.01; the chair records the resolution and the change shows in an open
 * editor; the minutes PDF names the attendees and the resolution.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { seatOnPlan } from '../helpers/people';
import { step } from '../helpers/workflow';
import { cell, waitReady } from './plan-support';
import { importPlanJson } from '../../src/lib/domain/plan/json';
import { loadSamplePlan } from '../../src/lib/domain/plan/testSupport';
import { proposalEffect } from '../../src/lib/domain/meeting/proposal';
import { formatBaht } from '../../src/lib/domain/plan/money';

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let planId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	dataDir = tempDir();
	[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
	const officer = await signIn(server, 'officer');
	const admin = await signIn(server, 'admin');
	planId = (await demoPlan(server, officer)).id;
	cookies.chair = await seatOnPlan(server, dataDir, admin, officer, planId, 'chair1', { role: 'development_committee', seat: 'chair' });
	cookies.secretary = await seatOnPlan(server, dataDir, admin, officer, planId, 'secretary1', { role: 'development_committee', seat: 'secretary' });
	cookies.member2 = await seatOnPlan(server, dataDir, admin, officer, planId, 'member2', { role: 'development_committee', seat: null });
	cookies.member3 = await seatOnPlan(server, dataDir, admin, officer, planId, 'member3', { role: 'development_committee', seat: null });
	cookies.committee = await signIn(server, 'committee');
	await step(server, planId, 'submit', officer);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

async function pageAs(who: string, url: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
	const [name, value] = cookies[who].split('=');
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	await page.goto(server.url + url);
	// Acting before the page is hydrated and connected would submit its forms natively and
	// miss the live notices: wait as a person waits for the page to be up.
	if (url.endsWith('/meeting')) await page.locator('[data-testid="meetings-heading"][data-live="yes"]').waitFor({ timeout: LIVE });
	return page;
}

/** How long a change may take to reach the other open pages (a loaded CI machine; locally well under a second). */
const LIVE = 20_000;
const quorum = (page: Page) => page.getByTestId('quorum').innerText();

let chair: Page, secretary: Page, m1: Page, m2: Page, m3: Page, editor: Page;
// What ผด.01 should say once the budget of PJ-001 becomes 600,000 baht, by the domain's own computation.
const effect = (() => {
	const doc = new Y.Doc();
	importPlanJson(doc, loadSamplePlan());
	return proposalEffect(doc, { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 600_000_00 });
})();
const afterTotal = formatBaht(effect.total.after.budget, { zero: 'number', decimals: 'always' });

beforeAll(async () => {
	// A member has the plan editor open (read-only during review) and everyone the meeting page.
	editor = await pageAs('committee', `/plans/${planId}`);
	await waitReady(editor);
	const meetingUrl = `/plans/${planId}/meeting`;
	[chair, secretary, m1, m2, m3] = await Promise.all(['chair', 'secretary', 'committee', 'member2', 'member3'].map((w) => pageAs(w, meetingUrl)));
});

it('the secretary opens the meeting; it appears for everyone without a reload', async () => {

	// The secretary opens the meeting; everyone's page shows it without a reload.
	await secretary.getByTestId('meeting-date').fill('20/10/2568');
	await secretary.getByTestId('meeting-place').fill('ห้องประชุมสำนักงานเทศบาล');
	await secretary.getByTestId('open-meeting').getByRole('button').click();
	for (const p of [chair, secretary, m1, m2, m3]) await expect.poll(() => p.getByTestId('meeting-title').count(), { timeout: 15_000 }).toBe(1);
	expect(await chair.getByTestId('meeting-title').innerText()).toContain('ครั้งที่ 1/2568');
	expect(await quorum(chair)).toContain('ไม่ครบองค์ประชุม');

});

it('members check in, the secretary marks a member without a device, the quorum turns live', async () => {
	await m2.getByTestId('check-in').click();
	await m3.getByTestId('check-in').click();
	await expect.poll(() => quorum(chair), { timeout: LIVE }).toContain('มา 2 จาก 5 คน');
	expect(await quorum(chair)).toContain('ไม่ครบองค์ประชุม');
	await secretary.getByLabel('นายประเสริฐ พัฒนา').selectOption('present');
	await expect.poll(() => quorum(chair), { timeout: LIVE }).toContain('มา 3 จาก 5 คน');
	expect(await quorum(chair)).toMatch(/^ครบองค์ประชุม/);
	await expect.poll(() => quorum(m1), { timeout: LIVE }).toContain('มา 3 จาก 5 คน');
	await chair.getByTestId('check-in').click();
	await expect.poll(() => quorum(m1), { timeout: LIVE }).toContain('มา 4 จาก 5 คน');

});

it("a member's budget proposal shows its effect on ผด.01 to everyone", async () => {
	await m2.getByTestId('propose-project').selectOption('PJ-001');
	await m2.getByTestId('propose-value').fill('600,000');
	await m2.getByTestId('propose-form').getByRole('button').click();
	for (const p of [chair, m1, m3]) {
		await expect.poll(() => p.getByTestId('proposal').filter({ hasText: '600,000 บาท' }).getByTestId('proposal-effect').innerText(), { timeout: LIVE }).toContain(afterTotal);
	}
	expect(await chair.getByTestId('proposal-effect').first().innerText()).toContain(`${effect.strategies[0].before.budgetPct}% → ${effect.strategies[0].after.budgetPct}%`);

});

it('the chair brings it up and records เห็นชอบ; the change appears for all, in the open editor too', async () => {
	const item = chair.getByTestId('agenda-item').filter({ hasText: '600,000 บาท' });
	await item.getByRole('button', { name: 'แสดงวาระนี้' }).click();
	await expect.poll(() => m3.getByTestId('agenda-item').filter({ hasText: '600,000 บาท' }).getAttribute('data-current'), { timeout: LIVE }).toBe('true');
	expect(await m2.getByTestId('resolution-form').count()).toBe(0);
	// The projector shows the item, the row under discussion and the live ผด.01.
	const projector = await chair.context().newPage();
	await projector.goto(server.url + (await chair.getByTestId('projector-link').getAttribute('href')));
	await expect.poll(() => projector.getByTestId('projector-item').innerText(), { timeout: LIVE }).toContain('600,000 บาท');
	await expect.poll(() => projector.getByTestId('proposal-effect').innerText(), { timeout: LIVE }).toContain(afterTotal);
	const beforeTotal = formatBaht(effect.total.before.budget, { zero: 'number' });
	await expect.poll(() => projector.getByTestId('projector-pd01').innerText(), { timeout: LIVE }).toContain(beforeTotal);
	await chair.getByTestId('record-resolution').click();
	for (const p of [secretary, m1, m2, m3]) {
		await expect.poll(() => p.getByTestId('agenda-item').filter({ hasText: '600,000 บาท' }).getByTestId('resolution').count(), { timeout: LIVE }).toBe(1);
	}
	expect(await m1.getByTestId('resolution').first().innerText()).toContain('มติ: เห็นชอบ');
	await expect.poll(() => projector.getByTestId('projector-pd01').innerText(), { timeout: LIVE }).toContain(formatBaht(effect.total.after.budget, { zero: 'number' }));
	// The frozen plan changed through the resolution, live in the open editor.
	await expect.poll(() => cell(editor, 'PJ-001', 'budget').innerText(), { timeout: LIVE }).toContain('600,000');

});

it('the secretary writes the minutes and closes the meeting; the minutes PDF names the attendees and the resolution', async () => {
	await secretary.getByTestId('minutes-narrative').fill('ประธานกล่าวเปิดประชุม ที่ประชุมพิจารณาร่างแผนการดำเนินงาน');
	await secretary.getByTestId('minutes-save').click();
	await secretary.getByRole('button', { name: 'ปิดการประชุม' }).click();
	await expect.poll(() => m1.getByTestId('meeting-title').locator('..').innerText(), { timeout: LIVE }).toContain('ปิดการประชุมแล้ว');
	const href = await m1.getByTestId('minutes-pdf').getAttribute('href');
	const res = await m1.context().request.get(server.url + href!);
	expect(res.status()).toBe(200);
	const file = path.join(tempDir(), 'minutes.pdf');
	fs.writeFileSync(file, await res.body());
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	expect(text).toContain('รายงานการประชุม');
	for (const name of ['ทดสอบ member2', 'ทดสอบ member3', 'ทดสอบ chair1']) expect(text).toContain(name);
	expect(text).toContain('มติที่ประชุม เห็นชอบ');
	expect(text).toContain('600,000');
});
