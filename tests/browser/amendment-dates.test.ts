/**
 * The workflow's edges in a real browser: dates are typed in the Buddhist era (an impossible
 * year gets a Thai reason and changes nothing), and once an amendment is announced the edition
 * it replaced offers no new amendment — only the current edition can be amended.
 */
import { expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { signIn } from '../helpers/http';
import { announce } from '../helpers/workflow';
import { openPlanAs } from './plan-support';

const env = useServerAndBrowser();

it('takes the budget ordinance date in พ.ศ. and refuses a Gregorian or impossible year', async () => {
	const { page } = await openPlanAs(env.browser, env.server, 'officer');
	await page.goto(page.url() + '/workflow');
	const field = page.getByLabel('วันที่ประกาศใช้ข้อบัญญัติงบประมาณ/ได้รับแจ้ง');
	const deadline = page.getByTestId('deadline');

	for (const wrong of ['20/11/2026', '20/11/3112']) {
		await field.fill(wrong);
		await field.press('Enter');
		await expect.poll(() => page.getByRole('alert').textContent().catch(() => '')).toContain('ปี พ.ศ. ไม่ถูกต้อง');
		expect(await deadline.textContent()).not.toContain(wrong.slice(-4));
	}

	await field.fill('20/11/2569');
	await field.press('Enter');
	await page.getByTestId('deadline-saved').waitFor();
	// Due 30 days later, shown in the Buddhist era with the days left.
	const line = (await deadline.textContent())!;
	expect(line).toContain('20 ธันวาคม พ.ศ. 2569');
	expect(line).toMatch(/เหลืออีก \d+ วัน/);
	expect(await field.inputValue()).toBe('20/11/2569');
});

it('offers no amendment on an edition an announced amendment replaced; the current edition can be amended', async () => {
	const { server, browser } = env;
	const { page } = await openPlanAs(browser, server, 'officer');
	const edition0 = page.url();
	const [support, committee, mayor] = await Promise.all(['support', 'committee', 'mayor'].map((u) => signIn(server, u)));
	await announce(server, edition0.split('/').pop()!, { drafter: support, committee, executive: mayor });

	// Amendment 1, started from edition 0 in the browser, then announced.
	await page.goto(edition0 + '/workflow');
	await page.getByLabel('เหตุผล/เหตุที่ต้องจัดทำ').fill('ได้รับแจ้งโครงการเพิ่มจากหน่วยงานอื่น');
	await page.getByRole('button', { name: 'เริ่มจัดทำฉบับแก้ไข/เพิ่มเติม' }).click();
	await page.waitForURL((url) => url.pathname.startsWith('/plans/') && url.href !== edition0);
	const edition1 = page.url().replace(/\/workflow$/, '');
	await announce(server, edition1.split('/').pop()!, { drafter: support, committee, executive: mayor });

	// Edition 0 now says it was replaced and has no form to start another amendment from it.
	await page.goto(edition0 + '/workflow');
	await expect.poll(() => page.getByTestId('amendment-blocked').textContent()).toContain('ถูกแทนที่ด้วยฉบับที่ประกาศภายหลังแล้ว');
	expect(await page.getByRole('button', { name: 'เริ่มจัดทำฉบับแก้ไข/เพิ่มเติม' }).count()).toBe(0);
	// The plan list marks it as replaced.
	await page.goto(server.url + '/');
	expect(await page.getByTestId('superseded-edition').count()).toBe(1);
	// The announced amendment is the edition to amend next.
	await page.goto(edition1 + '/workflow');
	expect(await page.getByRole('button', { name: 'เริ่มจัดทำฉบับแก้ไข/เพิ่มเติม' }).count()).toBe(1);
});
