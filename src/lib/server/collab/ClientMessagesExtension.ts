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
 * - a client that has nothing yet is answered with the document's shared encoding
 *   (firstSync.ts) instead of one encoding and one buffer per socket; other sync step 1
 *   requests (each an encoding of what the client lacks) have a budget per connection.
 *
 * Each connection is wrapped as it is added to its document, before Hocuspocus hands it the
 * messages it queued during authentication.
 */
import { MessageType, type Connection, type Document, type Extension, type onLoadDocumentPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { log } from '$lib/server/log';
import { stampAwarenessUpdate, type PresenceIdentity } from './presence';
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

type Verdict =
	| { pass: Uint8Array }
	| { drop: true }
	| { refuse: { code: number; reason: string } }
	| { answer: Uint8Array[] };

function awarenessFrame(documentName: string, update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, documentName);
	encoding.writeVarUint(e, MessageType.Awareness);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

function stampAwareness(document: Document, connection: Connection, update: Uint8Array): Verdict {
	const identity = (connection.context as PresenceContext | undefined)?.presence;
	if (!identity) return { drop: true };
	const own = document.getClients(connection) as Set<number>;
	const states = document.awareness.getStates();
	const stamped = stampAwarenessUpdate(update, identity, {
		owns: (id) => own.has(id),
		heldByOthers: (id) => states.has(id),
		count: () => own.size
	});
	return stamped ? { pass: awarenessFrame(document.name, stamped) } : { drop: true };
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

/** What to do with `data` from `connection` (throws on bytes that do not decode). */
function screenClientMessage(document: Document, connection: Connection, data: Uint8Array, budget: SyncBudget): Verdict {
	const d = decoding.createDecoder(data);
	const documentName = decoding.readVarString(d);
	if (documentName !== document.name) return { pass: data }; // Hocuspocus ignores it
	const type = decoding.readVarUint(d);
	if (!ALLOWED.has(type)) return { refuse: Refusals.notAllowed };
	if (type === MessageType.Awareness) return stampAwareness(document, connection, decoding.readVarUint8Array(d));
	if (type !== MessageType.Sync || decoding.readVarUint(d) !== messageYjsSyncStep1) return { pass: data };
	// A client with nothing yet gets the shared encoding of the whole document, as Hocuspocus
	// would answer: its own step 1, then step 2. That costs no encoding, so no budget; what a
	// client that does not read piles up this way is bounded by FloodGuard's buffer cut-off.
	if (isEmptyStateVector(decoding.readVarUint8Array(d))) return { answer: [serverStepOneMessage(document), wholeDocumentMessage(document)] };
	return budget.take() ? { pass: data } : { refuse: Refusals.tooManySyncs };
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
	const budget = new SyncBudget();
	connection.handleMessage = (data: Uint8Array) => {
		let verdict: Verdict;
		try {
			verdict = screenClientMessage(document, connection, data, budget);
		} catch {
			verdict = { refuse: Refusals.notAllowed }; // bytes that do not decode as what their type says
		}
		if ('pass' in verdict) return handle(verdict.pass);
		if ('answer' in verdict) return verdict.answer.forEach((message) => connection.send(message));
		if ('refuse' in verdict) {
			const userId = (connection.context as { user?: { id?: string } } | undefined)?.user?.id;
			log().warn({ documentName: document.name, userId, reason: verdict.refuse.reason }, 'collab message refused; connection closed');
			connection.close(verdict.refuse);
		}
	};
}
