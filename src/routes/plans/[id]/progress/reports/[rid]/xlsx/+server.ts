import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadMadeReport } from '$lib/server/progress/reportPage';
import { reportFileResponse } from '$lib/server/export/reportFiles';

/** The made report as XLSX, for whoever may read the organization's progress. */
export async function GET({ params, locals }) {
	if (!locals.user) error(401, 'sign in first');
	const { report } = await loadMadeReport((await runtime()).db, locals.user, params.id, params.rid);
	return reportFileResponse(report, 'xlsx', { 'cache-control': 'private, no-store' });
}
