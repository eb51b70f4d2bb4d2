import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { MAX_CLIENTS_PER_CONNECTION, stampAwarenessUpdate, type ClientOwnership } from './presence';

const officer = { name: 'เจ้าหน้าที่วิเคราะห์', role: 'viewer', color: '#2ca02c' };

function update(states: [clientId: number, state: unknown][]): Uint8Array {
	const doc = new Y.Doc();
	const awareness = new Awareness(doc);
	for (const [clientId, state] of states) {
		awareness.states.set(clientId, state as Record<string, unknown>);
		awareness.meta.set(clientId, { clock: 1, lastUpdated: 0 });
	}
	return encodeAwarenessUpdate(awareness, states.map(([id]) => id));
}

function decode(bytes: Uint8Array | null) {
	if (!bytes) return null;
	const d = decoding.createDecoder(bytes);
	const n = decoding.readVarUint(d);
	return Array.from({ length: n }, () => ({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: JSON.parse(decoding.readVarString(d)) }));
}

const owner = (own: number[], others: number[] = []): ClientOwnership => ({
	owns: (id) => own.includes(id),
	heldByOthers: (id) => others.includes(id),
	count: () => own.length
});

describe('stampAwarenessUpdate', () => {
	it('replaces the claimed identity with the server\'s and keeps a well-formed cursor and cell', () => {
		const cursor = { anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 }, head: { type: null, tname: 'body', item: null, assoc: -1 } };
		const cell = { table: 'projects', rowId: 'r1', col: 'name' };
		const claimed = { user: { name: 'นายกเทศมนตรี', color: 'red;background:url(//evil)', role: 'executive' }, role: 'executive', cursor, cell, extra: 'x'.repeat(100) };
		const [entry] = decode(stampAwarenessUpdate(update([[7, claimed]]), officer, owner([])))!;
		expect(entry.clientId).toBe(7);
		expect(entry.state).toEqual({ user: { name: officer.name, color: officer.color, role: 'viewer' }, cursor, cell });
	});

	it('drops malformed positions but keeps the entry', () => {
		const [entry] = decode(stampAwarenessUpdate(update([[7, { cursor: { anchor: 5, head: 6 }, cell: { table: ['x'] } }]]), officer, owner([7])))!;
		expect(entry.state).toEqual({ user: { name: officer.name, color: officer.color, role: 'viewer' } });
	});

	it('refuses entries for client IDs someone else holds, including removals', () => {
		const out = stampAwarenessUpdate(update([[8, { user: { name: 'x' } }], [9, null]]), officer, owner([], [8, 9]));
		expect(out).toBeNull();
	});

	it('lets a connection remove its own state', () => {
		expect(decode(stampAwarenessUpdate(update([[7, null]]), officer, owner([7])))).toEqual([{ clientId: 7, clock: 1, state: null }]);
	});

	it('caps the client IDs one connection may hold', () => {
		const states: [number, unknown][] = Array.from({ length: 10 }, (_, i) => [100 + i, {}]);
		expect(decode(stampAwarenessUpdate(update(states), officer, owner([])))!.length).toBe(MAX_CLIENTS_PER_CONNECTION);
	});

	it('refuses a state that is not a JSON object or is too large', () => {
		expect(stampAwarenessUpdate(update([[7, 'hello']]), officer, owner([7]))).toBeNull();
		expect(stampAwarenessUpdate(update([[7, { cell: { table: 'x'.repeat(5000) } }]]), officer, owner([7]))).toBeNull();
	});

	it("stamps the connection's user id over a claimed one (followers follow only the presenter's), and keeps a well-formed view", () => {
		const me = { ...officer, id: 'u-officer' };
		const view = { part: 'pd02', y: 0.25, rowId: 'PJ-001', col: 'budget' };
		const [entry] = decode(stampAwarenessUpdate(update([[7, { user: { id: 'u-secretary', name: 'เลขานุการ' }, view }]]), me, owner([7])))!;
		expect(entry.state).toEqual({ user: { id: 'u-officer', name: officer.name, color: officer.color, role: 'viewer' }, view });
		for (const bad of [{ part: 'body', y: 0 }, { part: 'pd02', y: 2 }, { part: 'pd02', y: Number.NaN }, { part: 'pd02', y: 0, rowId: 'x'.repeat(129) }, { part: 'pd02', y: 0, col: 5 }, 'pd02']) {
			const [e] = decode(stampAwarenessUpdate(update([[7, { view: bad }]]), me, owner([7])))!;
			expect(e.state.view, JSON.stringify(bad)).toBeUndefined();
		}
		const [cleared] = decode(stampAwarenessUpdate(update([[7, { view: null }]]), me, owner([7])))!;
		expect(cleared.state.view).toBeNull();
	});
});
