import { attachment, loadExportContext } from '$lib/server/export/planExport';
import { renderPlanDocx } from '$lib/server/export/docx';

/** DOCX of the plan: the same parts as the print view, real Word tables, TH SarabunPSK. */
export async function GET(event) {
	// Word documents use the TH Sarabun family at official sizes.
	const { plan, model } = await loadExportContext(event, 'docx', { font: 'th' });
	const file = await renderPlanDocx(model);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': attachment(plan, 'docx'),
			'cache-control': 'private, no-store'
		}
	});
}
