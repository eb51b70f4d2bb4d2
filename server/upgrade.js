// Routes WebSocket upgrades on /collab into Hocuspocus. Shared by the production entry and
// the dev-server plugin so both accept connections the same way.
import { WebSocketServer } from 'ws';

export const COLLAB_PATH = '/collab';

/**
 * Accepts collaboration WebSockets on `server` (after the collaboration server's upgrade
 * checks: origin, sockets per address). Other upgrade paths are left alone (Vite's
 * own HMR socket shares the dev server); in production nothing else upgrades, so the socket
 * is closed.
 * @param {import('node:http').Server} server
 * @param {import('../src/lib/server/runtime').Runtime | (() => Promise<any>)} runtimeOrLoader
 * @param {{ leaveOtherPaths?: boolean }} [options]
 */
export function attachCollab(server, runtimeOrLoader, options = {}) {
	/** @type {WebSocketServer | undefined} */
	let wss;
	const load = typeof runtimeOrLoader === 'function' ? runtimeOrLoader : async () => runtimeOrLoader;
	server.on('upgrade', async (req, socket, head) => {
		const path = (req.url ?? '').split('?')[0];
		if (path !== COLLAB_PATH) {
			if (!options.leaveOtherPaths) socket.destroy();
			return;
		}
		const { collab, config } = await load();
		if (!collab) return void socket.destroy();
		// A cross-site page (Origin of another site), or an address over its socket cap, is
		// answered with a plain HTTP status before anything is upgraded.
		const refusal = collab.refuseUpgrade(req);
		if (refusal) {
			const status = refusal.status === 403 ? 'Forbidden' : 'Too Many Requests';
			socket.on('error', () => socket.destroy());
			socket.once('finish', () => socket.destroy());
			socket.end(`HTTP/1.1 ${refusal.status} ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${refusal.reason.length}\r\n\r\n${refusal.reason}`);
			return;
		}
		wss ??= new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
		wss.handleUpgrade(req, socket, head, (ws) => collab.accept(ws, req));
	});
	return {
		close() {
			for (const client of wss?.clients ?? []) client.terminate();
		}
	};
}
