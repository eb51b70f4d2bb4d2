/**
 * The PDF renderer treats every document as hostile (src/lib/server/export/chromium.ts): no
 * script runs, nothing is fetched or navigated to, every render has its own context, and a
 * render whose page is stuck (a renderer spinning in a loop, as `for(;;){}` did when scripts
 * could run) is stopped at its deadline without holding up a render running beside it.
 * Debian's chromium, driven through the same module the server uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { PdfRenderTimeoutError, closeBrowser, withIsolatedPage } from '../../src/lib/server/export/chromium';

const hits: string[] = [];
const sentinel = http.createServer((req, res) => {
	hits.push(req.url ?? '');
	res.end('seen');
});
let sentinelUrl = '';

beforeAll(async () => {
	await new Promise<void>((resolve) => sentinel.listen(0, '127.0.0.1', resolve));
	sentinelUrl = `http://127.0.0.1:${(sentinel.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await closeBrowser();
	await new Promise((resolve) => sentinel.close(resolve));
});

/** A few landscape pages of a ผด.02-like table: a realistic small render. */
const TABLE_DOC = `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4 landscape}td{border:1px solid #000}</style></head><body><table>${Array.from(
	{ length: 150 },
	(_, i) => `<tr>${Array.from({ length: 18 }, (_, j) => `<td>โครงการที่ ${i}.${j}</td>`).join('')}</tr>`
).join('')}</table></body></html>`;

async function printTable(page: Page): Promise<number> {
	await page.setContent(TABLE_DOC, { waitUntil: 'load' });
	return (await page.pdf({ printBackground: true })).length;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await fn();
	return { ms: performance.now() - start, value };
}

describe('PDF renderer isolation', () => {
	it('runs no script of the document and lets it reach nothing outside', async () => {
		const hostile = `<!doctype html><html><head><title>before</title>
			<script>document.title = 'script ran'; fetch('${sentinelUrl}/fetch')</script>
			<link rel="stylesheet" href="${sentinelUrl}/css">
			<meta http-equiv="refresh" content="1;url=${sentinelUrl}/refresh"></head>
			<body onload="document.title = 'onload ran'"><img src="${sentinelUrl}/img"><img src="x" onerror="document.title = 'onerror ran'">
			<iframe src="${sentinelUrl}/frame"></iframe><svg onload="document.title = 'svg ran'"></svg></body></html>`;
		const seen = await withIsolatedPage(async (page) => {
			const refused: string[] = [];
			page.on('requestfailed', (r) => refused.push(new URL(r.url()).pathname));
			// The meta refresh fires a second after load (after the print): its navigation must be refused.
			const refresh = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/refresh'));
			await page.setContent(hostile, { waitUntil: 'load' });
			const pdf = await page.pdf();
			const title = await page.title();
			await refresh;
			return { title, url: page.url(), refused, pdfBytes: pdf.length };
		});
		expect(seen.title).toBe('before');
		expect(seen.url).toBe('about:blank');
		expect(seen.refused).toEqual(expect.arrayContaining(['/css', '/img', '/frame', '/refresh']));
		expect(seen.pdfBytes).toBeGreaterThan(0);
		expect(hits).toEqual([]);
	});

	it('gives every render its own context, closed when the render ends', async () => {
		const contexts: BrowserContext[] = [];
		const open: number[] = [];
		let bothIn!: () => void;
		const together = new Promise<void>((resolve) => (bothIn = resolve));
		const render = () =>
			withIsolatedPage(async (page) => {
				contexts.push(page.context());
				open.push(page.context().pages().length);
				if (contexts.length === 2) bothIn();
				await together;
				return printTable(page);
			});
		await Promise.all([render(), render()]);
		expect(contexts[0]).not.toBe(contexts[1]);
		expect(open).toEqual([1, 1]);
		const browser = contexts[0].browser()!;
		expect(browser.contexts().filter((c) => contexts.includes(c))).toEqual([]);
	});

	it('stops a stuck render at its deadline while another render finishes on time', async () => {
		const alone = await timed(() => withIsolatedPage(printTable));
		const DEADLINE = 8_000;
		let stuckSettled = false;
		let spinning!: () => void;
		const isSpinning = new Promise<void>((resolve) => (spinning = resolve));
		const stuck = timed(() =>
			withIsolatedPage(async (page) => {
				await page.setContent('<title>stuck</title>');
				spinning();
				// The renderer of this page never comes back (what `for(;;){}` in a plan did).
				return page.evaluate(() => {
					for (;;);
				});
			}, DEADLINE)
				.catch((err) => err)
				.finally(() => (stuckSettled = true))
		);
		await isSpinning;
		const beside = await timed(() => withIsolatedPage(printTable));
		const besideDoneWhileStuck = !stuckSettled;
		const stopped = await stuck;
		const after = await timed(() => withIsolatedPage(async (page) => ({ bytes: await printTable(page), contexts: page.context().browser()!.contexts().length })));

		console.log(
			`PDF render alone ${alone.ms.toFixed(0)} ms; beside a stuck render ${beside.ms.toFixed(0)} ms; ` +
				`stuck render stopped after ${stopped.ms.toFixed(0)} ms (deadline ${DEADLINE} ms); next render ${after.ms.toFixed(0)} ms`
		);
		expect(beside.value).toBeGreaterThan(0);
		// It did not wait for the stuck render to be stopped.
		expect(besideDoneWhileStuck).toBe(true);
		expect(stopped.value).toBeInstanceOf(PdfRenderTimeoutError);
		expect(stopped.ms).toBeGreaterThanOrEqual(DEADLINE - 50);
		expect(stopped.ms).toBeLessThan(DEADLINE + 6_000);
		// The browser is healthy and the stuck render's context is gone.
		expect(after.value.bytes).toBeGreaterThan(0);
		expect(after.value.contexts).toBe(1);
	});
});
