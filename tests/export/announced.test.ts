/**
 * The ประกาศ in every output is the one the workflow recorded: the sample plan is taken from
 * draft to announced (the officer records the budget ordinance date, the committee the date it
 * met), then the PDF (pdftotext), the DOCX text and the public page must carry the signer, the
 * position, the announcement date and both recital dates, and not the sample's placeholder
 * signer. An amendment is announced as "แก้ไขครั้งที่ ๑/๒๕๖๙" in its own PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, signIn } from '../helpers/http';
import { act, shownContentHash, step } from '../helpers/workflow';
import { formatThaiDate } from '../../src/lib/domain/thai';
import { docxText } from './docxText';

let server: RunningServer;
let c: Record<'officer' | 'committee' | 'mayor' | 'viewer', string>;
let planId: string;
const dir = tempDir('ruamphaen-announced-');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());

async function download(p: string, cookie: string | undefined = c.viewer): Promise<Buffer> {
	const res = await fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} });
	expect(res.status, p).toBe(200);
	return Buffer.from(await res.arrayBuffer());
}

function pdfText(pdf: Buffer, name: string): string {
	const file = path.join(dir, name);
	fs.writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Through every step, with the dates the regulation's people record on the way. */
async function announceRecorded(id: string, submitted = false) {
	if (!submitted) await step(server, id, 'submit', c.officer);
	await step(server, id, 'forward', c.committee, { meetingDate: '3/10/2568' });
	await step(server, id, 'approve', c.mayor, { contentSha256: await shownContentHash(server, id, c.mayor) });
	await step(server, id, 'announce', c.mayor);
}

beforeAll(async () => {
	server = await startServer();
	c = { officer: await signIn(server, 'officer'), committee: await signIn(server, 'committee'), mayor: await signIn(server, 'mayor'), viewer: await signIn(server, 'viewer') };
	planId = (await demoPlan(server, c.officer)).id;
	await step(server, planId, 'setTrigger', c.officer, { triggerDate: '15/9/2568' });
}, 120_000);
afterAll(async () => {
	await server?.kill();
});

const recorded = ['(นายบุญมี ทองดี)', 'นายกเทศมนตรีตำบลลำพะยอมทอง', `ประกาศ ณ วันที่ ${formatThaiDate(today, { era: true })}`, '๑๕ กันยายน พ.ศ. ๒๕๖๘', '๓ ตุลาคม พ.ศ. ๒๕๖๘'];
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the recorded ประกาศ', () => {
	it('refuses a bad committee meeting date with a Thai reason and keeps the plan in review; a good one is recorded', async () => {
		await step(server, planId, 'submit', c.officer);
		for (const bad of ['32/13/2568', '3/10/1999', '<script>alert(1)</script>', 'x'.repeat(41)]) {
			const result = await act(server, planId, 'forward', c.committee, { meetingDate: bad });
			expect(result.body.type, bad).toBe('failure');
			expect(JSON.stringify(result.body), bad).toMatch(/badDate|badYear|textTooLong/);
		}
		const page = (await getJson<string>(server, `/plans/${planId}/workflow`, c.committee)).body;
		expect(page).toContain('data-testid="plan-state">เสนอคณะกรรมการพัฒนาท้องถิ่น<');
		await announceRecorded(planId, true);
	});

	it('is what the PDF prints: signer, position, date and the recital dates, not the placeholder', async () => {
		const text = squash(pdfText(await download(`/plans/${planId}/export/pdf`), 'plan.pdf'));
		for (const s of recorded) expect(text).toContain(squash(s));
		expect(text).not.toContain('นายสมมุติ');
	});

	it('is what the DOCX holds', async () => {
		const text = squash(docxText(await download(`/plans/${planId}/export/docx`)));
		for (const s of recorded) expect(text).toContain(squash(s));
		expect(text).not.toContain('นายสมมุติ');
	});

	it('is laid out officially on the public page, signature block apart from the text', async () => {
		const page = (await getJson<string>(server, `/plans/${planId}/workflow`, c.officer)).body;
		const publicPath = /href="(\/p\/[^"]+)"/.exec(page)![1];
		const pub = await getJson<string>(server, publicPath);
		expect(pub.status).toBe(200);
		expect(pub.body).toMatch(/data-testid="announcement-signer"[^>]*>\(นายบุญมี ทองดี\)</);
		expect(pub.body).toContain(`>ประกาศ ณ วันที่ ${formatThaiDate(today, { era: true })}<`);
		expect(pub.body).not.toContain('นายสมมุติ');
		// Citizens get the announced PDF without signing in, with the same recorded ประกาศ.
		expect(pub.body).toContain(`href="${publicPath}/pdf"`);
		const res = await fetch(`${server.url}${publicPath}/pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const text = squash(pdfText(Buffer.from(await res.arrayBuffer()), 'public.pdf'));
		for (const s of recorded) expect(text).toContain(squash(s));
		// The same version is not rendered again: a revalidation is answered 304.
		const again = await fetch(`${server.url}${publicPath}/pdf`, { headers: { 'if-none-match': res.headers.get('etag')! } });
		expect(again.status).toBe(304);
	});

	it('an amendment is announced with its edition label and its own record', async () => {
		const started = await act(server, planId, 'startAmendment', c.officer, { kind: 'amendment', reason: 'ปรับโครงการตามหนังสือสั่งการ' });
		expect(started.body.type).toBe('redirect');
		const amendmentId = started.body.location!.split('/').pop()!;
		// Not announced yet: no public PDF of it, for anyone.
		expect((await fetch(`${server.url}/p/lamphayomthong/2569/1/pdf`)).status).toBe(404);
		await announceRecorded(amendmentId);
		expect((await fetch(`${server.url}/p/lamphayomthong/2569/1/pdf`)).status).toBe(200);
		const text = squash(pdfText(await download(`/plans/${amendmentId}/export/pdf`), 'amendment.pdf'));
		expect(text).toContain(squash('เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ แก้ไขครั้งที่ ๑/๒๕๖๙'));
		expect(text).toContain(squash('(นายบุญมี ทองดี)'));
	});
});
