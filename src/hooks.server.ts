import type { Handle, ServerInit } from '@sveltejs/kit';
import { startRuntime, runtime } from '$lib/server/runtime';
import { isLocale } from '$lib/i18n';
import { clientAddress } from '$lib/server/clientAddress';
import { withSecurityHeaders } from '$lib/server/securityHeaders';
import { notModifiedOr } from '$lib/server/conditional';
import { USER_HEADER } from '$lib/offline/pageCache';
import { planStatePreload } from '$lib/planStateUrl';
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
	if (event.route.id === '/plans/[id]' && !event.isDataRequest && response.status === 200 && event.params.id) preloadFirst(response, planStatePreload(event.params.id));
	return withSecurityHeaders(notModifiedOr(event.request, forUser(response, event.locals.user?.id)));
};

/**
 * The editor page's plan state is fetched first: SvelteKit's own Link header names the page's
 * scripts, which come from the service worker's cache while the state comes from the server.
 */
function preloadFirst(response: Response, link: string) {
	const scripts = response.headers.get('link');
	response.headers.set('link', scripts ? `${link}, ${scripts}` : link);
}

/**
 * Names the signed-in user on what the server made for them, so the service worker keeps a
 * plan page for offline use only as that user's, and forgets every kept page once a page is
 * answered to nobody or to someone else (src/service-worker.ts). The user's own id, on their
 * own responses only.
 */
function forUser(response: Response, userId: string | undefined): Response {
	// A response shared caches may keep (the public page) names nobody.
	if (!userId || /\bpublic\b/.test(response.headers.get('cache-control') ?? '')) return response;
	try {
		response.headers.set(USER_HEADER, userId);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set(USER_HEADER, userId);
		return copy;
	}
}

/** The socket's address; SvelteKit throws when the adapter cannot tell (e.g. in some tests). */
function safeSocketAddress(event: Parameters<Handle>[0]['event']): string | undefined {
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}
