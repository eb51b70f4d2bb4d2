/**
 * Queries on the progress layer: entries (one per row of an organization's fiscal year), their
 * history (every saved state, with who and when) and frozen monitoring reports.
 */
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from './index';
import { canonicalJson } from '$lib/domain/canonicalJson';
import { bangkokDate, type DisbursementStep, type ProgressEntry, type ProgressStatus, type RowKind } from '$lib/domain/progress/statuses';

export interface SavedEntry extends ProgressEntry {
	updatedBy: string;
	updatedAt: Date;
}

export async function listEntries(db: Database, orgId: string, fiscalYear: number): Promise<SavedEntry[]> {
	const p = db.t.progressEntries;
	const rows = await db.orm.select().from(p).where(and(eq(p.orgId, orgId), eq(p.fiscalYear, fiscalYear)));
	return rows.map((r) => ({
		rowId: r.rowId,
		rowKind: r.rowKind as RowKind,
		status: r.status as ProgressStatus,
		contractSatang: r.contractSatang,
		disbursedSatang: r.disbursedSatang,
		disbursedOn: r.disbursedOn,
		startDate: r.startDate,
		endDate: r.endDate,
		note: r.note,
		updatedBy: r.updatedBy,
		updatedAt: r.updatedAt
	}));
}

/** Writes an entry and its history row. Call inside a transaction. */
export async function saveEntry(db: Database, orgId: string, fiscalYear: number, entry: ProgressEntry, userId: string, at = new Date()): Promise<void> {
	const p = db.t.progressEntries;
	const fields = {
		rowKind: entry.rowKind,
		status: entry.status,
		contractSatang: entry.contractSatang,
		disbursedSatang: entry.disbursedSatang,
		disbursedOn: entry.disbursedOn,
		startDate: entry.startDate,
		endDate: entry.endDate,
		note: entry.note,
		updatedBy: userId,
		updatedAt: at
	};
	await db.orm
		.insert(p)
		.values({ orgId, fiscalYear, rowId: entry.rowId, ...fields })
		.onConflictDoUpdate({ target: [p.orgId, p.fiscalYear, p.rowId], set: fields });
	await db.orm.insert(db.t.progressHistory).values({ orgId, fiscalYear, rowId: entry.rowId, data: canonicalJson(entry), changedBy: userId, changedAt: at });
}

/** Every saved change of a row, oldest first. */
export async function historyOf(db: Database, orgId: string, fiscalYear: number, rowId: string) {
	const h = db.t.progressHistory;
	const rows = await db.orm
		.select()
		.from(h)
		.where(and(eq(h.orgId, orgId), eq(h.fiscalYear, fiscalYear), eq(h.rowId, rowId)))
		.orderBy(asc(h.seq));
	return rows.map((r) => ({ entry: JSON.parse(r.data) as ProgressEntry, changedBy: r.changedBy, changedAt: r.changedAt }));
}

/**
 * The disbursed running total after every saved change, oldest first, dated by its reported
 * disbursed-on date or else the day it was saved in Thailand (history saved before the date
 * existed has none).
 */
export async function disbursementSteps(db: Database, orgId: string, fiscalYear: number): Promise<DisbursementStep[]> {
	const h = db.t.progressHistory;
	const rows = await db.orm
		.select({ rowId: h.rowId, data: h.data, changedAt: h.changedAt })
		.from(h)
		.where(and(eq(h.orgId, orgId), eq(h.fiscalYear, fiscalYear)))
		.orderBy(asc(h.seq));
	return rows.map((r) => {
		const entry = JSON.parse(r.data) as Partial<ProgressEntry> & { disbursedSatang: number };
		return entry.disbursedOn
			? { rowId: r.rowId, date: entry.disbursedOn, disbursedSatang: entry.disbursedSatang, dated: true }
			: { rowId: r.rowId, date: bangkokDate(r.changedAt), disbursedSatang: entry.disbursedSatang, dated: false };
	});
}

export type ReportRow = typeof import('./schema/sqlite').progressReports.$inferSelect;

export async function insertReport(db: Database, row: ReportRow): Promise<void> {
	await db.orm.insert(db.t.progressReports).values(row);
}

export async function getReport(db: Database, id: string): Promise<ReportRow | null> {
	const [row] = await db.orm.select().from(db.t.progressReports).where(eq(db.t.progressReports.id, id));
	return row ?? null;
}

export async function reportsOf(db: Database, orgId: string, fiscalYear: number): Promise<ReportRow[]> {
	const r = db.t.progressReports;
	return db.orm.select().from(r).where(and(eq(r.orgId, orgId), eq(r.fiscalYear, fiscalYear))).orderBy(desc(r.createdAt));
}

/** Marks a report announced, once; false when it already was (or does not exist). */
export async function announceReport(db: Database, id: string, by: string, at: Date, presentedOn: string): Promise<boolean> {
	const r = db.t.progressReports;
	const rows = await db.orm
		.update(r)
		.set({ announcedBy: by, announcedAt: at, presentedOn })
		.where(and(eq(r.id, id), isNull(r.announcedAt)))
		.returning({ id: r.id });
	return rows.length > 0;
}

export type EvidenceRow = typeof import('./schema/sqlite').progressEvidence.$inferSelect;

export async function insertEvidence(db: Database, row: EvidenceRow): Promise<void> {
	await db.orm.insert(db.t.progressEvidence).values(row);
}

/** Evidence of a fiscal year without the file bytes, oldest first. */
export async function evidenceOfYear(db: Database, orgId: string, fiscalYear: number) {
	const e = db.t.progressEvidence;
	return db.orm
		.select({ id: e.id, rowId: e.rowId, fileName: e.fileName, mimeType: e.mimeType, size: e.size, uploadedBy: e.uploadedBy, uploadedAt: e.uploadedAt })
		.from(e)
		.where(and(eq(e.orgId, orgId), eq(e.fiscalYear, fiscalYear)))
		.orderBy(asc(e.uploadedAt));
}

export async function getEvidence(db: Database, id: string): Promise<EvidenceRow | null> {
	const [row] = await db.orm.select().from(db.t.progressEvidence).where(eq(db.t.progressEvidence.id, id));
	return row ?? null;
}

/** Removes an evidence file (its bytes live in the row); false when it was already gone. */
export async function deleteEvidence(db: Database, id: string): Promise<boolean> {
	const e = db.t.progressEvidence;
	const rows = await db.orm.delete(e).where(eq(e.id, id)).returning({ id: e.id });
	return rows.length > 0;
}

/** When the latest announced report of a fiscal year was made, or null while none is announced. */
export async function lastAnnouncedReportMade(db: Database, orgId: string, fiscalYear: number): Promise<Date | null> {
	const r = db.t.progressReports;
	const [row] = await db.orm
		.select({ createdAt: r.createdAt })
		.from(r)
		.where(and(eq(r.orgId, orgId), eq(r.fiscalYear, fiscalYear), isNotNull(r.announcedAt)))
		.orderBy(desc(r.createdAt))
		.limit(1);
	return row?.createdAt ?? null;
}
