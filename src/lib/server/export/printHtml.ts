/**
 * The print document as one standalone HTML string (no scripts, fonts embedded), rendered
 * with svelte/server from the same component as the print route. The PDF exporter loads it
 * with setContent, so headless Chromium never opens an authenticated URL.
 */
import { render } from 'svelte/server';
import PlanDocument from '$lib/components/print/PlanDocument.svelte';
import type { PrintModel } from '$lib/domain/print/model';
import { printCss } from '$lib/components/print/printCss';
import thai400 from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff2?inline';
import thai700 from '@fontsource/sarabun/files/sarabun-thai-700-normal.woff2?inline';
import latin400 from '@fontsource/sarabun/files/sarabun-latin-400-normal.woff2?inline';
import latin700 from '@fontsource/sarabun/files/sarabun-latin-700-normal.woff2?inline';

const THAI_RANGE = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
const LATIN_RANGE =
	'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/** Sarabun 400/700 (Thai + Latin subsets) as data: URLs, so the PDF needs no network. */
export function embeddedSarabunCss(): string {
	const face = (src: string, weight: number, range: string) =>
		`@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;src:url(${src}) format('woff2');unicode-range:${range};}`;
	return [face(thai400, 400, THAI_RANGE), face(thai700, 700, THAI_RANGE), face(latin400, 400, LATIN_RANGE), face(latin700, 700, LATIN_RANGE)].join(
		'\n'
	);
}

export interface PrintHtmlOptions {
	tocPages?: Record<string, number> | null;
	title?: string;
	/** Only the front matter (cover … สารบัญ), without the body (pdf.ts prints these pages again with the real TOC numbers). */
	frontOnly?: boolean;
}

/** A complete HTML document of the plan, ready for Chromium's setContent. */
export function renderPrintHtml(model: PrintModel, options: PrintHtmlOptions = {}): string {
	const { head, body } = render(PlanDocument, { props: { model, tocPages: options.tocPages ?? null, frontOnly: options.frontOnly ?? false } });
	const title = escapeHtml(options.title ?? model.title);
	// The stylesheet holds only our constants and the enumerated settings (printCss.ts).
	const css = `html,body{margin:0;padding:0;background:#fff}${embeddedSarabunCss()}${printCss(model.settings)}`;
	return `<!doctype html><html lang="th"><head><meta charset="utf-8">${PDF_CSP}<title>${title}</title><style>${css}</style>${head}</head><body>${body}</body></html>`;
}

/**
 * Second line of defence inside the PDF's Chromium (which also runs with JavaScript off and
 * no network): no script, no fetch, no form, fonts and images only from data: URLs.
 */
export const PDF_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; form-action 'none'; base-uri 'none'">`;

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
