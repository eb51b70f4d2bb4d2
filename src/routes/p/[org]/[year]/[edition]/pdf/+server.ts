import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { runtime } from '$lib/server/runtime';
import { findAnnouncedEdition } from '$lib/server/publicPlans';
import { announcedPdf } from '$lib/server/export/announcedPdf';
import { PdfUnavailableError } from '$lib/server/export/pdf';
import { getEmblem } from '$lib/server/db/emblem';
import { emblemDataUrl } from '$lib/domain/emblem';

/** The announced edition as a PDF, for citizens: public like the page, from the frozen version. */
export async function GET({ params, request }) {
	const year = Number(params.year);
	const edition = Number(params.edition);
	if (!Number.isInteger(year) || !Number.isInteger(edition)) error(404, 'not found');
	const { db } = await runtime();
	const found = await findAnnouncedEdition(db, params.org, year, edition);
	if (!found) error(404, 'not found');
	const stored = await getEmblem(db, found.org.id);
	const dataUrl = stored && emblemDataUrl(stored.data);
	const emblem = stored && dataUrl ? { sha256: stored.sha256, dataUrl } : null;
	// The version never changes; a new deploy may print it differently, and the cover shows the organization's current emblem.
	const etag = `"${version}-${found.version.sha256}-${emblem?.sha256.slice(0, 16) ?? 'none'}"`;
	const cache = { 'cache-control': 'public, max-age=3600', etag };
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: cache });
	try {
		const pdf = await announcedPdf(found.version.sha256, found.version.canonicalJson, found.announcement.text, emblem);
		const name = `operational-plan-${year}-${edition}.pdf`;
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, ...cache } });
	} catch (err) {
		if (err instanceof PdfUnavailableError) {
			return new Response(`${err.th}\n${err.en}\n`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(err.retryAfter) } });
		}
		throw err;
	}
}
