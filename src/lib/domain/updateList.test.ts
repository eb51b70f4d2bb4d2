import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateList, encodeUpdateList } from './updateList';

describe('update list (the plan state fetched over HTTP)', () => {
	it('carries a snapshot and later updates that rebuild the same document', () => {
		const source = new Y.Doc();
		source.getMap('m').set('a', 1);
		const snapshot = Y.encodeStateAsUpdate(source);
		const before = Y.encodeStateVector(source);
		source.getText('t').insert(0, 'แผนดำเนินงาน');
		const later = Y.encodeStateAsUpdate(source, before);
		const copy = new Y.Doc();
		for (const update of decodeUpdateList(encodeUpdateList([snapshot, later]))) Y.applyUpdate(copy, update);
		expect(copy.getText('t').toString()).toBe('แผนดำเนินงาน');
		expect(copy.getMap('m').get('a')).toBe(1);
		expect(decodeUpdateList(encodeUpdateList([]))).toEqual([]);
	});

	it('refuses a cut-off body, trailing bytes and a count the body does not hold', () => {
		const body = encodeUpdateList([new Uint8Array([1, 2, 3]), new Uint8Array(300)]);
		expect(() => decodeUpdateList(body.subarray(0, body.length - 10))).toThrow();
		expect(() => decodeUpdateList(new Uint8Array([...body, 7]))).toThrow();
		expect(() => decodeUpdateList(new Uint8Array([0xff, 0xff, 0xff, 0x0f]))).toThrow();
		expect(() => decodeUpdateList(new Uint8Array())).toThrow();
	});
});
