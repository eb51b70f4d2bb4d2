/**
 * PDF of the print document with headless Chromium (playwright-core + Debian's chromium).
 *
 * One browser per process, launched on first use and relaunched if it dies; each render gets
 * its own page, and at most MAX_PARALLEL renders run at once to bound memory. The HTML is
 * rendered on the server and loaded with setContent: Chromium never opens an app URL, so no
 * session cookie is handed to it and no unauthenticated route is needed.
 *
 * Page numbers of the สารบัญ come from Chromium itself: a first render with a document
 * outline (bookmarks) tells on which page each heading landed; the numbers are filled in and
 * the final PDF is printed from the same loaded page.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PrintModel } from '$lib/components/print/model';
import { renderPrintHtml } from './printHtml';
import { withNumerals } from '$lib/domain/thai';
import { log } from '../log';
import { parsePdfOutline, pdfPageCount } from './pdfOutline';

export { parsePdfOutline, pdfPageCount };

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Thrown when no Chromium can be started; the endpoint answers 503 with `message`. */
export class ChromiumUnavailableError extends Error {
	override name = 'ChromiumUnavailableError';
	readonly th = 'ไม่สามารถสร้างไฟล์ PDF ได้ เนื่องจากเครื่องแม่ข่ายไม่มีโปรแกรม Chromium — ใช้หน้า "พิมพ์" แล้วสั่งพิมพ์หรือบันทึกเป็น PDF จากเบราว์เซอร์แทน';
	readonly en = 'PDF export is unavailable: Chromium is not installed on the server. Open the print view and use the browser’s own Print / Save as PDF instead.';
}

/** The Chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function chromiumAvailable(): boolean {
	try {
		fs.accessSync(chromiumPath(), fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The TH SarabunPSK clone from Debian's fonts-thai-tlwg; the PDF prefers it when present. */
export function laksamanInstalled(): boolean {
	return ['/usr/share/fonts/truetype/tlwg/Laksaman.ttf', '/usr/share/fonts/opentype/tlwg/Laksaman.otf'].some((f) => fs.existsSync(f));
}

let shared: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

/**
 * playwright-core is a devDependency, which adapter-node would bundle into the server build
 * (it does not survive bundling well); a module name read at run time keeps it an ordinary
 * import from node_modules.
 */
async function playwright(): Promise<typeof import('playwright-core')> {
	const name = process.env.RUAMPHAEN_PLAYWRIGHT_MODULE || 'playwright-core';
	return import(/* @vite-ignore */ name);
}

/** The shared browser and its one context (offline: the document needs no network). */
async function browser(): Promise<{ browser: Browser; context: BrowserContext }> {
	if (!shared) {
		if (!chromiumAvailable()) throw new ChromiumUnavailableError(`no executable at ${chromiumPath()}`);
		shared = playwright()
			.then(({ chromium }) => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 30_000 }))
			.then(async (b) => {
				b.on('disconnected', () => {
					shared = null;
					idle.length = 0;
				});
				return { browser: b, context: await b.newContext({ offline: true }) };
			})
			.catch((err) => {
				shared = null;
				log().error({ err }, 'chromium did not start');
				throw new ChromiumUnavailableError(String(err?.message ?? err));
			});
	}
	return shared;
}

/** Closes the shared browser (shutdown, tests, benchmarks). */
export async function closeBrowser(): Promise<void> {
	const b = shared;
	shared = null;
	idle.length = 0;
	if (b) await (await b.catch(() => null))?.browser.close();
}

const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];
/** Pages kept open between renders (opening one costs as much as a small render). */
const idle: Page[] = [];

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
	if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	let page: Page | null = null;
	let ok = false;
	try {
		page = idle.pop() ?? (await (await browser()).context.newPage());
		const result = await fn(page);
		ok = true;
		return result;
	} finally {
		if (page && ok && !page.isClosed() && idle.length < MAX_PARALLEL) idle.push(page);
		else await page?.close().catch(() => undefined);
		running--;
		waiting.shift()?.();
	}
}

const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, timeout: 120_000 } as const;

async function load(page: Page, html: string): Promise<void> {
	await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

type Anchor = { anchor: string; title: string };

async function anchorTitles(page: Page): Promise<Anchor[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('[data-toc-anchor]')].map((e) => ({
			anchor: e.dataset.tocAnchor!,
			title: (e.textContent ?? '').trim()
		}))
	);
}

