import { attachment, loadExportContext } from '$lib/server/export/planExport';
import { PdfUnavailableError, laksamanInstalled, renderPlanPdf } from '$lib/server/export/pdf';

/** PDF of the plan in the official layout; 503 with a Thai + English reason without Chromium or past the render deadline. */
export async function GET(event) {
	// The PDF uses the TH Sarabun clone at official sizes when the server has it (§7).
	const { plan, model } = await loadExportContext(event, 'pdf', { font: laksamanInstalled() ? 'th' : 'sarabun' });
	try {
		const { pdf } = await renderPlanPdf(model);
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': attachment(plan, 'pdf'), 'cache-control': 'private, no-store' }
		});
	} catch (err) {
		if (err instanceof PdfUnavailableError) {
			return new Response(`${err.th}\n${err.en}\n`, {
				status: 503,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(err.retryAfter) }
			});
		}
		throw err;
	}
}
