import { attachment, loadExportContext } from '$lib/server/export/planExport';
import { renderPlanXlsx } from '$lib/server/export/xlsx';

/** XLSX of the plan: one sheet per form, numbers as numbers, month marks as cells. */
export async function GET(event) {
	const { plan, model } = await loadExportContext(event, 'xlsx');
	const file = await renderPlanXlsx(model);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': attachment(plan, 'xlsx'),
			'cache-control': 'private, no-store'
		}
	});
}
