import type { Handle, ServerInit } from '@sveltejs/kit';
import { startRuntime, runtime } from '$lib/server/runtime';
import { isLocale } from '$lib/i18n';
import { clientAddress } from '$lib/server/clientAddress';
import { withSecurityHeaders } from '$lib/server/securityHeaders';
import { notModifiedOr } from '$lib/server/conditional';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';

/** Opens the database, runs migrations and starts the collaboration server before any request. */
export const init: ServerInit = async () => {
	await startRuntime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = event.cookies.get('lang');
	event.locals.locale = isLocale(lang) ? lang : 'th';

	const { db, config } = await runtime();
	event.locals.secureCookies = config.secureCookies;
	event.locals.clientAddress = clientAddress(event.request.headers, safeSocketAddress(event), config);
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await validateSessionToken(db, token) : null;
	if (session) setSessionCookie(event.cookies, token!, session.expiresAt, config.secureCookies);
	else if (token) deleteSessionCookie(event.cookies, config.secureCookies);
	event.locals.user = session?.user ?? null;
	event.locals.sessionId = session?.id ?? null;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	return withSecurityHeaders(notModifiedOr(event.request, response));
};

/** The socket's address; SvelteKit throws when the adapter cannot tell (e.g. in some tests). */
function safeSocketAddress(event: Parameters<Handle>[0]['event']): string | undefined {
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}
