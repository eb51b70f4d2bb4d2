/**
 * PDF of a made monitoring report: the same ReportDocument the print view shows, rendered to
 * one standalone HTML string on the server (charts are inline SVG, fonts embedded) and printed
 * by an isolated Chromium page (chromium.ts: no JavaScript, no network, a deadline).
 */
import { render } from 'svelte/server';
import ReportDocument from '$lib/components/report/ReportDocument.svelte';
import { reportCss } from '$lib/components/report/reportCss';
import type { FrozenReport } from '$lib/domain/progress/frozen';
import { embeddedSarabunCss, PDF_CSP } from './printHtml';
import { withIsolatedPage } from './chromium';

export function renderReportHtml(frozen: FrozenReport): string {
	const { head, body } = render(ReportDocument, { props: { frozen } });
	const css = `html,body{margin:0;padding:0;background:#fff}${embeddedSarabunCss()}${reportCss}`;
	return `<!doctype html><html lang="th"><head><meta charset="utf-8">${PDF_CSP}<title>report</title><style>${css}</style>${head}</head><body>${body}</body></html>`;
}

export async function renderReportPdf(frozen: FrozenReport): Promise<Buffer> {
	const html = renderReportHtml(frozen);
	return withIsolatedPage(async (page) => {
		await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
	});
}
