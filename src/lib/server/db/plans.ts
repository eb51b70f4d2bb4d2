/** Queries on the plans table. */
import { and, desc, eq } from 'drizzle-orm';
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
	fields: {
		orgId: string;
		fiscalYear: number;
		edition?: number;
		title: string;
		id?: string;
		editionKind?: 'original' | 'amendment' | 'addition';
		parentPlanId?: string | null;
		reason?: string;
	}
) {
	const now = new Date();
	const [row] = await db.orm
		.insert(db.t.plans)
		.values({
			id: fields.id ?? newId(),
			orgId: fields.orgId,
			fiscalYear: fields.fiscalYear,
			edition: fields.edition ?? 0,
			title: fields.title,
			state: 'draft',
			editionKind: fields.editionKind ?? 'original',
			parentPlanId: fields.parentPlanId ?? null,
			reason: fields.reason ?? '',
			createdAt: now,
			updatedAt: now
		})
		.returning();
	return row;
}

/** Moves a plan from `from` to `to`; false when its state was no longer `from` (a race lost). */
export async function setState(db: Database, id: string, from: string, to: string): Promise<boolean> {
	const { plans } = db.t;
	const rows = await db.orm
		.update(plans)
		.set({ state: to, updatedAt: new Date() })
		.where(and(eq(plans.id, id), eq(plans.state, from)))
		.returning({ id: plans.id });
	return rows.length === 1;
}

export async function touch(db: Database, id: string) {
	await db.orm.update(db.t.plans).set({ updatedAt: new Date() }).where(eq(db.t.plans.id, id));
}

/** Editions of one fiscal year of an organization, oldest first. */
export async function editionsOf(db: Database, orgId: string, fiscalYear: number) {
	const { plans } = db.t;
	return db.orm.select().from(plans).where(and(eq(plans.orgId, orgId), eq(plans.fiscalYear, fiscalYear))).orderBy(plans.edition);
}

export async function setSupersededBy(db: Database, id: string, by: string) {
	await db.orm.update(db.t.plans).set({ supersededBy: by }).where(eq(db.t.plans.id, id));
}

export async function setDeadline(db: Database, id: string, fields: { triggerDate?: string | null; extendedTo?: string | null; extensionReason?: string | null }) {
	await db.orm.update(db.t.plans).set(fields).where(eq(db.t.plans.id, id));
}
