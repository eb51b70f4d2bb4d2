/**
 * The sample plan's print view in Chromium and its PDF: header cells read exactly as the
 * spec's headings (OPERATIONAL_PLAN.md §3.1, §3.2, §3.3, §5), ผด.01 totals equal the expected
 * sample figures, Thai lines break only between words, and no table row is split across
 * PDF pages (checked with pdftotext per page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { launchBrowser } from '../helpers/browser';
import { brokenWords, pdfPages } from './pdfWords';

const expected = JSON.parse(fs.readFileSync(new URL('../../src/lib/server/demo/sample-plan-pd01.json', import.meta.url), 'utf8'));
const sample = JSON.parse(fs.readFileSync(new URL('../../src/lib/server/demo/sample-plan.json', import.meta.url), 'utf8'));
const MONTHS = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];
const hasPdftotext = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

let server: RunningServer;
let browser: Browser;
let page: Page;
let cookie: string;
let planId: string;

beforeAll(async () => {
	server = await startServer();
	cookie = await signIn(server, 'viewer');
	planId = (await demoPlan(server, cookie)).id;
	browser = await launchBrowser();
	const context = await browser.newContext();
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url: server.url }]);
	page = await context.newPage();
	await page.goto(`${server.url}/plans/${planId}/print`);
	await page.emulateMedia({ media: 'print' });
});

afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

const headerCells = (form: string) =>
	page.$$eval(`[data-form="${form}"] thead tr.col-head th`, (ths) => ths.map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('print view', () => {
	it('prints each form with the spec headings, form code and title lines', async () => {
		expect(await headerCells('pd01')).toEqual([
			'ยุทธศาสตร์ / แผนงาน',
			'จำนวนโครงการที่ดำเนินการ',
			'คิดเป็นร้อยละของโครงการทั้งหมด',
			'จำนวนงบประมาณ',
			'คิดเป็นร้อยละของงบประมาณทั้งหมด',
			'หน่วยดำเนินการ'
		]);
		const grid = ['พ.ศ. ๒๕๖๘', 'พ.ศ. ๒๕๖๙', ...MONTHS];
		expect(await headerCells('pd02')).toEqual([
			'ที่',
			'โครงการ',
			'รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ',
			'งบประมาณ (บาท)',
			'สถานที่ดำเนินการ',
			'หน่วยงานรับผิดชอบหลัก',
			...grid
		]);
		expect(await headerCells('pd021')).toEqual([
			'ที่',
			'แผนงาน',
			'หมวด',
			'ประเภท',
			'ครุภัณฑ์',
			'รายละเอียดของครุภัณฑ์',
			'จำนวน',
			'งบประมาณ (บาท)',
			'สถานที่ดำเนินการ',
			'หน่วยงานรับผิดชอบหลัก',
			...grid
		]);
		for (const [form, code] of [
			['pd01', 'แบบ ผด.๐๑'],
			['pd02', 'แบบ ผด.๐๒'],
			['pd021', 'แบบ ผด.๐๒/๑']
		]) {
			expect(await page.$eval(`[data-form="${form}"] [data-form-code]`, (e) => e.textContent?.trim())).toBe(code);
			const titles = await page.$$eval(`[data-form="${form}"] .form-head .title-line`, (ths) => ths.map((t) => t.textContent?.trim()));
			expect(titles[1]).toBe('แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙');
		}
		// Nothing of the app prints: the root layout's header and the toolbar are hidden.
		expect(await page.$eval('.app-header', (e) => getComputedStyle(e).display)).toBe('none');
		expect(await page.$eval('.print-toolbar', (e) => getComputedStyle(e).display)).toBe('none');
		// The month header sits under the two BE super-headers: 3 + 9 columns.
		const spans = await page.$$eval('[data-form="pd02"] thead th.year', (ths) => ths.map((t) => (t as HTMLTableCellElement).colSpan));
		expect(spans).toEqual([3, 9]);
	});

	it('prints ผด.01 totals equal to the sample expectation', async () => {
		const rows = await page.$$eval('[data-form="pd01"] tr[data-pd01-row]', (trs) =>
			trs.map((tr) => ({ kind: tr.getAttribute('data-pd01-row'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '') }))
		);
		const money = (baht: string) => Number(baht).toLocaleString('en-US', { maximumFractionDigits: 2 });
		const subtotals = rows.filter((r) => r.kind === 'subtotal');
		const strategies = expected.scopes.all.strategies;
		expect(subtotals).toHaveLength(strategies.length);
		// The same percentages as the editor's ผด.01 (largest remainder): they add up to 100.00.
		strategies.forEach((s: { projectCount: number; projectPct: { largestRemainder: string }; budgetBaht: string; budgetPct: { largestRemainder: string } }, i: number) => {
			expect(subtotals[i].cells.slice(1, 5)).toEqual([String(s.projectCount), s.projectPct.largestRemainder, money(s.budgetBaht), s.budgetPct.largestRemainder]);
		});
		const hundredths = (cells: string[][], column: number) => cells.reduce((sum, c) => sum + Math.round(Number(c[column]) * 100), 0);
		expect(hundredths(subtotals.map((r) => r.cells), 2)).toBe(10000);
		expect(hundredths(subtotals.map((r) => r.cells), 4)).toBe(10000);
		const total = rows.find((r) => r.kind === 'total')!;
		const gt = expected.scopes.all.grandTotal;
		expect(total.cells.slice(0, 5)).toEqual(['รวมทั้งสิ้น', String(gt.projectCount), gt.projectPct, money(gt.budgetBaht), gt.budgetPct]);
		const groups = rows.filter((r) => r.kind === 'group' || r.kind === null);
		expect(groups.length).toBe(expected.facts.planGroupCount);
	});

	it('shows every project once, with arrow bars over its runs of months', async () => {
		const ids = await page.$$eval('[data-form="pd02"] tr.project', (trs) => trs.map((t) => t.getAttribute('data-project-id')));
		expect(ids).toHaveLength(60);
		// PJ-034 has non-contiguous months: one bar per run.
		const bars = await page.$$eval('tr[data-project-id="PJ-034"] td.month .bar', (b) => b.length);
		expect(bars).toBeGreaterThan(1);
	});

	it('breaks Thai lines only between words (browser segmentation)', async () => {
		// The width of a landscape A4 page inside its 10 mm margins, as in the PDF.
		await page.setViewportSize({ width: Math.round((277 / 25.4) * 96), height: 900 });
		const bad = await page.$$eval('[data-form="pd02"] td, [data-form="pd021"] td, [data-form="pd021"] thead tr.col-head th', (cells) => {
			const seg = new Intl.Segmenter('th', { granularity: 'word' });
			const problems: string[] = [];
			for (const cell of cells) {
				const node = [...cell.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
				if (!node || !node.textContent) continue;
				const text = node.textContent;
				const bounds = new Set([...seg.segment(text)].map((s) => s.index));
				const range = document.createRange();
				let lastTop: number | null = null;
				for (let i = 0; i < text.length; i++) {
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const r = range.getBoundingClientRect();
					if (r.width === 0) continue;
					if (lastTop !== null && r.top > lastTop + 2 && !bounds.has(i) && text[i - 1] !== ' ') problems.push(`${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}`);
					lastTop = r.top;
				}
			}
			return problems;
		});
		expect(bad).toEqual([]);
	});
});

describe('PDF', () => {
	it.skipIf(!hasPdftotext)('keeps every table row on one page and fills the TOC', async () => {
		const res = await fetch(`${server.url}/plans/${planId}/export/pdf`, { headers: { cookie } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const dir = tempDir('ruamphaen-pdf-');
		const file = path.join(dir, 'plan.pdf');
		fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
		const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
		expect(pages).toBeGreaterThan(10);

		// Words of the ผด.02 name column, page by page (bounding boxes from pdftotext).
		const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		const squash = (s: string) => s.replace(/\s+/g, '').replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
		const pageTexts: { all: string; nameColumn: string; landscape: boolean; lastLine: string }[] = [];
		for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
			const width = Number(m[1]);
			const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
				x: Number(w[1]),
				y: Number(w[2]),
				t: w[3].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
			}));
			// Name column of ผด.02: 3 % … 17.6 % of the table width, inside 10 mm margins.
			const left = 28.35 + (width - 56.7) * 0.03 - 2;
			const right = 28.35 + (width - 56.7) * 0.176;
			const nameColumn = words.filter((w) => w.x >= left && w.x < right).sort((a, b) => a.y - b.y || a.x - b.x);
			const bottom = Math.max(...words.map((w) => w.y));
			const lastLine = squash(words.filter((w) => w.y > bottom - 3).sort((a, b) => a.x - b.x).map((w) => w.t).join(''));
			pageTexts.push({ all: squash(words.map((w) => w.t).join('')), nameColumn: squash(nameColumn.map((w) => w.t).join('')), landscape: width > Number(m[2]), lastLine });
		}
		expect(pageTexts).toHaveLength(pages);
		const pd02Pages = pageTexts.filter((p) => p.landscape && p.all.includes('ผด.02') && !p.all.includes('ผด.02/1'));
		expect(pd02Pages.length).toBeGreaterThan(1);
		const names: string[] = sample.strategies.flatMap((s: { planGroups: { projects: { name: string }[] }[] }) =>
			s.planGroups.flatMap((g) => g.projects.map((p) => p.name))
		);
		const split = names.filter((n) => !pd02Pages.some((p) => p.nameColumn.includes(squash(n))));
		expect(split).toEqual([]);
		// ผด.01 is compact: two full pages for the sample, each with its form code and headings.
		const pd01Pages = pageTexts.filter((p) => p.landscape && p.all.includes('ผด.01'));
		expect(pd01Pages.length).toBe(2);
		for (const p of pd01Pages) expect(p.all).toContain('หน่วยดำเนินการ');
		// A group heading never ends a page (it is kept with the row after it).
		const orphans = pd02Pages.map((p) => p.lastLine).filter((l) => /^\d+(\.\d+)?(ยุทธศาสตร์|แผนงาน)/.test(l));
		expect(orphans).toEqual([]);

		// The สารบัญ lists page numbers that point at the right pages.
		const tocPage = pageTexts.findIndex((p) => p.all.startsWith('สารบัญ')) + 1;
		const toc = execFileSync('pdftotext', ['-layout', '-f', String(tocPage), '-l', String(tocPage), file, '-'], { encoding: 'utf8' });
		const tocLine = toc.split('\n').find((l) => l.includes('แบบ ผด.๐๒ บัญชีโครงการ'))!;
		const listed = Number(squash(/([๐-๙]+)\s*$/.exec(tocLine)![1]));
		const pd02Page = pageTexts.findIndex((p) => p.landscape && p.all.includes('ผด.02') && !p.all.includes('ผด.02/1')) + 1;
		expect(listed).toBe(pd02Page);

		// ผด.02/1 (ten narrow text columns): no word of the sample comes out broken in two
		// ("ครุภั" / "ณฑ์"), read from the PDF's text, column by column below the header.
		const widths = await page.$$eval('table.pd021 col', (cols) => cols.map((c) => parseFloat((c as HTMLElement).style.width)));
		const cells = await page.$$eval('[data-form="pd021"] tbody tr.equipment', (trs) => {
			const out: string[][] = Array.from({ length: 10 }, () => []);
			for (const tr of trs) [...tr.children].slice(0, 10).forEach((td, i) => out[i].push(td.textContent ?? ''));
			return out;
		});
		expect(cells[4].length).toBeGreaterThan(5);
		const total = widths.reduce((a, b) => a + b, 0);
		const eqPages = pdfPages(html).filter((p) => p.width > p.height && p.words.some((w) => w.t === 'ผด.๐๒/๑'));
		expect(eqPages.length).toBeGreaterThan(0);
		const bodyTop = (p: (typeof eqPages)[number]) => Math.max(...p.words.filter((w) => w.t === 'ก.ย.').map((w) => w.y)) + 4;
		expect(brokenWords(eqPages, widths.slice(0, 10).map((w) => w / total), cells, { margin: 28.35, bodyTop })).toEqual([]);

		// Nothing is printed in the bottom margin of any page (no stray Thai marks of a repeated
		// header row, no fragment of the next page's heading): the margin is at least 10 mm.
		const strays = pdfPages(html).flatMap((p, i) => p.words.filter((w) => w.yMax > p.height - 26).map((w) => `page ${i + 1}: ${w.t}`));
		expect(strays).toEqual([]);
	});
});
