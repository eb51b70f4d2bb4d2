/** Real @hocuspocus/provider clients from Node, on `ws` (unlike the global WebSocket it can send the session cookie). */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { followAccess } from '../../src/lib/state/followAccess';
import { startServer, type RunningServer } from './server';

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

/**
 * Servers and collaboration clients a test file starts, closed after each test (servers with
 * SIGKILL: what was acknowledged must already be on disk).
 */
export function serversAndClients(afterEach: (fn: () => Promise<void>) => void) {
	const servers: RunningServer[] = [];
	const clients: TestClient[] = [];
	const closeAll = async () => {
		clients.splice(0).forEach((c) => c.destroy());
		await Promise.all(servers.splice(0).map((s) => s.kill('SIGKILL')));
	};
	afterEach(closeAll);
	return {
		/** Closes every client and kills every server now (a restart within a test). */
		closeAll,
		async start(options: Parameters<typeof startServer>[0]) {
			const server = await startServer(options);
			servers.push(server);
			return server;
		},
		connect(server: RunningServer, docName: string, cookie: string) {
			const client = connectClient(server.wsUrl, docName, { cookie });
			clients.push(client);
			return client;
		}
	};
}
