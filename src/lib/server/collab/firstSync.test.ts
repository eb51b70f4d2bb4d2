import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { SHARED_ENCODING_KEEP_MS, wholeDocumentMessage } from './firstSync';

function planDocument() {
	const document = new Document('plan.p1');
	document.getMap('meta').set('title', 'แผนพัฒนาท้องถิ่น');
	return document;
}

describe('the whole-document answer to first syncs', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is encoded once for sockets that ask one after another', () => {
		const document = planDocument();
		const first = wholeDocumentMessage(document);
		for (let i = 0; i < 5; i++) {
			vi.advanceTimersByTime(SHARED_ENCODING_KEEP_MS - 1);
			expect(wholeDocumentMessage(document)).toBe(first);
		}
	});

	it('is not held once nobody has asked for a while, and is encoded again with the same content', () => {
		const document = planDocument();
		const first = wholeDocumentMessage(document);
		vi.advanceTimersByTime(SHARED_ENCODING_KEEP_MS);
		const again = wholeDocumentMessage(document);
		expect(again).not.toBe(first);
		expect(again).toEqual(first);
	});

	it('follows the document when it changes', () => {
		const document = planDocument();
		const before = wholeDocumentMessage(document);
		document.getMap('meta').set('title', 'ฉบับแก้ไข');
		const after = wholeDocumentMessage(document);
		expect(after).not.toEqual(before);
		// name, Sync, step 2, then the update: a client that applies it has the new title.
		const d = decoding.createDecoder(after);
		expect(decoding.readVarString(d)).toBe('plan.p1');
		decoding.readVarUint(d);
		decoding.readVarUint(d);
		const client = new Y.Doc();
		Y.applyUpdate(client, decoding.readVarUint8Array(d));
		expect(client.getMap('meta').get('title')).toBe('ฉบับแก้ไข');
	});
});
