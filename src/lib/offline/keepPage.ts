/**
 * Asks the service worker to keep this plan page for offline use (src/service-worker.ts keeps
 * pages it sees, but the first page of a visit loads before the worker controls it). Resolves
 * true once the page is in the cache; false without a worker or when it could not be kept.
 */
import { isPageKeptMessage, type KeepPageMessage } from './pageCache';

export async function keepPageForOffline(path: string, timeoutMs = 20_000): Promise<boolean> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
	const container = navigator.serviceWorker;
	const ready = await Promise.race([container.ready, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
	const worker = ready?.active;
	if (!worker) return false;
	return new Promise<boolean>((resolve) => {
		const done = (kept: boolean) => {
			clearTimeout(timer);
			container.removeEventListener('message', onMessage);
			resolve(kept);
		};
		const onMessage = (event: MessageEvent) => {
			if (isPageKeptMessage(event.data) && event.data.path === path) done(event.data.kept);
		};
		const timer = setTimeout(() => done(false), timeoutMs);
		container.addEventListener('message', onMessage);
		worker.postMessage({ type: 'ruamphaen:keep-page', path } satisfies KeepPageMessage);
	});
}
