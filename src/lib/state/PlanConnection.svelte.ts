/**
 * The browser's live link to one plan document: owns the Y.Doc, the Hocuspocus provider and
 * the IndexedDB copy, and turns their events into runes the UI reads (connection, save
 * state, read-only).
 *
 * Offline edits: every change is also written to IndexedDB (y-indexeddb). `open()` loads that
 * copy *before* the provider exists, so edits made offline (even across a reload) reach the
 * server through the normal sync handshake — as the diff of state vectors, never as a
 * re-upload of the whole document on every page load. The socket itself opens while that copy
 * loads: only the document's sync waits for it, not the connection.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import { batchLocalWrites, type BatchedLocalCopy } from './offline/batchedLocalCopy';
import * as Y from 'yjs';
import { followAccess } from './followAccess';
import { OfflineBase } from './offline/offlineBase';
import { deleteLocal, readLocal, writeLocal } from './offline/localStore';
import { readServerSyncMessage, type ServerSyncMessage } from './offline/syncMessages';
import { applyQuietly, fetchState } from './offline/fetchedState';
import { refusalMessageForClose } from '$lib/domain/planWriteRefusal';
import type { MessageKey } from '$lib/i18n';
import { clearKeptPages } from '$lib/offline/pageCache';

export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline' | 'refused';

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
	/** My edits not yet acknowledged, as counted before the page was (re)loaded. */
	pendingEdits?: number;
	/** The offline base kept from before the reload (see OfflineBase). */
	offlineBase?: Uint8Array | null;
	/** A socket already connecting to `url` (see `open`); this connection owns it from now on. */
	socket?: HocuspocusProviderWebsocket;
	/** The document was filled from the IndexedDB copy (not from fetched state). */
	fromLocalCopy?: boolean;
	/** State `open` fetched and applied: the local copy keeps these bytes as they are. */
	fetchedState?: Uint8Array[] | null;
	/**
	 * Whether the page lets this person edit now (the server's abilities). Changes made while it
	 * does not are not the person's edits: Tiptap rewrites some stored sections to its schema
	 * when it binds them, which a read-only plan refuses and nobody needs to be told about.
	 */
	mayEdit?: () => boolean;
}

const LOCAL_PREFIX = 'ruamphaen:';

/** IndexedDB database name of a plan document's local copy. */
function localCacheName(docName: string): string {
	return LOCAL_PREFIX + docName;
}

/**
 * Deletes every local plan copy in this browser, and the plan pages the service worker kept —
 * on sign-out, so the next person on a shared computer cannot read a cached draft.
 */
