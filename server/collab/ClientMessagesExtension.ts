/**
 * What a client may send on an established document connection, checked before Hocuspocus
 * handles it:
 *
 * - sync, awareness, token auth, awareness queries and close — what @hocuspocus/provider
 *   sends. Anything else ends the connection (`message-not-allowed`): above all
 *   broadcast-stateless (type 6), which Hocuspocus would relay to every connection of the
 *   document, so a viewer could send everyone a forged `access` ("the plan is announced,
 *   you are read-only") or `comments` message. Stateless messages reach the browsers only
 *   from the server (AuthExtension, CommentsBroadcastExtension, and other instances through
 *   Redis — which Hocuspocus applies without a connection, so they do not pass here).
 *   Plain stateless (type 5) has no use in this app either: no hook handles it.
 * - awareness is rewritten once per message (presence.ts): the connection's identity as the
 *   server knows it, shape-checked cursor and cell, no entries for client IDs it does not own.
 *
 * Each connection is wrapped as it is added to its document, before Hocuspocus hands it the
 * messages it queued during authentication.
 */
import type { Connection, Document, Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { log } from '$lib/server/log';
import { stampAwarenessUpdate, type PresenceIdentity } from './presence';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_CLOSE = 7;
const ALLOWED = new Set([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS, MESSAGE_CLOSE]);

export const NotAllowed = { code: 4400, reason: 'message-not-allowed' } as const;

interface DocumentInternals {
	connections: Map<WebSocket, { clients: Set<number>; connection: Connection }>;
}

/** The connection context field AuthExtension fills with who the connection is. */
export interface PresenceContext {
	presence?: PresenceIdentity;
}

function awarenessFrame(documentName: string, update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, documentName);
	encoding.writeVarUint(e, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

/**
 * The message to hand to Hocuspocus for `data` from `connection`: the same bytes, rewritten
 * awareness, null to ignore it, or 'refuse' to end the connection.
 */
export function screenClientMessage(document: Document, connection: Connection, data: Uint8Array): Uint8Array | null | 'refuse' {
	const d = decoding.createDecoder(data);
	const documentName = decoding.readVarString(d);
	if (documentName !== document.name) return data; // Hocuspocus ignores it
	const type = decoding.readVarUint(d);
	if (!ALLOWED.has(type)) return 'refuse';
	if (type !== MESSAGE_AWARENESS) return data;
	const identity = (connection.context as PresenceContext | undefined)?.presence;
	if (!identity) return null;
	const internals = document as unknown as DocumentInternals;
	const own = internals.connections.get(connection.webSocket as unknown as WebSocket)?.clients ?? new Set<number>();
	const states = document.awareness.getStates();
	const stamped = stampAwarenessUpdate(decoding.readVarUint8Array(d), identity, {
		owns: (id) => own.has(id),
		heldByOthers: (id) => states.has(id),
		count: () => own.size
	});
	return stamped ? awarenessFrame(document.name, stamped) : null;
}

export class ClientMessagesExtension implements Extension {
	priority = 1400;

	async onLoadDocument({ document }: onLoadDocumentPayload) {
		const addConnection = document.addConnection.bind(document);
		document.addConnection = (connection: Connection) => {
			guardConnection(document, connection);
			return addConnection(connection);
		};
	}
}

function guardConnection(document: Document, connection: Connection) {
	const handle = connection.handleMessage.bind(connection);
	connection.handleMessage = (data: Uint8Array) => {
		let screened: ReturnType<typeof screenClientMessage>;
		try {
			screened = screenClientMessage(document, connection, data);
		} catch {
			screened = 'refuse'; // bytes that do not decode as what their type says
		}
		if (screened === 'refuse') {
			log().warn({ documentName: document.name, userId: (connection.context as { user?: { id?: string } })?.user?.id }, 'collab message type not allowed from a client; connection closed');
			connection.close(NotAllowed);
			return;
		}
		if (screened) handle(screened);
	};
}