/** Page of every `[data-toc-anchor]` heading, from the outline (bookmarks) of a PDF. */
function pagesFromOutline(anchors: Anchor[], pdf: Buffer): Record<string, number> {
	const outline = parsePdfOutline(pdf);
	const norm = (t: string) => t.replace(/\s+/g, '');
	const pages: Record<string, number> = {};
	let from = 0;
	for (const a of anchors) {
		// Chromium sometimes repeats a heading's text in its outline title.
		const k = outline.findIndex((o, i) => i >= from && [norm(a.title), norm(a.title).repeat(2)].includes(norm(o.title)));
		if (k < 0) continue;
		pages[a.anchor] = outline[k].page;
		from = k + 1;
	}
	return pages;
}

async function measure(page: Page): Promise<Record<string, number>> {
	const anchors = await anchorTitles(page);
	return pagesFromOutline(anchors, await page.pdf({ ...PDF_OPTIONS, outline: true, tagged: true }));
}

async function fillToc(page: Page, pages: Record<string, number>, digits: 'thai' | 'arabic'): Promise<void> {
	const text = Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, withNumerals(String(v), digits)]));
	await page.evaluate((t) => {
		for (const el of document.querySelectorAll<HTMLElement>('[data-toc-page]')) el.textContent = t[el.dataset.tocPage!] ?? '';
	}, text);
}

/** Placeholder numbers of the same width as real ones, so measuring does not move the TOC. */
function placeholders(model: PrintModel): Record<string, number> {
	return Object.fromEntries(model.toc.map((e) => [e.anchor, 888]));
}

export interface PlanPdf {
	pdf: Buffer;
	tocPages: Record<string, number>;
	pageCount: number;
	/** Chromium renders it took: 1 when the remembered TOC numbers were right, else 2. */
	renders: number;
}

const sameNumbers = (a: Record<string, number>, b: Record<string, number>) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * The PDF of a print model. It prints with the TOC numbers remembered for the same layout (or
 * placeholders), reads from the PDF's outline where each heading really landed, and prints
 * once more only when the numbers differ. Filling the numbers never moves anything (they
 * replace placeholders of the same width), so the second print is final.
 */
export async function renderPlanPdf(model: PrintModel): Promise<PlanPdf> {
	const html = renderPrintHtml(model, { tocPages: placeholders(model) });
	const key = layoutKey(html);
	return withPage(async (page) => {
		await load(page, html);
		const anchors = await anchorTitles(page);
		const guess = tocCache.get(key) ?? {};
		if (Object.keys(guess).length) await fillToc(page, guess, model.settings.digits.toc);
		let pdf = await page.pdf({ ...PDF_OPTIONS, outline: true, tagged: true });
		const tocPages = pagesFromOutline(anchors, pdf);
		let renders = 1;
		if (!sameNumbers(guess, tocPages)) {
			await fillToc(page, tocPages, model.settings.digits.toc);
			pdf = await page.pdf({ ...PDF_OPTIONS, outline: true, tagged: true });
			renders = 2;
		}
		remember(key, tocPages);
		return { pdf, tocPages, pageCount: pdfPageCount(pdf), renders };
	});
}

/** TOC page numbers by layout (hash of the HTML with placeholder numbers); bounded. */
const tocCache = new Map<string, Record<string, number>>();

/** Forgets remembered TOC numbers (benchmarks measure the cold path with it). */
export function forgetTocPages(): void {
	tocCache.clear();
}

function layoutKey(html: string): string {
	return createHash('sha256').update(html).digest('hex');
}

function remember(key: string, pages: Record<string, number>) {
	tocCache.delete(key);
	if (tocCache.size >= 50) tocCache.delete(tocCache.keys().next().value!);
	tocCache.set(key, pages);
}

/**
 * TOC page numbers for the print route (same layout as the PDF with the same settings);
 * null when Chromium is unavailable, so the view still renders, just without numbers.
 */
export async function measureTocPages(model: PrintModel): Promise<Record<string, number> | null> {
	const html = renderPrintHtml(model, { tocPages: placeholders(model) });
	const key = layoutKey(html);
	const hit = tocCache.get(key);
	if (hit) return hit;
	try {
		const pages = await withPage(async (page) => {
			await load(page, html);
			return measure(page);
		});
		remember(key, pages);
		return pages;
	} catch (err) {
		if (!(err instanceof ChromiumUnavailableError)) log().warn({ err }, 'could not measure TOC pages');
		return null;
	}
}
