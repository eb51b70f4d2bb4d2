/**
 * PDF of the print document with headless Chromium (playwright-core + Debian's chromium).
 *
 * The HTML is rendered on the server and loaded with setContent: Chromium never opens an app
 * URL, so no session cookie is handed to it and no unauthenticated route is needed. The plan's
 * text is written by its drafters, so each render runs isolated (chromium.ts: own context, no
 * JavaScript, no network, a deadline), and the document carries its own CSP (printHtml.ts).
 *
 * Page numbers of the สารบัญ come from Chromium itself, in one render of the document: it is
 * printed with a document outline (bookmarks), which tells on which page each heading landed;
 * then only the front matter (cover … สารบัญ, a few pages that lay out the same without the
 * body) is printed with the real numbers and its pages replace the first ones (pdfSplice.ts).
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { PrintModel } from '$lib/domain/print/model';
import { renderPrintHtml } from './printHtml';
import { withNumerals } from '$lib/domain/thai';
import { log } from '../log';
import { parsePdfOutline, pdfPageCount } from './pdfOutline';
import { PdfUnavailableError, withIsolatedPage } from './chromium';
import { replaceLeadingPages } from './pdfSplice';

export { PdfUnavailableError, chromiumAvailable, chromiumPath, closeBrowser } from './chromium';

/** The TH SarabunPSK clone from Debian's fonts-thai-tlwg; the PDF prefers it when present. */
export function laksamanInstalled(): boolean {
	return ['/usr/share/fonts/truetype/tlwg/Laksaman.ttf', '/usr/share/fonts/opentype/tlwg/Laksaman.otf'].some((f) => fs.existsSync(f));
}

const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, timeout: 120_000 } as const;

async function load(page: Page, html: string): Promise<void> {
	// Laid out for print from the start: page.pdf() then only paginates, instead of restyling a
	// screen layout of the whole document first (a third of the print time for 1,000 projects).
	await page.emulateMedia({ media: 'print' });
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
		// Chromium sometimes repeats a heading's text in its outline title: all of it, or the part
		// on the heading's first line (a heading that wraps), before the whole text.
		const t = norm(a.title);
		const k = outline.findIndex((o, i) => {
			const title = norm(o.title);
			return i >= from && (title === t || (title.endsWith(t) && t.startsWith(title.slice(0, title.length - t.length))));
		});
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
	/**
	 * Chromium renders of the whole document: 1, or 2 only when the front matter could not be
	 * put in place of the first pages (then the document is printed again with the numbers).
	 */
	renders: number;
	/** Pages of the front matter printed again with the real TOC numbers (0: the remembered numbers were right). */
	frontPages: number;
}

const sameNumbers = (a: Record<string, number>, b: Record<string, number>) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * The PDF of a print model, from one render of the document. It prints with the TOC numbers
 * remembered for the same layout (or placeholders of the same width) and reads from the PDF's
 * outline where each heading really landed. When the numbers differ, the front matter alone
 * is printed with them and its pages replace the document's first ones: the body never moves
 * (the numbers only replace placeholders), so nothing else changes.
 */
export async function renderPlanPdf(model: PrintModel): Promise<PlanPdf> {
	const html = renderPrintHtml(model, { tocPages: placeholders(model) });
	const key = layoutKey(html);
	return withIsolatedPage(async (page) => {
		await load(page, html);
		const anchors = await anchorTitles(page);
		const guess = tocCache.get(key) ?? {};
		if (Object.keys(guess).length) await fillToc(page, guess, model.settings.digits.toc);
		let pdf = await page.pdf({ ...PDF_OPTIONS, outline: true, tagged: true });
		const tocPages = pagesFromOutline(anchors, pdf);
		let renders = 1;
		let frontPages = 0;
		if (!sameNumbers(guess, tocPages)) {
			// The front matter ends where the first body heading starts.
			const front = (tocPages['part-intro'] ?? 1) - 1;
			await load(page, renderPrintHtml(model, { tocPages, frontOnly: true }));
			const spliced = front > 0 ? replaceLeadingPages(pdf, await page.pdf({ ...PDF_OPTIONS, tagged: true }), front) : null;
			if (spliced) {
				pdf = spliced;
				frontPages = front;
			} else {
				log().warn({ front }, 'TOC pages could not be replaced; printing the document again');
				await load(page, renderPrintHtml(model, { tocPages }));
				pdf = await page.pdf({ ...PDF_OPTIONS, outline: true, tagged: true });
				renders = 2;
			}
		}
		remember(key, tocPages);
		return { pdf, tocPages, pageCount: pdfPageCount(pdf), renders, frontPages };
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
		const pages = await withIsolatedPage(async (page) => {
			await load(page, html);
			return measure(page);
		});
		remember(key, pages);
		return pages;
	} catch (err) {
		if (!(err instanceof PdfUnavailableError)) log().warn({ err }, 'could not measure TOC pages');
		return null;
	}
}
