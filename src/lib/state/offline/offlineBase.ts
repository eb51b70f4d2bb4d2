/**
 * The plan as it was just before my first edit while disconnected: the common ancestor a
 * conflict is judged against on reconnect (what did I change, what did the others change).
 * Taken once per offline spell (encoding the whole document once, not per keystroke), kept in
 * IndexedDB so it survives a reload while offline, dropped once the server has my edits.
 */
import * as Y from 'yjs';
import { deleteLocal, writeLocal } from './localStore';

export class OfflineBase {
	#base: Uint8Array | null;
	readonly #key: `base:${string}`;
	readonly #doc: Y.Doc;
	readonly #online: () => boolean;
	readonly #capture = (tr: Y.Transaction) => {
		if (this.#base || !tr.local || this.#online()) return;
		// beforeTransaction: the document does not yet hold this edit.
		this.#base = Y.encodeStateAsUpdate(this.#doc);
		void writeLocal(this.#key, this.#base);
	};

	constructor(
		doc: Y.Doc,
		docName: string,
		stored: Uint8Array | null,
		online: () => boolean
	) {
		this.#doc = doc;
		this.#online = online;
		this.#key = `base:${docName}`;
		this.#base = stored;
		doc.on('beforeTransaction', this.#capture);
	}

	/** The base of the current offline spell, or null when I have not edited offline. */
	get current(): Uint8Array | null {
		return this.#base;
	}

	clear() {
		if (!this.#base) return;
		this.#base = null;
		void deleteLocal(this.#key);
	}

	destroy() {
		this.#doc.off('beforeTransaction', this.#capture);
	}
}
