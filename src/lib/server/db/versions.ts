/** Queries on frozen plan versions. Rows are written once and never updated. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from './index';

export type VersionRow = typeof import('./schema/sqlite').planVersions.$inferSelect;

export async function insert(db: Database, row: VersionRow) {
	await db.orm.insert(db.t.planVersions).values(row);
}

/** Versions of a plan, newest first, without their (large) content. */
export async function listOfPlan(db: Database, planId: string) {
	const v = db.t.planVersions;
	return db.orm
		.select({ id: v.id, name: v.name, kind: v.kind, state: v.state, sha256: v.sha256, createdBy: v.createdBy, createdAt: v.createdAt, logSeq: v.logSeq })
		.from(v)
		.where(eq(v.planId, planId))
		.orderBy(desc(v.createdAt));
}

export async function get(db: Database, planId: string, id: string) {
	const v = db.t.planVersions;
	const [row] = await db.orm.select().from(v).where(and(eq(v.planId, planId), eq(v.id, id)));
	return row ?? null;
}

