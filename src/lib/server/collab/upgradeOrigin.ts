/**
 * Cross-site WebSocket hijacking: a page on another site can open a WebSocket to us and the
 * browser attaches our session cookie (SameSite=Lax does not cover WebSockets everywhere).
 * Browsers always send `Origin` on a WebSocket handshake, so the upgrade is accepted only from
 * the configured ORIGIN, or — when ORIGIN is unset — from the host the request was sent to
 * (as SvelteKit's form check compares the Origin with the request's own URL).
 *
 * A handshake without `Origin` is not from a browser page (Node clients, tests, the bench,
 * command-line tools): it cannot carry a victim's cookie without the victim's cooperation,
 * so it is let through to the normal cookie authentication.
 */
export function upgradeOriginAllowed(origin: string | undefined, host: string | undefined, configuredOrigin: string | null): boolean {
	if (origin === undefined) return true;
	let from: URL;
	try {
		from = new URL(origin);
	} catch {
		return false; // includes the opaque origin "null" (sandboxed frames, file: pages)
	}
	if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
	if (configuredOrigin) return from.origin === new URL(configuredOrigin).origin;
	if (!host) return false;
	try {
		// Through URL, so "example.org:80" and "http://example.org" compare equal.
		return from.host === new URL(`${from.protocol}//${host.trim()}`).host;
	} catch {
		return false;
	}
}
