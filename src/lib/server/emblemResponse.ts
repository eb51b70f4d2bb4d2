/**
 * The emblem as an image response: the type re-derived from the bytes (never what was
 * uploaded as), nosniff, a policy that lets nothing run even if it were opened as a page, and
 * its hash as the validator.
 */
import { error } from '@sveltejs/kit';
import { checkEmblem } from '$lib/domain/emblem';
import type { EmblemRow } from './db/emblem';

export function emblemResponse(row: EmblemRow | null, request: Request, visibility: 'public' | 'private'): Response {
	if (!row) error(404, 'no emblem');
	const checked = checkEmblem(row.data);
	if (!checked.ok) error(404, 'no emblem');
	const etag = `"${row.sha256}"`;
	const headers = {
		'content-type': checked.type,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'content-disposition': `inline; filename="emblem.${checked.type === 'image/png' ? 'png' : 'jpg'}"`,
		'cache-control': `${visibility}, no-cache`,
		etag
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(row.data), { headers });
}
