/**
 * The address of the person behind a request. Behind a reverse proxy the socket address is
 * the proxy's, so one person's failed sign-ins would throttle everybody; the operator names
 * the header the proxy sets (TRUSTED_PROXY_HEADER) and how many proxies append to it
 * (TRUSTED_PROXY_HOPS). Only the entries our own proxies wrote are trusted: X-Forwarded-For
 * is read from the right, because a client can put anything at its left end.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface ProxySettings {
	/** Lower-case header name, e.g. `x-forwarded-for` or `x-real-ip`; null: use the socket. */
	trustedProxyHeader: string | null;
	/** How many trusted proxies append to a list header (X-Forwarded-For); ≥ 1. */
	trustedProxyHops: number;
}

type Headers = IncomingHttpHeaders | Headers_;
type Headers_ = { get(name: string): string | null };

function headerValue(headers: Headers, name: string): string | null {
	if (typeof (headers as Headers_).get === 'function') return (headers as Headers_).get(name);
	const raw = (headers as IncomingHttpHeaders)[name];
	if (raw === undefined) return null;
	return Array.isArray(raw) ? raw.join(',') : raw;
}

/**
 * The client's address: from the trusted proxy header when one is configured (the
 * `trustedProxyHops`-th entry from the right of a comma-separated list), else the socket's.
 * A configured header that is missing or malformed falls back to the socket address, so a
 * request that bypassed the proxy is still attributed to somebody.
 */
export function clientAddress(headers: Headers, socketAddress: string | undefined, settings: ProxySettings): string {
	const fallback = socketAddress ?? 'unknown';
	if (!settings.trustedProxyHeader) return fallback;
	const raw = headerValue(headers, settings.trustedProxyHeader);
	if (!raw) return fallback;
	const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
	const picked = entries[entries.length - settings.trustedProxyHops] ?? entries[0];
	return picked && /^[0-9a-fA-F:.[\]]{2,64}$/.test(picked) ? picked : fallback;
}
