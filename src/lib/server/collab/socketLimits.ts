/**
 * How many collaboration sockets one address and one user may hold open on this instance.
 * The address is counted at the upgrade (over its cap: HTTP 429 before upgrading); the user
 * when a socket's first document authenticates (AuthExtension refuses the socket with
 * `too-many-sockets`). A socket leaves both counts when it closes. Counts are per instance:
 * behind a load balancer the totals are at most caps × instances.
 */
import type { WebSocket } from 'ws';

export interface SocketCaps {
	maxSocketsPerUser: number;
	maxSocketsPerAddress: number;
}

export class SocketCounter {
	private readonly byAddress = new Map<string, number>();
	private readonly byUser = new Map<string, Set<WebSocket>>();
	private readonly userOf = new WeakMap<WebSocket, string>();

	constructor(private readonly caps: SocketCaps) {}

	/** May another socket from this address be upgraded? */
	addressHasRoom(address: string): boolean {
		return (this.byAddress.get(address) ?? 0) < this.caps.maxSocketsPerAddress;
	}

	/** Counts an upgraded socket against its address until it closes. */
	countAddress(ws: WebSocket, address: string) {
		this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
		ws.once('close', () => {
			const n = (this.byAddress.get(address) ?? 1) - 1;
			if (n > 0) this.byAddress.set(address, n);
			else this.byAddress.delete(address);
		});
	}

	/**
	 * Counts the socket against the user (once, however many documents it opens); false when
	 * the user already holds as many other sockets as allowed.
	 */
	claimForUser(ws: WebSocket, userId: string): boolean {
		const holder = this.userOf.get(ws);
		if (holder !== undefined) return holder === userId;
		if (ws.readyState === ws.CLOSED) return false; // its 'close' has been and gone
		const sockets = this.byUser.get(userId) ?? new Set<WebSocket>();
		if (sockets.size >= this.caps.maxSocketsPerUser) return false;
		sockets.add(ws);
		this.byUser.set(userId, sockets);
		this.userOf.set(ws, userId);
		ws.once('close', () => {
			sockets.delete(ws);
			if (!sockets.size && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
		});
		return true;
	}

	/** Open sockets per address and per user (for logs and tests). */
	stats() {
		return { addresses: this.byAddress.size, users: this.byUser.size };
	}
}
