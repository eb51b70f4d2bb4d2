import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { runtime } from '$lib/server/runtime';
import { findAnnouncedEdition } from '$lib/server/publicPlans';
import { announcedPdf } from '$lib/server/export/announcedPdf';
import { PdfUnavailableError } from '$lib/server/export/pdf';

/** The announced edition as a PDF, for citizens: public like the page, from the frozen version. */
export async function GET({ params, request }) {
	const year = Number(params.year);
	const edition = Number(params.edition);
	if (!Number.isInteger(year) || !Number.isInteger(edition)) error(404, 'not found');
	const found = await findAnnouncedEdition((await runtime()).db, params.org, year, edition);
	if (!found) error(404, 'not found');
	// The version never changes; a new deploy may print it differently.
	const etag = `"${version}-${found.version.sha256}"`;
	const cache = { 'cache-control': 'public, max-age=3600', etag };
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: cache });
	try {
		const pdf = await announcedPdf(found.version.sha256, found.version.canonicalJson, found.announcement.text);
		const name = `operational-plan-${year}-${edition}.pdf`;
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, ...cache } });
	} catch (err) {
		if (err instanceof PdfUnavailableError) {
			return new Response(`${err.th}\n${err.en}\n`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(err.retryAfter) } });
		}
		throw err;
	}
}
