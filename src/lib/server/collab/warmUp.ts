/**
 * Loads a plan document while its editor page is still starting in the browser. The page's
 * socket connects only after the HTML, the scripts and hydration (a second or so on a busy
 * machine); a plan nobody has open is then read from the database (snapshot + log, the
 * schema migration) while the person waits — about half a second for a 1,000-project plan.
 * Asked for when the page is served, that load overlaps the browser's start-up instead.
 *
 * The document is held by a direct connection until a socket joins it or `holdMs` passes,
 * then released the ordinary way (unloaded when nobody else holds it). A document still
 * loaded is held too: a page reloaded just after its last editor left would otherwise see it
 * unloaded under it and loaded again. The whole-document answer of the first sync is encoded
 * during the hold as well (firstSync.ts keeps it until the document changes). One hold per
 * document at a time.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { log } from '$lib/server/log';
import { wholeDocumentMessage } from './firstSync';

export const WARM_HOLD_MS = 15_000;
const CHECK_EVERY_MS = 200;
type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

const holds = new WeakMap<Hocuspocus, Set<string>>();

export function warmUp(hocuspocus: Hocuspocus, documentName: string, holdMs = WARM_HOLD_MS): Promise<void> {
	let held = holds.get(hocuspocus);
	if (!held) holds.set(hocuspocus, (held = new Set()));
	if (held.has(documentName)) return Promise.resolve();
	held.add(documentName);
	const release = () => held.delete(documentName);
	return hocuspocus.openDirectConnection(documentName, {}).then(
		(connection) => {
			hold(connection, Date.now() + holdMs, release);
			// After this turn: a socket that is already waiting for the document goes first.
			setImmediate(() => {
				const document = connection.document;
				if (document && !document.isDestroyed) wholeDocumentMessage(document);
			});
		},
		(err) => {
			release();
			// The socket's own load reports and refuses; nothing to add here.
			log().debug({ documentName, err }, 'warm-up load failed');
		}
	);
}

/** Releases the connection once a socket has joined the document, or at `until`. */
function hold(connection: DirectConnection, until: number, released: () => void): void {
	const timer = setInterval(() => {
		const document = connection.document;
		if (document && document.connections.size === 0 && Date.now() < until && !document.isDestroyed) return;
		clearInterval(timer);
		released();
		connection.disconnect().catch((err) => log().warn({ err }, 'releasing a warmed-up document failed'));
	}, CHECK_EVERY_MS);
	// A hold never keeps the process alive (shutdown does not wait for it).
	timer.unref?.();
}
