import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { readServerSyncMessage } from './syncMessages';

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, 'plan:1');
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
}

describe('reading the server sync messages', () => {
	it('reads the state vector, the content and the stored/refused answer', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'x');
		const sv = Y.encodeStateVector(doc);
		expect(readServerSyncMessage(message(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, sv))))).toEqual({ kind: 'stateVector', stateVector: sv });
		const update = Y.encodeStateAsUpdate(doc);
		expect(readServerSyncMessage(message(0, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))))).toEqual({ kind: 'content', update, step2: true });
		expect(readServerSyncMessage(message(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))))).toEqual({ kind: 'content', update, step2: false });
		expect(readServerSyncMessage(message(8, (e) => encoding.writeVarUint(e, 0)))).toEqual({ kind: 'status', stored: false });
		expect(readServerSyncMessage(message(8, (e) => encoding.writeVarUint(e, 1)))).toEqual({ kind: 'status', stored: true });
	});

	it('ignores other messages and garbage', () => {
		expect(readServerSyncMessage(message(1, (e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 2]))))).toBeNull();
		expect(readServerSyncMessage(new Uint8Array([0xff, 0xff, 0xff]))).toBeNull();
		expect(readServerSyncMessage(new Uint8Array())).toBeNull();
		expect(readServerSyncMessage(message(0, (e) => encoding.writeVarUint(e, 7)))).toBeNull();
	});
});
