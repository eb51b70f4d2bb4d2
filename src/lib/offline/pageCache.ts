/**
 * What the service worker (src/service-worker.ts) and the pages agree on about plan pages kept
 * for offline use: which paths, the cache's name, the header that names whose page it is, and
 * the messages between a page and the worker.
 *
 * A kept page is the signed-in person's own HTML (their plan, their abilities). The cache holds
 * one person's pages at a time: a page of anyone else, or any page answered to nobody signed in,
 * empties it first; signing out deletes it with the IndexedDB copies (clearLocalCopies).
 */

/** Cache names start with this; a new build's worker drops every older one. */
export const CACHE_PREFIX = 'ruamphaen-';

/** The cache of plan pages (one person's), named per build: old HTML points at old scripts. */
export const pagesCacheName = (version: string) => `${CACHE_PREFIX}pages-${version}`;

/** The cache of the app's own files (scripts, styles, static files) of one build. */
export const assetsCacheName = (version: string) => `${CACHE_PREFIX}assets-${version}`;

/** Response header naming the signed-in user a page was made for (absent when nobody is). */
export const USER_HEADER = 'x-ruamphaen-user';

/** Response header the worker adds to a page it answered from the cache (the network failed). */
export const FROM_CACHE_HEADER = 'x-ruamphaen-offline';

/** The plan editor page, the one page kept for offline use: /plans/<id> and nothing under it. */
export function isPlanPagePath(pathname: string): boolean {
	return /^\/plans\/[A-Za-z0-9_-]{1,64}\/?$/.test(pathname);
}

/** Page → worker: keep this plan page (it was loaded before the worker took control). */
export interface KeepPageMessage {
	type: 'ruamphaen:keep-page';
	path: string;
}
/** Worker → page: the plan page is in the cache (or could not be kept). */
export interface PageKeptMessage {
	type: 'ruamphaen:page-kept';
	path: string;
	kept: boolean;
}

export const isKeepPageMessage = (data: unknown): data is KeepPageMessage =>
	typeof data === 'object' && data !== null && (data as KeepPageMessage).type === 'ruamphaen:keep-page' && typeof (data as KeepPageMessage).path === 'string';

export const isPageKeptMessage = (data: unknown): data is PageKeptMessage =>
	typeof data === 'object' && data !== null && (data as PageKeptMessage).type === 'ruamphaen:page-kept';

/** Deletes every kept page (all builds), e.g. on sign-out. */
export async function clearKeptPages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter((n) => n.startsWith(`${CACHE_PREFIX}pages-`)).map((n) => caches.delete(n)));
}
