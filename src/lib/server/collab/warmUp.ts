/**
 * Loads a plan document while its editor page is still starting in the browser. The page's
 * socket connects only after the HTML, the scripts and hydration (a second or so on a busy
 * machine); a plan nobody has open is then read from the database (snapshot + log, the
 * schema migration) while the person waits — about half a second for a 1,000-project plan.
 * Asked for when the page is served, that load overlaps the browser's start-up instead.
 *
 * The document is held by a direct connection until a socket joins it or `holdMs` passes,
 * then released the ordinary way (unloaded when nobody else holds it). One hold per document
 * at a time; a document already loaded is left alone.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { log } from '$lib/server/log';

export const WARM_HOLD_MS = 15_000;
const CHECK_EVERY_MS = 200;
type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

export function warmUp(hocuspocus: Hocuspocus, documentName: string, holdMs = WARM_HOLD_MS): Promise<void> {
	if (hocuspocus.documents.has(documentName) || hocuspocus.loadingDocuments.has(documentName)) return Promise.resolve();
	return hocuspocus.openDirectConnection(documentName, {}).then(
		(connection) => hold(connection, Date.now() + holdMs),
		// The socket's own load reports and refuses; nothing to add here.
		(err) => log().debug({ documentName, err }, 'warm-up load failed')
	);
}

/** Releases the connection once a socket has joined the document, or at `until`. */
function hold(connection: DirectConnection, until: number): void {
	const timer = setInterval(() => {
		const document = connection.document;
		if (document && document.connections.size === 0 && Date.now() < until && !document.isDestroyed) return;
		clearInterval(timer);
		connection.disconnect().catch((err) => log().warn({ err }, 'releasing a warmed-up document failed'));
	}, CHECK_EVERY_MS);
	// A hold never keeps the process alive (shutdown does not wait for it).
	timer.unref?.();
}
