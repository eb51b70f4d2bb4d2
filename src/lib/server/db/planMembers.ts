/** Queries on plan membership (a user's role on a plan). */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './index';
import { isPlanRole, type PlanRole } from '$lib/domain/roles';

export async function roleOf(db: Database, planId: string, userId: string): Promise<PlanRole | null> {
	const { planMembers } = db.t;
	const [row] = await db.orm
		.select({ role: planMembers.role })
		.from(planMembers)
		.where(and(eq(planMembers.planId, planId), eq(planMembers.userId, userId)));
	return row && isPlanRole(row.role) ? row.role : null;
}

export async function set(db: Database, planId: string, userId: string, role: PlanRole) {
	const { planMembers } = db.t;
	await db.orm
		.insert(planMembers)
		.values({ planId, userId, role, createdAt: new Date() })
		.onConflictDoUpdate({ target: [planMembers.planId, planMembers.userId], set: { role } });
}

export async function remove(db: Database, planId: string, userId: string) {
	const { planMembers } = db.t;
	await db.orm.delete(planMembers).where(and(eq(planMembers.planId, planId), eq(planMembers.userId, userId)));
}

export async function listOfPlan(db: Database, planId: string) {
	const { planMembers, users } = db.t;
	return db.orm
		.select({ userId: users.id, displayName: users.displayName, username: users.username, position: users.position, role: planMembers.role })
		.from(planMembers)
		.innerJoin(users, eq(users.id, planMembers.userId))
		.where(eq(planMembers.planId, planId))
		.orderBy(asc(users.displayName));
}

/** Plan ids and roles of one user. */
export async function plansOf(db: Database, userId: string) {
	const { planMembers } = db.t;
	return db.orm.select({ planId: planMembers.planId, role: planMembers.role }).from(planMembers).where(eq(planMembers.userId, userId));
}
