/**
 * The plan's IndexedDB copy (y-indexeddb), written once per burst of edits instead of once per
 * Yjs update. y-indexeddb opens an IndexedDB transaction inside every update — work done in the
 * keystroke's own task, before the browser may paint it. Here updates are merged and written
 * in a task of their own a moment later; a page being hidden or closed writes at once, so an
 * offline edit does not wait in memory for a tab that is going away.
 */
import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

/** Long enough to take a burst of keystrokes together, short enough to lose nothing in practice. */
const WRITE_DELAY_MS = 250;
/** At the latest, a whole document handed to `keep` is written this long after. */
const WHOLE_WRITE_WAIT_MS = 5000;

export interface BatchedLocalCopy {
	/**
	 * Writes a whole update as it is with the next burst (state applied without telling the
	 * copy, see fetchedState.ts): not merged with the small ones, which would decode it again.
	 */
	keep(update: Uint8Array): void;
	/** Writes what is waiting now (the page is going away). */
	flush(): void;
	/** Stops batching; without `writePending`, what is waiting is dropped (the copy is being cleared). */
	stop(options: { writePending: boolean }): void;
}

export function batchLocalWrites(local: IndexeddbPersistence, doc: Y.Doc): BatchedLocalCopy {
	const write = local._storeUpdate;
	doc.off('update', write);
	let pending: Uint8Array[] = [];
	let whole: Uint8Array[] = [];
	let wholeLater = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const writeWhole = () => {
		wholeLater = false;
		for (const update of whole) write(update, null);
		whole = [];
	};
	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		writeWhole();
		if (!pending.length) return;
		const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending);
		pending = [];
		write(update, null);
	};
	const onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === local) return; // read from the copy itself
		pending.push(update);
		timer ??= setTimeout(flush, WRITE_DELAY_MS);
	};
	const onHidden = () => {
		if (document.visibilityState === 'hidden') flush();
	};
	doc.on('update', onUpdate);
	if (typeof window !== 'undefined') {
		window.addEventListener('pagehide', flush);
		document.addEventListener('visibilitychange', onHidden);
	}
	return {
		flush,
		keep(update) {
			whole.push(update);
			if (wholeLater) return;
			wholeLater = true;
			// Copying a whole plan into IndexedDB is tens of ms of the page's time: when it is idle.
			if (typeof requestIdleCallback === 'function') requestIdleCallback(writeWhole, { timeout: WHOLE_WRITE_WAIT_MS });
			else setTimeout(writeWhole, WRITE_DELAY_MS);
		},
		stop({ writePending }) {
			if (writePending) flush();
			if (timer) clearTimeout(timer);
			pending = [];
			whole = [];
			doc.off('update', onUpdate);
			if (typeof window !== 'undefined') {
				window.removeEventListener('pagehide', flush);
				document.removeEventListener('visibilitychange', onHidden);
			}
		}
	};
}
