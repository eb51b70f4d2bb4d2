/** Real @hocuspocus/provider clients from Node. Node 24 has a global WebSocket, but it cannot send a Cookie header: use `ws`. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { followAccess } from '../../src/lib/state/followAccess';

export interface TestClient {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	socket: HocuspocusProviderWebsocket;
	destroy(): void;
}

export function connectClient(wsUrl: string, docName: string, options: { token?: string; cookie?: string } = {}): TestClient {
	const doc = new Y.Doc();
	// ws accepts request headers as a third argument; the provider passes (url, protocols).
	const Polyfill = options.cookie
		? class extends WebSocket {
				constructor(url: string, protocols?: string | string[]) {
					super(url, protocols, { headers: { cookie: options.cookie! } });
				}
			}
		: WebSocket;
	const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: Polyfill as unknown as typeof WebSocket, maxAttempts: 0 });
	const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, token: options.token ?? 'cookie' });
	provider.attach();
	// Like the browser client: follow the server's lock / return-to-draft messages.
	followAccess(provider, () => undefined);
	return {
		doc,
		provider,
		socket,
		destroy() {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		}
	};
}

/** Resolves when `check()` is true, polling; rejects with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${message}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** Waits for the first sync and then for every local change to be acknowledged as stored. */
export async function waitSynced(client: TestClient, timeoutMs = 10_000) {
	await waitFor(() => client.provider.isSynced && client.provider.unsyncedChanges === 0, 'client synced', timeoutMs);
}
