/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: an opened plan reloads while offline.
 *
 * - The app's own files of this build (scripts, styles, static files) are cached at install and
 *   answered from the cache (their names carry a hash; `files` are few and small).
 * - A plan editor page (/plans/<id>) goes to the network first; a good answer is kept, and when
 *   the network fails the kept copy is answered (marked with FROM_CACHE_HEADER). The page then
 *   loads the plan from its IndexedDB copy and says it is offline. Any other page while the
 *   network is gone gets a short offline page (Thai first) linking the kept plans.
 * - Nothing else is cached: no API, no other page, no socket. A page is kept only when the
 *   server named the signed-in user on it (USER_HEADER), and the cache holds one user's pages:
 *   another user's page, or a page answered to nobody signed in, empties it first. Signing out
 *   deletes it from the page (clearKeptPages). The kept HTML keeps its own CSP (the nonce of
 *   its inline script matches its header).
 */
import { build, files, version } from '$service-worker';
import {
	CACHE_PREFIX,
	FROM_CACHE_HEADER,
	USER_HEADER,
	assetsCacheName,
	isKeepPageMessage,
	isPlanPagePath,
	OFFLINE_PAGE_CSP,
	offlinePageHtml,
	pagesCacheName,
	type PageKeptMessage
} from '$lib/offline/pageCache';

const sw = self as unknown as ServiceWorkerGlobalScope;

const ASSETS = assetsCacheName(version);
const PAGES = pagesCacheName(version);
const ASSET_PATHS = new Set([...build, ...files]);
/** Whose pages the cache holds: a synthetic entry beside them. */
const OWNER_KEY = '/__ruamphaen/owner';

/** The static routing API (Chromium 123+; not in TypeScript's lib yet). */
type RoutedInstallEvent = ExtendableEvent & { addRoutes?: (rules: { condition: { urlPattern: string }; source: 'network' }[]) => Promise<void> };

sw.addEventListener('install', (event: RoutedInstallEvent) => {
	// The API goes straight to the network, without waking this worker: the editor page's plan
	// state (fetched while the page's scripts come from the cache below) would otherwise wait
	// in this worker's queue behind those scripts. The handler below never answers /api anyway.
	event.addRoutes?.([{ condition: { urlPattern: '/api/*' }, source: 'network' }]).catch(() => undefined);
	event.waitUntil(
		caches
			.open(ASSETS)
			.then((cache) => cache.addAll([...ASSET_PATHS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	// Older builds' files and pages (their HTML names scripts that are gone) are dropped.
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== ASSETS && n !== PAGES).map((n) => caches.delete(n))))
			// Page requests start while this worker starts (FetchEvent.preloadResponse).
			.then(() => sw.registration.navigationPreload?.enable())
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (ASSET_PATHS.has(url.pathname)) {
		event.respondWith(fromAssets(request));
		return;
	}
	if (request.mode !== 'navigate') return;
	event.respondWith(navigate(event, url));
});

async function fromAssets(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: ASSETS });
	return cached ?? fetch(request);
}

/** Pages being stored, by path: the page's own request to be kept waits for its copy (see 'message'). */
const keeping = new Map<string, Promise<boolean>>();

/**
 * Network first; a plan page is kept, and answered from the cache when the network fails.
 * The page is answered at once and stored beside it: storing reads the whole body first.
 */
async function navigate(event: FetchEvent, url: URL): Promise<Response> {
	const planPage = isPlanPagePath(url.pathname);
	let response: Response;
	try {
		// Asked for while this worker was starting (navigation preload), when the browser did.
		response = ((await event.preloadResponse) as Response | undefined) ?? (await fetch(event.request));
	} catch {
		const cached = planPage ? await caches.match(pageKey(url.pathname), { cacheName: PAGES }) : undefined;
		if (!cached) return offlinePage();
		const headers = new Headers(cached.headers);
		headers.set(FROM_CACHE_HEADER, '1');
		return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
	}
	// A full or failing cache never stands between the person and the page.
	const kept = keep(url.pathname, response.clone(), planPage).catch(() => false);
	keeping.set(url.pathname, kept);
	event.waitUntil(kept.finally(() => keeping.get(url.pathname) === kept && keeping.delete(url.pathname)));
	return response;
}

/**
 * Any other page while the network is gone: says so (Thai first) and links the plans this
 * browser keeps for its signed-in user, instead of the browser's own error page.
 */
async function offlinePage(): Promise<Response> {
	const cache = await caches.open(PAGES);
	const kept: { path: string; html: string }[] = [];
	for (const request of await cache.keys()) {
		const path = new URL(request.url).pathname;
		if (isPlanPagePath(path)) kept.push({ path, html: (await (await cache.match(request))?.text()) ?? '' });
	}
	return new Response(offlinePageHtml(kept), {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': OFFLINE_PAGE_CSP, [FROM_CACHE_HEADER]: '1' }
	});
}

/** A plan page is kept under its path alone (no query: ?thread=… opens the same page). */
const pageKey = (pathname: string) => new URL(pathname.replace(/\/$/, ''), sw.location.origin).href;

/**
 * Sees every page the server answers: one made for nobody signed in (signed out, a public page,
 * a redirect to sign-in) empties the cache, one made for someone else than the cache's owner
 * too; a good plan page (`store`) made for a signed-in user is kept (`response` itself is stored: callers that answer with it pass a copy).
 */
async function keep(pathname: string, response: Response, store: boolean): Promise<boolean> {
	const user = response.headers.get(USER_HEADER);
	if (!user) {
		if (response.type === 'opaqueredirect' || response.ok) await caches.delete(PAGES);
		return false;
	}
	let cache = await caches.open(PAGES);
	if ((await (await cache.match(OWNER_KEY))?.text()) !== user) {
		await caches.delete(PAGES);
		cache = await caches.open(PAGES);
		await cache.put(OWNER_KEY, new Response(user));
	}
	if (!store || !response.ok || !response.headers.get('content-type')?.startsWith('text/html')) return false;
	await cache.put(pageKey(pathname), response);
	return true;
}

// A page loaded before this worker controlled it asks to be kept.
sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (!isKeepPageMessage(data) || !isPlanPagePath(data.path)) return;
	const source = event.source;
	const reply = (kept: boolean) => source?.postMessage({ type: 'ruamphaen:page-kept', path: data.path, kept } satisfies PageKeptMessage);
	event.waitUntil(
		(async () => {
			if (await keeping.get(data.path)) return reply(true);
			const cached = await caches.match(pageKey(data.path), { cacheName: PAGES });
			if (cached) return reply(true);
			const response = await fetch(data.path, { credentials: 'same-origin', headers: { accept: 'text/html' } });
			reply(await keep(data.path, response, true));
		})().catch(() => reply(false))
	);
});