export async function clearLocalCopies(): Promise<void> {
	await clearKeptPages().catch(() => undefined);
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
	readonly #localWrites: BatchedLocalCopy | null;
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
	/** The socket handed in by `open` (the provider destroys only a socket it made itself). */
	readonly #socket: HocuspocusProviderWebsocket | null;
	readonly #docName: string;
	readonly #mayEdit: () => boolean;
	#destroyed = false;
	/** My local edits (transactions) the server has not acknowledged yet. */
	#edits = $state(0);
	/** That count is in IndexedDB (written while offline, or read at start). */
	#editsStored = false;
	/** The server refused edits this page holds (the plan left draft): see `refusedUpdate`. */
	#editsRefused = $state(false);
	/** What this page held beyond the server when it refused them, as one Yjs update. */
	refusedUpdate: Uint8Array | null = null;
	/** The server's state vector from its last sync step 1. */
	#serverStateVector: Uint8Array | null = null;
	readonly offlineBase: OfflineBase;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not state
	readonly #serverListeners = new Set<(message: ServerSyncMessage) => void>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not state
	readonly #ackListeners = new Set<() => void>();
	readonly #countEdit = (tr: Y.Transaction) => {
		// Mine: made in this page (not applied from the server or the IndexedDB copy), and changing something.
		if (!tr.local || (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) || this.readOnly || !this.#mayEdit()) return;
		this.#edits++;
		if (!this.#connected) {
			this.#editsStored = true;
			void writeLocal(`edits:${this.#docName}`, this.#edits);
		}
	};
	/**
	 * The browser says the network is gone: drop the socket at once (a half-dead socket can
	 * take 30 s to notice) so the indicator says offline; reconnect when it is back.
	 */
	readonly #onOffline = () => {
		this.#networkDown = true;
		this.provider.configuration.websocketProvider.disconnect();
	};
	readonly #onOnline = () => {
		this.#networkDown = false;
		void this.provider.configuration.websocketProvider.connect();
	};
	/** The browser says there is no network (also true from the start of a page reloaded offline). */
	#networkDown = $state(typeof navigator !== 'undefined' && navigator.onLine === false);
	/** The page started from a local copy that held the plan (e.g. reloaded while offline). */
	readonly #fromLocalCopy: boolean;
	/** A connection attempt ended (the server is unreachable, or the socket dropped). */
	#closedOnce = $state(false);

	/**
	 * Loads the local copy first (bounded wait), then connects. Use this from pages; the
	 * constructor alone connects at once without a local copy.
	 * `stateUrl`: where to fetch the whole document over HTTP when there is no local copy (see
	 * fetchedState.ts); without it the socket's first sync brings it.
	 */
	static async open(
		options: Omit<PlanConnectionOptions, 'doc' | 'local' | 'pendingEdits' | 'offlineBase' | 'socket' | 'fromLocalCopy' | 'fetchedState'> & { stateUrl?: string }
	): Promise<PlanConnection> {
		// The socket connects (TCP, upgrade) while IndexedDB opens; the document is attached to
		// it, and its sync starts, only once the local copy is in (see the top of this file).
		const socket = new HocuspocusProviderWebsocket({ url: options.url });
		const fetched = options.stateUrl ? fetchState(options.stateUrl) : null;
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
		const fromLocalCopy = !!local && doc.store.clients.size > 0;
		// A page with its copy needs only the socket's diff; one without takes the fetched
		// state, applied before the provider attaches (its sync step 1 then says we have it all).
		let fetchedState: Uint8Array[] | null = null;
		if (fromLocalCopy) fetched?.cancel();
		else if (fetched) fetchedState = await fetched.state;
		if (fetchedState) applyQuietly(doc, fetchedState, local ? [local._storeUpdate] : []);
		const [pendingEdits, offlineBase] = local
			? await Promise.all([readLocal<number>(`edits:${options.docName}`), readLocal<Uint8Array>(`base:${options.docName}`)])
			: [0, null];
		return new PlanConnection({ ...options, doc, local, pendingEdits: pendingEdits ?? 0, offlineBase: offlineBase ?? null, socket, fromLocalCopy, fetchedState });
	}

	constructor(options: PlanConnectionOptions) {
		this.doc = options.doc ?? new Y.Doc();
		this.local = options.local ?? null;
		this.#localWrites = this.local ? batchLocalWrites(this.local, this.doc) : null;
		this.#docName = options.docName;
		this.#mayEdit = options.mayEdit ?? (() => true);
		this.#edits = options.pendingEdits ?? 0;
		this.#editsStored = this.#edits > 0;
		this.#fromLocalCopy = options.fromLocalCopy ?? (!!this.local && this.doc.store.clients.size > 0);
		for (const update of options.fetchedState ?? []) this.#localWrites?.keep(update);
		this.offlineBase = new OfflineBase(this.doc, options.docName, options.offlineBase ?? null, () => this.#connected);
		this.doc.on('afterTransaction', this.#countEdit);
		this.#socket = options.socket ?? null;
		this.provider = new HocuspocusProvider({
			...(this.#socket ? { websocketProvider: this.#socket } : { url: options.url }),
			name: options.docName,
			document: this.doc,
			token: options.token ?? 'cookie',
			onStatus: ({ status }) => (this.#connected = status === 'connected'),
			onSynced: ({ state }) => (this.#synced = state),
			onUnsyncedChanges: ({ number }) => {
				this.#unsynced = number;
				if (number === 0) this.#writeRefusal = null;
				// Everything sent is stored: my edits are saved, the offline spell is over.
				if (number === 0 && this.#connected && !this.#editsRefused) {
					this.#edits = 0;
					// Only a count written while offline needs deleting: not an IndexedDB write per ack.
					if (this.#editsStored) void deleteLocal(`edits:${this.#docName}`);
					this.#editsStored = false;
					this.offlineBase.clear();
					for (const listener of this.#ackListeners) listener();
				}
			},
			onClose: ({ event }) => {
				this.#closedOnce = true;
				this.#writeRefusal = refusalMessageForClose(event.code) ?? this.#writeRefusal;
			},
			onAuthenticated: ({ scope }) => {
				// A refusal (e.g. storage briefly unavailable) lasts until the next successful sign-in.
				this.#refused = false;
				this.#readOnly = scope === 'readonly';
			},
			onAuthenticationFailed: () => (this.#refused = true)
		});
		if (this.#socket) {
			// A socket of our own is not attached by the provider; it may be open already, and its
			// "connected" status then went by before anyone listened.
			this.provider.attach();
			this.#connected = this.#socket.status === WebSocketStatus.Connected;
		}
		this.provider.on('message', ({ event }: { event: MessageEvent }) => this.#onServerMessage(event.data));
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

	/** Called with each sync message from the server, before the provider applies it. */
	onServerSync(listener: (message: ServerSyncMessage) => void): () => void {
		this.#serverListeners.add(listener);
		return () => this.#serverListeners.delete(listener);
	}

	/** Called each time the server has acknowledged everything this page sent. */
	onAcknowledged(listener: () => void): () => void {
		this.#ackListeners.add(listener);
		return () => this.#ackListeners.delete(listener);
	}

	#onServerMessage(data: ArrayBuffer) {
		const message = readServerSyncMessage(data);
		if (!message) return;
		if (message.kind === 'stateVector') this.#serverStateVector = message.stateVector;
		if (message.kind === 'status' && !message.stored) this.#onRefused();
		for (const listener of this.#serverListeners) listener(message);
	}

	/** The server dropped what this page sent (the plan is not a draft): keep it aside, say so. */
	#onRefused() {
		if (this.#editsRefused) return;
		if (this.#edits === 0) return;
		this.refusedUpdate = Y.encodeStateAsUpdate(this.doc, this.#serverStateVector ?? undefined);
		this.#editsRefused = true;
	}

	/** My edits the server has not acknowledged (edits, not messages). */
	get pendingEdits() {
		return this.#edits;
	}
	/** The server refused edits this page holds; the page must set them aside (`refusedUpdate`). */
	get editsRefused() {
		return this.#editsRefused;
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
		if (this.#editsRefused) return 'refused';
		// Offline once it was synced, or when a page shown from its local copy cannot reach the server.
		if (!this.#connected) return this.#synced || (this.#fromLocalCopy && (this.#networkDown || this.#closedOnce)) ? 'offline' : 'connecting';
		if (!this.#synced) return 'connecting';
		// Saved only once the server acknowledged everything sent. A read-only page holds no edits
		// of mine (see mayEdit): what the server did not take from it was never the person's.
		if (this.readOnly && this.#edits === 0) return 'saved';
		return this.#unsynced > 0 ? 'saving' : 'saved';
	}

	/**
	 * Drops this page's copy and its IndexedDB store, so the next connection starts from the
	 * server's content: refused edits (already set aside) are not resurrected from the copy.
	 */
	async resetLocalCopy(): Promise<void> {
		const local = this.local;
		this.destroy({ keepLocal: true });
		await Promise.all([local?.clearData(), deleteLocal(`edits:${this.#docName}`), deleteLocal(`base:${this.#docName}`)]);
	}

	destroy(options: { keepLocal?: boolean } = {}) {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.doc.off('afterTransaction', this.#countEdit);
		this.offlineBase.destroy();
		this.#stopAccess();
		if (typeof window !== 'undefined') {
			window.removeEventListener('offline', this.#onOffline);
			window.removeEventListener('online', this.#onOnline);
		}
		// Kept for a copy that is about to be cleared: its waiting edits must not be written back.
		this.#localWrites?.stop({ writePending: !options.keepLocal });
		this.provider.destroy();
		this.#socket?.destroy();
		if (!options.keepLocal) void this.local?.destroy();
		this.doc.destroy();
	}
}
