/** The plan store on an in-memory SQLite database: first content, writes, refusals, compaction. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type Database } from '../db';
import * as docLog from '../db/docLog';
import { addSection, getMeta, listSections, setMeta } from '$lib/domain/plan/doc';
import { initNewPlan } from '$lib/domain/plan/newPlan';
import { PlanWriteRefused, compactPlan, createPlanContent, setPlanLimits, withStoredPlan, writePlan } from './planStore';

let db: Database;
afterEach(async () => {
	setPlanLimits({});
	await db?.close();
});

const PLAN = 'planaaaaaaaa';
const DOC = `plan.${PLAN}`;

async function newPlan() {
	db = await openDatabase({ file: ':memory:' });
	const { organizations, plans } = db.t;
	await db.orm.insert(organizations).values({ id: 'org1', type: 'เทศบาลตำบล', name: 'ทดสอบ', slug: 'test', createdAt: new Date() });
	await db.tx(async (tx) => {
		await tx.orm.insert(plans).values({ id: PLAN, orgId: 'org1', fiscalYear: 2569, title: 'x', state: 'draft', createdAt: new Date(), updatedAt: new Date() });
		await createPlanContent(tx, PLAN, 'u1', (doc) => initNewPlan(doc, { title: 'แผน', fiscalYear: 2569, organization: {} }));
	});
}

const reason = async (p: Promise<unknown>) => p.then(() => 'stored', (e) => (e instanceof PlanWriteRefused ? e.reason : Promise.reject(e)));

describe('the plan store', () => {
	it('stores edits attributed to their author and rebuilds them, before and after compaction', async () => {
		await newPlan();
		const { seq, result } = await writePlan(db, PLAN, { edit: (doc) => addSection(doc, { title: 'ภาคผนวก' }) }, { author: 'u2' });
		expect(seq).toBe(2);
		expect(typeof result).toBe('string');
		const titles = () => withStoredPlan(db, PLAN, (doc) => listSections(doc).map((s) => s.title));
		expect(await titles()).toContain('ภาคผนวก');
		expect(await compactPlan(db, DOC)).toBe(2);
		expect(await titles()).toContain('ภาคผนวก');
		expect((await docLog.entries(db, DOC)).map((e) => e.userId)).toEqual(['u1', 'u2']);
		// An edit that changes nothing stores nothing.
		expect((await writePlan(db, PLAN, { edit: () => undefined }, { author: 'u2' })).seq).toBeNull();
	});

	it('refuses first content for a plan that has some, foreign shapes, and anything once the plan left draft', async () => {
		await newPlan();
		await expect(db.tx((tx) => createPlanContent(tx, PLAN, 'u1', (doc) => setMeta(doc, { title: 'again' })))).rejects.toThrow(/already has content/);
		const foreign = new Y.Doc();
		foreign.getText('payload').insert(0, 'x');
		expect(await reason(writePlan(db, PLAN, { update: Y.encodeStateAsUpdate(foreign) }, { author: 'u2' }))).toBe('shape');
		await db.orm.update(db.t.plans).set({ state: 'review' });
		expect(await reason(writePlan(db, PLAN, { edit: (doc) => setMeta(doc, { title: 'ช้าไป' }) }, { author: 'u2' }))).toBe('notDraft');
		expect(await withStoredPlan(db, PLAN, (doc) => getMeta(doc).title)).toBe('แผน');
		expect((await docLog.entries(db, DOC)).length).toBe(1);
	});

	it('refuses growth past the size bound but lets deletions through', async () => {
		await newPlan();
		const stored = await withStoredPlan(db, PLAN, (_doc, read) => read.bytes);
		setPlanLimits({ maxBytes: stored + 10_000, maxGrowthPerHour: 10 * 1024 * 1024 });
		expect(await reason(writePlan(db, PLAN, { edit: (doc) => setMeta(doc, { preparedBy: 'ก'.repeat(2000) }) }, { author: 'u2' }))).toBe('stored');
		expect(await reason(writePlan(db, PLAN, { edit: (doc) => setMeta(doc, { preparedBy: 'ข'.repeat(3000) }) }, { author: 'u2' }))).toBe('tooLarge');
		expect(await reason(writePlan(db, PLAN, { edit: (doc) => doc.getMap('meta').delete('preparedBy') }, { author: 'u2' }))).toBe('stored');
	});
});
