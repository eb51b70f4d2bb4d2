/** The approval and the announcement of a plan: each written once, never changed. */
import { eq } from 'drizzle-orm';
import type { Database } from './index';

export type ApprovalRow = typeof import('./schema/sqlite').approvals.$inferSelect;
export type AnnouncementRow = typeof import('./schema/sqlite').announcements.$inferSelect;

/** Replaces an approval that a later return-for-changes made void (one per plan). */
export async function putApproval(db: Database, row: ApprovalRow) {
	const { approvals } = db.t;
	await db.orm.delete(approvals).where(eq(approvals.planId, row.planId));
	await db.orm.insert(approvals).values(row);
}

export async function approvalOf(db: Database, planId: string) {
	const [row] = await db.orm.select().from(db.t.approvals).where(eq(db.t.approvals.planId, planId));
	return row ?? null;
}

export async function insertAnnouncement(db: Database, row: AnnouncementRow) {
	await db.orm.insert(db.t.announcements).values(row);
}

export async function announcementOf(db: Database, planId: string) {
	const [row] = await db.orm.select().from(db.t.announcements).where(eq(db.t.announcements.planId, planId));
	return row ?? null;
}
