/**
 * The report's charts as pictures, for documents that cannot hold the page's SVG with its
 * fonts (DOCX): the same ReportCharts markup the print view shows, rendered by the server's
 * isolated Chromium (chromium.ts: no JavaScript, no network, a deadline) at twice its size and
 * photographed chart by chart. Captions stay out of the pictures; the document writes them as
 * text.
 */
import { render } from 'svelte/server';
import ReportCharts from '$lib/components/report/ReportCharts.svelte';
import { reportCss } from '$lib/components/report/reportCss';
import type { ProgressReport } from '$lib/domain/progress/report';
import { CHART_TITLES } from '$lib/domain/progress/reportText';
import { embeddedSarabunCss, PDF_CSP } from './printHtml';
import { withIsolatedPage } from './chromium';

export interface ChartPicture {
	title: string;
	png: Buffer;
	/** Size to show it at, in CSS pixels (the picture has twice as many). */
	width: number;
	height: number;
}

const SCALE = 2;
const ORDER = [
	['chart-strategies', CHART_TITLES.strategies],
	['chart-months', CHART_TITLES.months],
	['chart-status', CHART_TITLES.status]
] as const;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export async function renderChartPictures(report: ProgressReport): Promise<ChartPicture[]> {
	const { head, body } = render(ReportCharts, { props: { report } });
	const css = `html,body{margin:0;padding:0;background:#fff}body{zoom:${SCALE};width:700px}${embeddedSarabunCss()}${reportCss}.report-document figcaption{display:none}.report-document .charts{display:block}.report-document figure.chart{display:inline-block;padding:4px;margin:0 0 8px}`;
	const html = `<!doctype html><html lang="th"><head><meta charset="utf-8">${PDF_CSP}<title>charts</title><style>${css}</style>${head}</head><body><div class="report-document">${body}</div></body></html>`;
	return withIsolatedPage(async (page) => {
		await page.setViewportSize({ width: 700 * SCALE + 40, height: 900 });
		await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		const pictures: ChartPicture[] = [];
		for (const [testid, title] of ORDER) {
			const png = await page.locator(`[data-testid="${testid}"]`).screenshot({ type: 'png', animations: 'disabled' });
			const size = pngSize(png);
			pictures.push({ title, png, width: Math.round(size.width / SCALE), height: Math.round(size.height / SCALE) });
		}
		return pictures;
	});
}
