/**
 * Several Yjs updates as one body — the plan document as the server holds it (one update) or
 * stores it (snapshot and log tail) — for GET /api/plans/<id>/state and the page that reads it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The updates framed as one body: their count, then each with its length (lib0 encoding). */
export function encodeUpdateList(updates: Uint8Array[]): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, updates.length);
	for (const update of updates) encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

/** The inverse of `encodeUpdateList` (the browser reads it; tests too). Throws on a malformed body. */
export function decodeUpdateList(body: Uint8Array): Uint8Array[] {
	const d = decoding.createDecoder(body);
	const count = decoding.readVarUint(d);
	const updates: Uint8Array[] = [];
	for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(d));
	if (decoding.hasContent(d)) throw new Error('trailing bytes after the update list');
	return updates;
}
