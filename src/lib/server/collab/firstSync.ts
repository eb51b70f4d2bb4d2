/**
 * The answer to a client that has nothing yet (sync step 1 with an empty state vector): the
 * whole document. Hocuspocus encodes it anew for every such request, into a new buffer per
 * socket — 300 sockets asking for a 4 MB plan made 300 encodings (the event loop stalled for
 * seconds) and 1.2 GB of buffers. Here it is encoded once per version of the document and the
 * same bytes go to every socket that asks, until the document changes — or until no socket has
 * asked for a second: an open plan nobody is joining does not keep a second copy of itself
 * (the sample plan's is 117 KB, an eighth of what the server holds for the whole open plan).
 */
import { MessageType, type Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';

/** How long the shared encoding outlives the last socket that asked for it. */
export const SHARED_ENCODING_KEEP_MS = 1000;

interface Shared {
	message: Uint8Array;
	/** Drops the encoding SHARED_ENCODING_KEEP_MS after the last ask (re-armed by each ask). */
	expiry: NodeJS.Timeout;
}

const cached = new WeakMap<Document, Shared>();
const watched = new WeakSet<Document>();

function forget(document: Document) {
	const shared = cached.get(document);
	if (!shared) return;
	clearTimeout(shared.expiry);
	cached.delete(document);
}

/** A sync message (step 1, step 2 or update) addressed to a document, as Hocuspocus frames it. */
export function syncMessage(documentName: string, step: number, payload: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, documentName);
	encoding.writeVarUint(e, MessageType.Sync);
	encoding.writeVarUint(e, step);
	encoding.writeVarUint8Array(e, payload);
	return encoding.toUint8Array(e);
}

/** True for the state vector of a client that has no content at all. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

/** Sync step 2 carrying the whole document, shared until the document changes or nobody asked for a second. */
export function wholeDocumentMessage(document: Document): Uint8Array {
	if (!watched.has(document)) {
		watched.add(document);
		document.on('update', () => forget(document));
	}
	let shared = cached.get(document);
	if (shared) shared.expiry.refresh();
	else {
		const expiry = setTimeout(() => cached.delete(document), SHARED_ENCODING_KEEP_MS);
		expiry.unref();
		shared = { message: syncMessage(document.name, messageYjsSyncStep2, Y.encodeStateAsUpdate(document)), expiry };
		cached.set(document, shared);
	}
	return shared.message;
}

/**
 * The whole document as one Yjs update: the same shared bytes as `wholeDocumentMessage` (its
 * payload is at the end of the message, so this is a view of it, not a copy). The editor page
 * fetches it over HTTP while its scripts load (routes/api/plans/[id]/state).
 */
export function wholeDocumentState(document: Document): Uint8Array {
	const reader = decoding.createDecoder(wholeDocumentMessage(document));
	decoding.readVarString(reader); // document name
	decoding.readVarUint(reader); // sync
	decoding.readVarUint(reader); // step 2
	return decoding.readVarUint8Array(reader);
}

/** The server's own sync step 1 (its state vector), so the client sends what the server lacks. */
export function serverStepOneMessage(document: Document): Uint8Array {
	return syncMessage(document.name, messageYjsSyncStep1, Y.encodeStateVector(document));
}
