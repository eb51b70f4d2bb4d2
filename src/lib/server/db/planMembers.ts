/** Queries on plan membership (a user's role on a plan). */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './index';
import { isCommitteeSeat, isPlanRole, type CommitteeSeat, type PlanRole } from '$lib/domain/roles';

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
	const { planMembers, committeeSeats } = db.t;
	await db.orm.delete(committeeSeats).where(and(eq(committeeSeats.planId, planId), eq(committeeSeats.userId, userId)));
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

// ───────────── committee seats (meeting mode) ─────────────

/** The user's seat (chair, secretary) on their committee for this plan, or null. */
export async function seatOf(db: Database, planId: string, userId: string): Promise<CommitteeSeat | null> {
	const { committeeSeats } = db.t;
	const [row] = await db.orm
		.select({ seat: committeeSeats.seat })
		.from(committeeSeats)
		.where(and(eq(committeeSeats.planId, planId), eq(committeeSeats.userId, userId)));
	return row && isCommitteeSeat(row.seat) ? row.seat : null;
}

/** Gives or takes a seat; a committee has one chair and one secretary, so a new holder replaces the old. */
export async function setSeat(db: Database, planId: string, userId: string, seat: CommitteeSeat | null) {
	const { committeeSeats } = db.t;
	await db.orm.delete(committeeSeats).where(and(eq(committeeSeats.planId, planId), eq(committeeSeats.userId, userId)));
	if (!seat) return;
	const role = await roleOf(db, planId, userId);
	const holders = await db.orm
		.select({ userId: committeeSeats.userId })
		.from(committeeSeats)
		.where(and(eq(committeeSeats.planId, planId), eq(committeeSeats.seat, seat)));
	for (const h of holders) if ((await roleOf(db, planId, h.userId)) === role) await db.orm.delete(committeeSeats).where(and(eq(committeeSeats.planId, planId), eq(committeeSeats.userId, h.userId)));
	await db.orm.insert(committeeSeats).values({ planId, userId, seat, createdAt: new Date() });
}

/** Seats on a plan by user id. */
export async function seatsOfPlan(db: Database, planId: string): Promise<Map<string, CommitteeSeat>> {
	const { committeeSeats } = db.t;
	const rows = await db.orm.select({ userId: committeeSeats.userId, seat: committeeSeats.seat }).from(committeeSeats).where(eq(committeeSeats.planId, planId));
	return new Map(rows.filter((r) => isCommitteeSeat(r.seat)).map((r) => [r.userId, r.seat as CommitteeSeat]));
}
