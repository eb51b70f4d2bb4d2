/**
 * What a client may send on an established document connection, checked before Hocuspocus
 * handles it:
 *
 * - sync, awareness, token auth, awareness queries and close — what @hocuspocus/provider
 *   sends. Anything else ends the connection (`message-not-allowed`): above all
 *   broadcast-stateless (type 6), which Hocuspocus 3 relayed to every connection of the
 *   document (4.7 refuses it from a client too, but with a generic close), so a viewer could
 *   send everyone a forged `access` ("the plan is announced, you are read-only") or `comments`
 *   message. Stateless messages reach the browsers only from the server (AuthExtension,
 *   CommentsBroadcastExtension, and other instances through Redis — which Hocuspocus applies
 *   without a connection, so they do not pass here). Plain stateless (type 5) has no use in
 *   this app either: no onStateless hook handles it. Bytes that do not decode as what their
 *   type says are refused the same way. (`beforeHandleMessage`, which runs after Hocuspocus
 *   has matched the message's address — plain or `name\0session` — to this connection.)
 * - awareness is rewritten once per message (presence.ts): the connection's identity as the
 *   server knows it, shape-checked cursor and cell, no entries for client IDs it does not own
 *   (`beforeHandleAwareness`, see below).
 * - sync step 1 requests other than a first one (each an encoding of what the client lacks)
 *   have a budget per connection (`beforeSync`).
 * - a client that has nothing yet is answered with the document's shared encoding
 *   (firstSync.ts) instead of one encoding and one buffer per socket. No hook can answer a
 *   message in Hocuspocus' place (a hook can only let it through or end the connection), so
 *   this one case wraps the connection's `handleMessage` as the connection is added to its
 *   document — before Hocuspocus hands it the messages it queued during authentication.
 */
