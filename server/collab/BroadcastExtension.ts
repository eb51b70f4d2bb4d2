/**
 * Fan-out at the cost of one encoding per change, not one per connection.
 *
 * Hocuspocus 3.4's `Document` copies the encoded update once per connection
 * (`message.toUint8Array()` inside the loop) and, for presence, encodes the awareness update
 * once per connection too — with 200 people in a meeting and each cursor move fanned out to
 * everyone, that is 40,000 encodings per round of cursor moves, and edits queue behind them.
 *
 * This extension replaces the two broadcast listeners of each document as it loads:
 * - an update is encoded once and the same bytes go to every connection;
 * - awareness changes are coalesced per document for a short window (1 ms per open
 *   connection, at most `maxAwarenessWindowMs`) and sent as one message encoded once.
 * Everything else (the onChange hooks, bookkeeping of which awareness clients belong to a
 * connection) behaves as in Hocuspocus. If a future Hocuspocus renames the listeners, the
 * extension leaves the document alone and logs once.
 */
import { MessageType, type Connection, type Document, type Extension, type onLoadDocumentPayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { messageYjsUpdate } from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import { log } from '$lib/server/log';

type Listener = (...args: unknown[]) => void;
interface Observable {
	_observers: Map<string, Set<Listener>>;
	on(name: string, f: Listener): void;
	off(name: string, f: Listener): void;
}
interface DocumentInternals {
	callbacks: { onUpdate(document: Document, connection: Connection, update: Uint8Array): void };
	connections: Map<WebSocket, { clients: Set<number>; connection: Connection }>;
}

function findListener(target: Observable, event: string, name: string): Listener | undefined {
	return [...(target._observers?.get(event) ?? [])].find((f) => f.name === `bound ${name}`);
}

export function updateMessage(documentName: string, update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, documentName);
	encoding.writeVarUint(e, MessageType.Sync);
	encoding.writeVarUint(e, messageYjsUpdate);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

export class BroadcastExtension implements Extension {
	priority = 1500;
	private warned = false;

	constructor(private readonly options: { maxAwarenessWindowMs?: number } = {}) {}

	async onLoadDocument({ document }: onLoadDocumentPayload) {
		const doc = document as unknown as Observable;
		const awareness = document.awareness as unknown as Observable;
		const original = findListener(doc, 'update', 'handleUpdate');
		const originalAwareness = findListener(awareness, 'update', 'handleAwarenessUpdate');
		if (!original || !originalAwareness) {
			if (!this.warned) log().warn('BroadcastExtension: Hocuspocus Document internals changed; using its own broadcast');
			this.warned = true;
			return;
		}
		const internals = document as unknown as DocumentInternals;

		doc.off('update', original);
		doc.on('update', (update: unknown, origin: unknown) => {
			internals.callbacks.onUpdate(document, origin as Connection, update as Uint8Array);
			const connections = document.getConnections();
			if (!connections.length) return;
			const message = updateMessage(document.name, update as Uint8Array);
			for (const connection of connections) connection.send(message);
		});

		const maxWindow = this.options.maxAwarenessWindowMs ?? 50;
		const changed = new Set<number>();
		let timer: NodeJS.Timeout | null = null;
		const flush = () => {
			timer = null;
			if (!changed.size) return;
			const clients = [...changed];
			changed.clear();
			const connections = document.getConnections();
			if (!connections.length) return;
			const e = encoding.createEncoder();
			encoding.writeVarString(e, document.name);
			encoding.writeVarUint(e, MessageType.Awareness);
			encoding.writeVarUint8Array(e, encodeAwarenessUpdate(document.awareness, clients));
			const message = encoding.toUint8Array(e);
			for (const connection of connections) connection.send(message);
		};
		awareness.off('update', originalAwareness);
		awareness.on('update', (change: unknown, origin: unknown) => {
			const { added, updated, removed } = change as { added: number[]; updated: number[]; removed: number[] };
			if (origin !== null && origin !== undefined) {
				const entry = internals.connections.get(origin as WebSocket);
				if (entry) {
					for (const id of added) entry.clients.add(id);
					for (const id of removed) entry.clients.delete(id);
				}
			}
			for (const id of added) changed.add(id);
			for (const id of updated) changed.add(id);
			for (const id of removed) changed.add(id);
			if (timer) return;
			const window = Math.min(maxWindow, document.getConnectionsCount());
			timer = setTimeout(flush, window);
		});
	}
}
