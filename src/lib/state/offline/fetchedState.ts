/**
 * The plan document fetched over HTTP (GET /api/plans/<id>/state), for a page that has no
 * local copy of it. The editor page's headers preload that URL (planStateUrl.ts), so the bytes arrive while the
 * scripts load — before the collaboration socket has even connected — and the socket's first
 * sync only exchanges what changed since. Any failure (offline, refused, the server busy)
 * yields null: the socket's own sync then brings the whole document, as it always could.
 */
import * as Y from 'yjs';
import { decodeUpdateList } from '$lib/domain/updateList';

/** A hung request must not hold the editor: after this the socket's sync is used instead. */
const GIVE_UP_MS = 10_000;

/** The origin of the transaction that applies fetched state (not an edit of mine, not the provider's). */
const fetchedStateOrigin = Symbol('fetched state');

export interface FetchedState {
	/** The whole document as updates (one, or a snapshot and later ones), or null when it could not be had. */
	state: Promise<Uint8Array[] | null>;
	/** Not needed (the local copy already holds the plan): stop reading it. */
	cancel(): void;
}

export function fetchState(url: string): FetchedState {
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), GIVE_UP_MS);
	// Same URL and credentials mode as the page's preload (as="fetch", crossorigin):
	// the browser hands over the preloaded response instead of asking again.
	const state = fetch(url, { credentials: 'same-origin', signal: abort.signal })
		.then(async (response) => (response.ok ? decodeUpdateList(new Uint8Array(await response.arrayBuffer())) : null))
		.catch(() => null)
		.finally(() => clearTimeout(timer));
	return { state, cancel: () => abort.abort() };
}

/**
 * Applies fetched state to a document no one listens to yet but `quietFor` — listeners of
 * `update` make Yjs encode the whole applied update again for them (a second pass over 1.4 MB
 * for a 1,000-project plan); they are detached for the apply, and the caller stores the
 * fetched bytes as they are instead.
 */
export function applyQuietly(doc: Y.Doc, state: Uint8Array[], quietFor: ((update: Uint8Array, origin: unknown) => void)[]): void {
	for (const listener of quietFor) doc.off('update', listener);
	try {
		// One transaction: the document's observers see the whole plan arrive once.
		doc.transact(() => {
			for (const update of state) Y.applyUpdate(doc, update, fetchedStateOrigin);
		}, fetchedStateOrigin);
	} finally {
		for (const listener of quietFor) doc.on('update', listener);
	}
}
