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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plan's title as its kept page shows it (the page's first h1), as plain text. */
export function keptTitle(html: string): string {
	const inner = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
	const text = inner
		.replace(/<[^>]*>/g, '')
		.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
	return text.trim().slice(0, 200);
}

/** The offline page runs nothing and loads nothing but its own inline style. */
export const OFFLINE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The page the worker answers for any page it cannot reach nor has kept: offline, said in Thai
 * first, with links to the kept plan pages (by the title each shows).
 */
export function offlinePageHtml(kept: { path: string; html: string }[]): string {
	const links = kept
		.filter((k) => isPlanPagePath(k.path))
		.map((k) => `<li><a href="${escapeHtml(k.path)}" data-kept-plan>${escapeHtml(keptTitle(k.html) || k.path)}</a></li>`);
	const any = links.length > 0;
	return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ออฟไลน์ · Offline</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6}h1{font-size:1.4rem}.en{color:#555}</style></head>
<body data-offline-page><h1>ออฟไลน์: ไม่มีการเชื่อมต่ออินเทอร์เน็ต</h1>
<p>หน้านี้ยังไม่ได้เก็บไว้ใช้ขณะออฟไลน์ ${any ? 'แผนที่เปิดไว้ในเครื่องนี้ยังเปิดและแก้ไขได้ ระบบจะบันทึกเมื่อกลับมาออนไลน์:' : 'เปิดแผนไว้สักครั้งขณะออนไลน์ แล้วจะเปิดแผนนั้นได้ขณะออฟไลน์'}</p>
<ul>${links.join('')}</ul>
<p class="en">Offline: this page is not kept for offline use. ${any ? 'Plans opened on this device can still be opened and edited; they are saved once you are back online.' : 'Open a plan once while online to use it offline.'}</p>
</body></html>`;
}
