/**
 * Response headers every answer of the app carries (pages, endpoints, errors). Pages get their
 * Content-Security-Policy from SvelteKit (`kit.csp` in svelte.config.js: a script nonce per
 * response); any other response without one gets a policy that allows nothing, so a JSON body
 * or a file opened directly in a browser can neither run nor load anything nor be framed.
 */
const ALWAYS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	// frame-ancestors 'none' in the CSP, for browsers that only know the older header.
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

/** For responses SvelteKit gave no policy (endpoints, files, redirects). */
const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A PDF download is shown by the browser's own viewer: only forbid framing it. */
const PDF_CSP = "frame-ancestors 'none'";

/** Adds the headers; a response whose headers are immutable is copied once. */
export function withSecurityHeaders(response: Response): Response {
	let res = response;
	try {
		setMissing(res.headers);
	} catch {
		res = new Response(response.body, response);
		setMissing(res.headers);
	}
	return res;
}

function setMissing(headers: Headers): void {
	for (const [name, value] of Object.entries(ALWAYS)) if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('content-security-policy')) {
		headers.set('content-security-policy', headers.get('content-type')?.startsWith('application/pdf') ? PDF_CSP : LOCKED_DOWN_CSP);
	}
}