import {
	MessageType,
	type Connection,
	type Document,
	type Extension,
	type beforeHandleAwarenessPayload,
	type beforeHandleMessagePayload,
	type beforeSyncPayload,
	type onLoadDocumentPayload
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { log } from '$lib/server/log';
import { stampAwarenessEntries, type PresenceIdentity } from './presence';
import { isEmptyStateVector, serverStepOneMessage, wholeDocumentMessage } from './firstSync';

const ALLOWED = new Set<number>([MessageType.Sync, MessageType.Awareness, MessageType.Auth, MessageType.QueryAwareness, MessageType.CLOSE]);

export const Refusals = {
	notAllowed: { code: 4400, reason: 'message-not-allowed' },
	tooManySyncs: { code: 4429, reason: 'too-many-sync-requests' }
} as const;

/**
 * Sync step 1 with a state vector asks the server to encode what the client lacks — up to
 * the whole plan, one encoding per request. The provider sends one per connection and one
 * more when the plan returns to draft; a few spare, then one per SYNC_REFILL_MS.
 */
const SYNC_BURST = 8;
const SYNC_REFILL_MS = 2000;

/** The connection context field AuthExtension fills with who the connection is. */
export interface PresenceContext {
	presence?: PresenceIdentity;
}

/** Sync step 1 budget per connection (token bucket). */
class SyncBudget {
	private tokens = SYNC_BURST;
	private last = performance.now();

	take(): boolean {
		const now = performance.now();
		this.tokens = Math.min(SYNC_BURST, this.tokens + (now - this.last) / SYNC_REFILL_MS);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

/** Ends the connection: Hocuspocus closes it with the error's code and reason. */
function refuse(connection: Connection, documentName: string, refusal: { code: number; reason: string }): never {
	const userId = (connection.context as { user?: { id?: string } } | undefined)?.user?.id;
	log().warn({ documentName, userId, reason: refusal.reason }, 'collab message refused; connection closed');
	throw Object.assign(new Error(refusal.reason), refusal);
}

/**
 * Reads one message after its address: its type, and for awareness the update it carries.
 * Throws on bytes that do not decode as what their type says.
 */
function readClientMessage(data: Uint8Array): { type: number; awareness?: Uint8Array } {
	const d = decoding.createDecoder(data);
	decoding.readVarString(d);
	const type = decoding.readVarUint(d);
	if (type === MessageType.Awareness) return { type, awareness: decoding.readVarUint8Array(d) };
	if (type === MessageType.Sync) {
		decoding.readVarUint(d);
		decoding.readVarUint8Array(d);
	}
	return { type };
}

export class ClientMessagesExtension implements Extension {
	priority = 1400;
	/**
	 * The awareness update of the message a connection is handling, as the client sent it:
	 * `beforeHandleMessage` keeps it, `beforeHandleAwareness` (next, for the same message) stamps it.
	 */
	private readonly awarenessSent = new WeakMap<Connection, Uint8Array>();
	private readonly budgets = new WeakMap<Connection, SyncBudget>();

	async onLoadDocument({ document }: onLoadDocumentPayload) {
		const addConnection = document.addConnection.bind(document);
		document.addConnection = (connection: Connection) => {
			answerFirstSync(document, connection);
			return addConnection(connection);
		};
	}

	async beforeHandleMessage({ connection, update: data, documentName }: beforeHandleMessagePayload) {
		let message: ReturnType<typeof readClientMessage>;
		try {
			message = readClientMessage(data);
		} catch {
			return refuse(connection, documentName, Refusals.notAllowed);
		}
		if (!ALLOWED.has(message.type)) return refuse(connection, documentName, Refusals.notAllowed);
		if (message.awareness) this.awarenessSent.set(connection, message.awareness);
	}

	/**
	 * Hocuspocus 4.7 decodes the update into a scratch Awareness and hands this hook its states.
	 * That map alone cannot be trusted as what the client sent: it also holds the scratch
	 * Awareness' own empty state (under a random client ID) and lacks the removals (null states)
	 * — so it is rebuilt from the bytes the client sent: the stamped entries, nothing else.
	 * A removal is kept only with a clock above 0 (the scratch then has a clock for it to encode).
	 */
	async beforeHandleAwareness({ connection, states, document }: beforeHandleAwarenessPayload) {
		if (!connection) return; // the server's own, or another instance's through Redis
		const sent = this.awarenessSent.get(connection);
		this.awarenessSent.delete(connection);
		const accepted = new Set(states.keys());
		states.clear();
		const identity = (connection.context as PresenceContext | undefined)?.presence;
		if (!sent || !identity) return;
		const own = document.getClients(connection) as Set<number>;
		const held = document.awareness.getStates();
		let entries;
		try {
			entries = stampAwarenessEntries(sent, identity, { owns: (id) => own.has(id), heldByOthers: (id) => held.has(id), count: () => own.size });
		} catch {
			return refuse(connection, document.name, Refusals.notAllowed);
		}
		for (const { clientId, clock, state } of entries) {
			if (state ? accepted.has(clientId) : clock > 0) states.set(clientId, state as never);
		}
	}

	async beforeSync({ connection, type, payload, documentName }: beforeSyncPayload) {
		if (type !== messageYjsSyncStep1 || isEmptyStateVector(payload)) return;
		let budget = this.budgets.get(connection);
		if (!budget) this.budgets.set(connection, (budget = new SyncBudget()));
		if (!budget.take()) refuse(connection, documentName, Refusals.tooManySyncs);
	}
}

/**
 * A client with nothing yet gets the shared encoding of the whole document, as Hocuspocus would
 * answer: its own step 1, then step 2. That costs no encoding, so no budget; what a client that
 * does not read piles up this way is bounded by FloodGuard's buffer cut-off. Only for plainly
 * addressed messages (the shared bytes carry the plain document name); a session-addressed
 * one goes through Hocuspocus and the hooks above.
 */
function answerFirstSync(document: Document, connection: Connection) {
	const handle = connection.handleMessage.bind(connection);
	connection.handleMessage = (data: Uint8Array) => {
		if (connection.sessionId === null && isFirstSync(document.name, data)) {
			connection.send(serverStepOneMessage(document));
			connection.send(wholeDocumentMessage(document));
			return;
		}
		handle(data);
	};
}

function isFirstSync(documentName: string, data: Uint8Array): boolean {
	try {
		const d = decoding.createDecoder(data);
		if (decoding.readVarString(d) !== documentName) return false;
		if (decoding.readVarUint(d) !== MessageType.Sync || decoding.readVarUint(d) !== messageYjsSyncStep1) return false;
		return isEmptyStateVector(decoding.readVarUint8Array(d));
	} catch {
		return false; // Hocuspocus and the hooks refuse it
	}
}
