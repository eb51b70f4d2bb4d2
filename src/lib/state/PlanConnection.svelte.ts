/**
 * The browser's live link to one plan document: owns the Y.Doc and the Hocuspocus provider
 * and turns their events into runes the UI reads (connection, save state, read-only).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

/** WebSocket URL of the collaboration endpoint on the page's own origin. */
export function collabUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export class PlanConnection {
	readonly doc = new Y.Doc();
	readonly provider: HocuspocusProvider;
	#connected = $state(false);
	#synced = $state(false);
	#unsynced = $state(0);
	#readOnly = $state(false);

	constructor(options: { url: string; docName: string; token?: string }) {
		this.provider = new HocuspocusProvider({
			url: options.url,
			name: options.docName,
			document: this.doc,
			token: options.token ?? 'cookie',
			onStatus: ({ status }) => (this.#connected = status === 'connected'),
			onSynced: ({ state }) => (this.#synced = state),
			onUnsyncedChanges: ({ number }) => (this.#unsynced = number),
			onAuthenticated: ({ scope }) => (this.#readOnly = scope === 'readonly')
		});
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
		return this.#readOnly;
	}
	get saveState(): SaveState {
		if (!this.#connected) return this.#synced ? 'offline' : 'connecting';
		if (!this.#synced) return 'connecting';
		return this.#unsynced > 0 ? 'saving' : 'saved';
	}

	destroy() {
		this.provider.destroy();
		this.doc.destroy();
	}
}
