/** Queries on the plans table. */
import { desc, eq } from 'drizzle-orm';
import type { Database } from './index';
import { newId } from '../ids';

export type PlanRow = Awaited<ReturnType<typeof get>> & object;

export async function get(db: Database, id: string) {
	const [row] = await db.orm.select().from(db.t.plans).where(eq(db.t.plans.id, id));
	return row ?? null;
}

export async function list(db: Database, orgId?: string) {
	const q = db.orm.select().from(db.t.plans);
	return (orgId ? q.where(eq(db.t.plans.orgId, orgId)) : q).orderBy(desc(db.t.plans.fiscalYear), desc(db.t.plans.updatedAt));
}

export async function create(
	db: Database,
	fields: { orgId: string; fiscalYear: number; edition?: number; title: string; id?: string }
) {
	const now = new Date();
	const [row] = await db.orm
		.insert(db.t.plans)
		.values({ id: fields.id ?? newId(), orgId: fields.orgId, fiscalYear: fields.fiscalYear, edition: fields.edition ?? 0, title: fields.title, state: 'draft', createdAt: now, updatedAt: now })
		.returning();
	return row;
}
