/** The update log on an in-memory SQLite database: group commit, the draft check, first content. */
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

async function withDraftPlans(...ids: string[]) {
	db = await openDatabase({ file: ':memory:' });
	const { organizations, plans } = db.t;
	await db.orm.insert(organizations).values({ id: 'org1', type: 'เทศบาลตำบล', name: 'ทดสอบ', slug: 'test', createdAt: new Date() });
	for (const id of ids) await db.orm.insert(plans).values({ id, orgId: 'org1', fiscalYear: 2569, title: 'x', state: 'draft', createdAt: new Date(), updatedAt: new Date() });
}

describe('the update log', () => {
	it('commits appends of one turn together, each with its own increasing seq and user', async () => {
		await withDraftPlans('planaaaaaaaa', 'planbbbbbbbb');
		const seqs = await Promise.all([
			docLog.append(db, 'plan.planaaaaaaaa', update('x'), 'u1', 'planaaaaaaaa'),
			docLog.append(db, 'plan.planaaaaaaaa', update('y'), 'u2', 'planaaaaaaaa'),
			docLog.append(db, 'plan.planbbbbbbbb', update('z'), null, 'planbbbbbbbb')
		]);
		expect(seqs).toEqual([1, 2, 3]);
		const entries = await docLog.entries(db, 'plan.planaaaaaaaa');
		expect(entries.map((e) => [e.seq, e.userId])).toEqual([[1, 'u1'], [2, 'u2']]);
		expect(await docLog.append(db, 'plan.planaaaaaaaa', update('w'), 'u1', 'planaaaaaaaa')).toBe(4);
		const stored = await docLog.readStored(db, 'plan.planaaaaaaaa');
		expect(stored.tail.map((e) => e.seq)).toEqual([1, 2, 4]);
		expect(await docLog.loggedBytesSince(db, 'plan.planaaaaaaaa', new Date(Date.now() - 60_000))).toBe(stored.tail.reduce((n, e) => n + e.data.byteLength, 0));
	});

	it('writes a first update only into an empty document', async () => {
		await withDraftPlans('planaaaaaaaa');
		expect(await db.tx((tx) => docLog.appendFirst(tx, 'plan.planaaaaaaaa', update('a'), 'u1'))).toBe(1);
		await expect(db.tx((tx) => docLog.appendFirst(tx, 'plan.planaaaaaaaa', update('b'), 'u1'))).rejects.toThrow(/already has content/);
		expect((await docLog.entries(db, 'plan.planaaaaaaaa')).length).toBe(1);
	});
});

describe('appends to plan content', () => {
	it('happen only while the plan is a draft, checked in the same transaction', async () => {
		await withDraftPlans('planaaaaaaaa');
		const { plans } = db.t;
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
