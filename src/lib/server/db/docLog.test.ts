/** The update log on an in-memory SQLite database: group commit, snapshots, compaction. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type Database } from './index';
import * as docLog from './docLog';

let db: Database;
afterEach(async () => {
	await db?.close();
});

function update(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

describe('the update log', () => {
	it('commits appends of one turn together, each with its own increasing seq and user', async () => {
		db = await openDatabase({ file: ':memory:' });
		const seqs = await Promise.all([docLog.append(db, 'plan.a', update('x'), 'u1'), docLog.append(db, 'plan.a', update('y'), 'u2'), docLog.append(db, 'plan.b', update('z'), null)]);
		expect(seqs).toEqual([1, 2, 3]);
		const entries = await docLog.entries(db, 'plan.a');
		expect(entries.map((e) => [e.seq, e.userId])).toEqual([[1, 'u1'], [2, 'u2']]);
		expect(await docLog.append(db, 'plan.a', update('w'), 'u1')).toBe(4);
	});

	it('rebuilds a document from snapshot + tail, before and after compaction, keeping the log', async () => {
		db = await openDatabase({ file: ':memory:' });
		const source = new Y.Doc();
		source.on('update', (u: Uint8Array) => void docLog.append(db, 'plan.c', u, 'u1'));
		for (let i = 0; i < 20; i++) source.getArray('a').push([i]);
		await new Promise((r) => setImmediate(r));
		await new Promise((r) => setTimeout(r, 10));
		const rebuilt = () => {
			const doc = new Y.Doc();
			return docLog.read(db, 'plan.c').then((stored) => (docLog.applyStored(doc, stored, 'test'), doc.getArray('a').toArray()));
		};
		expect(await rebuilt()).toEqual([...Array(20).keys()]);
		expect(await docLog.compact(db, 'plan.c')).toBe(20);
		const stored = await docLog.read(db, 'plan.c');
		expect(stored.tail).toEqual([]);
		expect(stored.uptoSeq).toBe(20);
		expect(await rebuilt()).toEqual([...Array(20).keys()]);
		expect((await docLog.entries(db, 'plan.c')).length).toBe(20);
	});
});

describe('appends to plan content', () => {
	it('happen only while the plan is a draft, checked in the same transaction', async () => {
		db = await openDatabase({ file: ':memory:' });
		const { organizations, plans } = db.t;
		await db.orm.insert(organizations).values({ id: 'org1', type: 'เทศบาลตำบล', name: 'ทดสอบ', slug: 'test', createdAt: new Date() });
		await db.orm.insert(plans).values({ id: 'planaaaaaaaa', orgId: 'org1', fiscalYear: 2569, title: 'x', state: 'draft', createdAt: new Date(), updatedAt: new Date() });
		expect(await docLog.append(db, 'plan.planaaaaaaaa', update('a'), 'u1', 'planaaaaaaaa')).toBe(1);
		// A transition commits while appends wait for their group commit: they are refused.
		const before = docLog.append(db, 'plan.planaaaaaaaa', update('b'), 'u1', 'planaaaaaaaa');
		await db.tx(async (tx) => void (await tx.orm.update(plans).set({ state: 'review' })));
		const after = docLog.append(db, 'plan.planaaaaaaaa', update('c'), 'u1', 'planaaaaaaaa');
		expect(await before).toBeNull();
		expect(await after).toBeNull();
		expect((await docLog.entries(db, 'plan.planaaaaaaaa')).length).toBe(1);
	});
});
