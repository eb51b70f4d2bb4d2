import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { runtime } from '$lib/server/runtime';
import { findAnnouncedReport } from '$lib/server/publicReports';
import { reportFileResponse } from '$lib/server/export/reportFiles';

/** An announced report as XLSX, public like its page; the same file for good (ETag by its hash). */
export async function GET({ params, request }) {
	const year = Number(params.year);
	if (!Number.isInteger(year) || !/^[a-z0-9]{1,64}$/.test(params.rid)) error(404, 'not found');
	const found = await findAnnouncedReport((await runtime()).db, params.org, year, params.rid);
	if (!found) error(404, 'not found');
	const etag = `"${version}-${found.sha256}-xlsx"`;
	const cache = { 'cache-control': 'public, max-age=3600', etag };
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: cache });
	return reportFileResponse(found, 'xlsx', cache);
}
