/**
 * Revalidation instead of expiry for pages that change rarely but must never be stale (the
 * public page of an announced edition gains "superseded by" the moment an amendment is
 * announced). The page sets a weak ETag from what it shows; a request that already holds that
 * version gets 304 with no body.
 */
import { createHash } from 'node:crypto';

/** A weak validator for the page built from `parts` (the body differs by its CSP nonce only). */
export function weakEtag(...parts: unknown[]): string {
	return `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/** Headers a 304 repeats: the validator, caching rules and cookies — never a new CSP, whose
 * fresh nonce would not match the scripts of the body the browser keeps. */
const REPEATED = ['etag', 'cache-control', 'vary', 'expires'];

/** 304 when the request's If-None-Match names the response's ETag; otherwise the response. */
export function notModifiedOr(request: Request, response: Response): Response {
	const etag = response.headers.get('etag');
	const held = request.headers.get('if-none-match');
	if (!etag || !held || response.status !== 200 || (request.method !== 'GET' && request.method !== 'HEAD')) return response;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	if (held.trim() !== '*' && !held.split(',').some((tag) => opaque(tag) === opaque(etag))) return response;
	const headers = new Headers();
	for (const name of REPEATED) {
		const value = response.headers.get(name);
		if (value) headers.set(name, value);
	}
	for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
	void response.body?.cancel();
	return new Response(null, { status: 304, headers });
}
