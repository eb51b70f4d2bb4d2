import { runtime } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import { loadMadeReport } from '$lib/server/progress/reportPage';
import { renderReportPdf } from '$lib/server/export/reportPdf';
import { PdfUnavailableError } from '$lib/server/export/chromium';

/** The made report as PDF; 503 with a Thai + English reason without Chromium. */
export async function GET({ params, locals }) {
	if (!locals.user) error(401, 'sign in first');
	const { report } = await loadMadeReport((await runtime()).db, locals.user, params.id, params.rid);
	try {
		const pdf = await renderReportPdf(report.frozen);
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="progress-report-${report.frozen.fiscalYear}-${report.frozen.period}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		if (err instanceof PdfUnavailableError) {
			return new Response(`${err.th}\n${err.en}\n`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(err.retryAfter) } });
		}
		throw err;
	}
}
