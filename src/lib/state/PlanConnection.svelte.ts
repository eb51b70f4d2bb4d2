/**
 * The browser's live link to one plan document: owns the Y.Doc, the Hocuspocus provider and
 * the IndexedDB copy, and turns their events into runes the UI reads (connection, save
 * state, read-only).
 *
 * Offline edits: every change is also written to IndexedDB (y-indexeddb). `open()` loads that
 * copy *before* the provider exists, so edits made offline (even across a reload) reach the
 * server through the normal sync handshake — as the diff of state vectors, never as a
 * re-upload of the whole document on every page load.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { followAccess } from './followAccess';
import { refusalMessageForClose } from '$lib/domain/planWriteRefusal';
import type { MessageKey } from '$lib/i18n';

export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

/** WebSocket URL of the collaboration endpoint on the page's own origin. */
export function collabUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export interface PlanConnectionOptions {
	url: string;
	docName: string;
	token?: string;
	/** A doc already filled from the local copy (see `open`). */
	doc?: Y.Doc;
	local?: IndexeddbPersistence | null;
}

const LOCAL_PREFIX = 'ruamphaen:';

/** IndexedDB database name of a plan document's local copy. */
function localCacheName(docName: string): string {
	return LOCAL_PREFIX + docName;
}

/**
 * Deletes every local plan copy in this browser — on sign-out, so the next person on a shared
 * computer cannot read a cached draft.
 */
export async function clearLocalCopies(): Promise<void> {
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
	const databases = await indexedDB.databases();
	await Promise.all(
		databases
			.filter((d) => d.name?.startsWith(LOCAL_PREFIX))
			.map((d) => new Promise<void>((resolve) => {
				const request = indexedDB.deleteDatabase(d.name!);
				request.onsuccess = request.onerror = request.onblocked = () => resolve();
			}))
	);
}

export class PlanConnection {
	readonly doc: Y.Doc;
	readonly provider: HocuspocusProvider;
	/** The IndexedDB copy, or null where IndexedDB is unavailable. */
	readonly local: IndexeddbPersistence | null;
	#connected = $state(false);
	#synced = $state(false);
	#unsynced = $state(0);
	#readOnly = $state(false);
	#refused = $state(false);
	/** Why the server last refused this editor's changes (the plan is full, …), until they are saved. */
	#writeRefusal = $state<MessageKey | null>(null);
	/** The plan's workflow state as the server last announced it (null until it does). */
	#planState = $state<string | null>(null);
	readonly #stopAccess: () => void;
	/**
	 * The browser says the network is gone: drop the socket at once (a half-dead socket can
	 * take 30 s to notice) so the indicator says offline; reconnect when it is back.
	 */
	readonly #onOffline = () => this.provider.configuration.websocketProvider.disconnect();
	readonly #onOnline = () => void this.provider.configuration.websocketProvider.connect();

	/**
	 * Loads the local copy first (bounded wait), then connects. Use this from pages; the
	 * constructor alone connects at once without a local copy.
	 */
	static async open(options: Omit<PlanConnectionOptions, 'doc' | 'local'>): Promise<PlanConnection> {
		const doc = new Y.Doc();
		let local: IndexeddbPersistence | null = null;
		if (typeof indexedDB !== 'undefined') {
			try {
				local = new IndexeddbPersistence(localCacheName(options.docName), doc);
				await Promise.race([local.whenSynced, new Promise((r) => setTimeout(r, 3000))]);
			} catch {
				local = null; // private mode or blocked storage: work online only
			}
		}
		return new PlanConnection({ ...options, doc, local });
	}

	constructor(options: PlanConnectionOptions) {
		this.doc = options.doc ?? new Y.Doc();
		this.local = options.local ?? null;
		this.provider = new HocuspocusProvider({
			url: options.url,
			name: options.docName,
			document: this.doc,
			token: options.token ?? 'cookie',
			onStatus: ({ status }) => (this.#connected = status === 'connected'),
			onSynced: ({ state }) => (this.#synced = state),
			onUnsyncedChanges: ({ number }) => {
				this.#unsynced = number;
				if (number === 0) this.#writeRefusal = null;
			},
			onClose: ({ event }) => (this.#writeRefusal = refusalMessageForClose(event.code) ?? this.#writeRefusal),
			onAuthenticated: ({ scope }) => {
				// A refusal (e.g. storage briefly unavailable) lasts until the next successful sign-in.
				this.#refused = false;
				this.#readOnly = scope === 'readonly';
			},
			onAuthenticationFailed: () => (this.#refused = true)
		});
		// Locking (or returning) the plan flips this connection on the server; follow at once.
		this.#stopAccess = followAccess(this.provider, (message) => {
			this.#readOnly = message.readOnly;
			this.#planState = message.state;
		});
		if (typeof window !== 'undefined') {
			window.addEventListener('offline', this.#onOffline);
			window.addEventListener('online', this.#onOnline);
		}
	}

	get connected() {
		return this.#connected;
	}
	get synced() {
		return this.#synced;
	}
	/** Local changes the server has not yet confirmed as stored. */
	get unsyncedChanges() {
		return this.#unsynced;
	}
	/** Decided by the server at authentication; the editor must not accept input then. */
	get readOnly() {
		return this.#readOnly || this.#refused;
	}
	/** The message key of the server's last refusal of a change, or null. */
	get writeRefusal() {
		return this.#writeRefusal;
	}
	/** The workflow state the server announced while this page was open, or null. */
	get planState() {
		return this.#planState;
	}
	get saveState(): SaveState {
		if (!this.#connected) return this.#synced ? 'offline' : 'connecting';
		if (!this.#synced) return 'connecting';
		// A read-only connection has nothing to save (the server never acknowledges its sync).
		if (this.readOnly) return 'saved';
		return this.#unsynced > 0 ? 'saving' : 'saved';
	}

	destroy() {
		this.#stopAccess();
		if (typeof window !== 'undefined') {
			window.removeEventListener('offline', this.#onOffline);
			window.removeEventListener('online', this.#onOnline);
		}
		this.provider.destroy();
		void this.local?.destroy();
		this.doc.destroy();
	}
}
