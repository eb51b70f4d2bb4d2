/**
 * Registers the service worker (src/service-worker.ts) once the page has been drawn, instead of
 * SvelteKit's default at the window's load event. Installing the worker downloads every file
 * of the build into its cache; on a first visit, and on the first visit after each release,
 * that ran alongside the editor's own loading (the plan, its scripts, the first drawing) on
 * the same network and CPU. The editor page registers it once its last parts are drawn; any
 * page registers it LATEST_MS after its load event at the latest.
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';

const LATEST_MS = 5000;

let registering: Promise<ServiceWorkerRegistration | null> | null = null;

/** Registers the worker, once per page load; null without service workers or when refused. */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(null);
	registering ??= navigator.serviceWorker.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' }).catch(() => null);
	return registering;
}

/** Registers the worker LATEST_MS after the page's load event, unless the page did sooner. Returns a cancel. */
export function registerServiceWorkerLater(): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => (timer = setTimeout(() => void registerServiceWorker(), LATEST_MS));
	if (document.readyState === 'complete') arm();
	else addEventListener('load', arm, { once: true });
	return () => {
		removeEventListener('load', arm);
		clearTimeout(timer);
	};
}
