/** The progress layer's storage on both databases: upsert with history, steps, reports announced once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './index';
import { createTestDatabase } from '../../../../tests/helpers/postgres';
import * as progress from './progress';
import { notReported } from '$lib/domain/progress/statuses';

for (const dialect of ['sqlite', 'postgres'] as const) {
	describe(`progress storage on ${dialect}`, () => {
		let db: Database;
		let pgDb: Awaited<ReturnType<typeof createTestDatabase>> | null = null;

		beforeAll(async () => {
			if (dialect === 'postgres') {
				pgDb = await createTestDatabase();
				db = await openDatabase({ url: pgDb.url });
			} else db = await openDatabase({ file: ':memory:' });
			await db.orm.insert(db.t.organizations).values({ id: 'org1', type: 'เทศบาลตำบล', name: 'ทดสอบ', slug: 'test', createdAt: new Date() });
		});
		afterAll(async () => {
			await db?.close();
			await pgDb?.drop();
		});

		it('keeps one entry per row, every change in the history, amounts beyond 2^31 satang exact', async () => {
			const big = 99_999_999_999_999; // the largest budget a person may type, in satang
			await db.tx((tx) => progress.saveEntry(tx, 'org1', 2569, { ...notReported('PJ-1', 'project'), status: 'in_progress', disbursedSatang: 10_000_025 }, 'u1', new Date('2025-12-31T17:30:00Z')));
			await db.tx((tx) => progress.saveEntry(tx, 'org1', 2569, { ...notReported('PJ-1', 'project'), status: 'done', contractSatang: big, disbursedSatang: 47_950_050 }, 'u2', new Date('2026-02-03T03:00:00Z')));
			const [entry] = await progress.listEntries(db, 'org1', 2569);
			expect(entry).toMatchObject({ rowId: 'PJ-1', status: 'done', contractSatang: big, disbursedSatang: 47_950_050, updatedBy: 'u2' });
			expect((await progress.historyOf(db, 'org1', 2569, 'PJ-1')).map((h) => [h.changedBy, h.entry.status])).toEqual([['u1', 'in_progress'], ['u2', 'done']]);
			// 17:30 UTC on 31 December is already 1 January in Thailand.
			expect(await progress.disbursementSteps(db, 'org1', 2569)).toEqual([
				{ rowId: 'PJ-1', date: '2026-01-01', disbursedSatang: 10_000_025, dated: false },
				{ rowId: 'PJ-1', date: '2026-02-03', disbursedSatang: 47_950_050, dated: false }
			]);
			// A reported disbursed-on date dates the step, whenever it was saved.
			await db.tx((tx) => progress.saveEntry(tx, 'org1', 2569, { ...notReported('PJ-2', 'project'), disbursedSatang: 500, disbursedOn: '2025-11-30' }, 'u1', new Date('2026-03-01T03:00:00Z')));
			expect((await progress.listEntries(db, 'org1', 2569)).find((e) => e.rowId === 'PJ-2')?.disbursedOn).toBe('2025-11-30');
			expect((await progress.disbursementSteps(db, 'org1', 2569)).at(-1)).toEqual({ rowId: 'PJ-2', date: '2025-11-30', disbursedSatang: 500, dated: true });
			expect(await progress.listEntries(db, 'org1', 2570)).toEqual([]);
		});

		it('deletes an evidence file once, and knows when the last announced report was made', async () => {
			const file = { orgId: 'org1', fiscalYear: 2569, rowId: 'PJ-1', fileName: 'a.png', mimeType: 'image/png', size: 3, data: Buffer.from([1, 2, 3]), uploadedBy: 'u1', uploadedAt: new Date() };
			await progress.insertEvidence(db, { id: 'e1', ...file });
			expect(await progress.deleteEvidence(db, 'e1')).toBe(true);
			expect(await progress.deleteEvidence(db, 'e1')).toBe(false);
			expect(await progress.getEvidence(db, 'e1')).toBeNull();
			expect(await progress.lastAnnouncedReportMade(db, 'org1', 2569)).toBeNull();
			const report = { orgId: 'org1', fiscalYear: 2569, planId: 'p1', period: 'half', canonicalJson: '{}', sha256: 'x', createdBy: 'u1', presentedOn: null, announcedBy: null, announcedAt: null };
			await progress.insertReport(db, { id: 'r0', ...report, createdAt: new Date('2026-04-01T00:00:00Z') });
			await progress.insertReport(db, { id: 'r0b', ...report, createdAt: new Date('2026-04-03T00:00:00Z') });
			expect(await progress.lastAnnouncedReportMade(db, 'org1', 2569)).toBeNull();
			await progress.announceReport(db, 'r0', 'mayor', new Date(), '2026-04-02');
			expect(await progress.lastAnnouncedReportMade(db, 'org1', 2569)).toEqual(new Date('2026-04-01T00:00:00Z'));
			expect(await progress.lastAnnouncedReportMade(db, 'org1', 2570)).toBeNull();
		});

		it('announces a report once', async () => {
			await progress.insertReport(db, { id: 'r1', orgId: 'org1', fiscalYear: 2569, planId: 'p1', period: 'half', canonicalJson: '{}', sha256: 'x', createdBy: 'u1', createdAt: new Date(), presentedOn: null, announcedBy: null, announcedAt: null });
			const results = await Promise.all([progress.announceReport(db, 'r1', 'mayor', new Date(), '2026-04-20'), progress.announceReport(db, 'r1', 'mayor', new Date(), '2026-04-21')]);
			expect(results.filter(Boolean)).toHaveLength(1);
			expect((await progress.getReport(db, 'r1'))?.announcedBy).toBe('mayor');
		});
	});
}
