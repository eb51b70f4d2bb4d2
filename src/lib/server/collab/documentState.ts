/**
 * The whole plan document for the editor page's HTTP fetch (routes/api/plans/[id]/state), as
 * a list of Yjs updates the browser applies together.
 *
 * A document loaded here is sent as one update — the shared first-sync encoding. One that is
 * not loaded (or still loading) is sent as it is stored — snapshot and log tail, straight from
 * the database — instead of waiting for the load: a 1,000-project plan takes a few hundred
 * milliseconds to load and encode, the stored rows a few to read. That is only done for a plan
 * this process has loaded once already since it started: its stored content is then known to
 * be at the current schema (a load migrates it first, see PlanSchemaExtension), so the page
 * never shows a layout it does not know. Anything written since, stored or not, reaches the
 * page through the socket's sync, which exchanges only the difference.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { Database } from '$lib/server/db';
import { readStored } from '$lib/server/db/docLog';
import { wholeDocumentState } from './firstSync';
import { warmUp } from './warmUp';

export class DocumentStates {
	/** Plans loaded (and so migrated) by this process: their stored state may be served as it is. */
	readonly #current = new Set<string>();

	constructor(
		private readonly hocuspocus: Hocuspocus,
		private readonly db: Database
	) {}

	/** A load of the document finished (migrated where it had to be). */
	loaded(documentName: string) {
		this.#current.add(documentName);
	}

	/**
	 * The editor page's own fetch will read this document from storage, and load it after
	 * answering: loading it now (warm-up) would only hold up that answer — a load keeps the
	 * event loop busy for a few hundred milliseconds for a large plan.
	 */
	readsFromStorage(documentName: string): boolean {
		return this.#current.has(documentName) && !this.#loadedDocument(documentName);
	}

	/** The document as updates, or null when it cannot be loaded. The caller checked read access. */
	async read(documentName: string): Promise<Uint8Array[] | null> {
		const loaded = this.#loadedDocument(documentName);
		if (loaded) return [wholeDocumentState(loaded)];
		if (this.#current.has(documentName)) {
			// The caller loads it once the answer is on its way (Collab.holdForSocket).
			const stored = await readStored(this.db, documentName);
			return [...(stored.snapshot ? [stored.snapshot] : []), ...stored.tail.map((entry) => entry.data)];
		}
		// Held for the socket that follows (a no-op while the page's own warm-up holds it).
		await warmUp(this.hocuspocus, documentName);
		const loading = this.hocuspocus.loadingDocuments.get(documentName);
		if (loading) await loading.catch(() => null);
		const document = this.#loadedDocument(documentName);
		return document ? [wholeDocumentState(document)] : null;
	}

	#loadedDocument(documentName: string) {
		if (this.hocuspocus.loadingDocuments.has(documentName)) return null;
		const document = this.hocuspocus.documents.get(documentName);
		return document && !document.isDestroyed ? document : null;
	}
}
