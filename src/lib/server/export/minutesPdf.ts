/**
 * The minutes as HTML and PDF. Like the plan's PDF: rendered on the server with svelte/server
 * from the same component as the print route, loaded with setContent into an isolated
 * Chromium page (no JavaScript, no network, a deadline), with its own CSP and embedded fonts.
 */
import { render } from 'svelte/server';
import MinutesDocument from '$lib/components/meeting/MinutesDocument.svelte';
import type { MinutesModel } from '$lib/domain/meeting/minutes';
import { PDF_CSP, embeddedSarabunCss, escapeHtml } from './printHtml';
import { withIsolatedPage } from './chromium';

/** The minutes' own pages (A4, the government margins); in a plan's annex the plan's pages apply. */
export const MINUTES_PAGE_CSS = '@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }';

export function renderMinutesHtml(model: MinutesModel): string {
	const { head, body } = render(MinutesDocument, { props: { model } });
	return `<!doctype html><html lang="th"><head><meta charset="utf-8">${PDF_CSP}<title>${escapeHtml(model.title)}</title><style>html,body{margin:0;padding:0;background:#fff}${MINUTES_PAGE_CSS}${embeddedSarabunCss()}</style>${head}</head><body>${body}</body></html>`;
}

export async function renderMinutesPdf(model: MinutesModel): Promise<Buffer> {
	const html = renderMinutesHtml(model);
	return withIsolatedPage(async (page) => {
		await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
	});
}
