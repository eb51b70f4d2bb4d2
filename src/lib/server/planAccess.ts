/** Loads what the plan policy needs to answer for one user and one plan. */
import type { Database } from './db';
import * as plans from './db/plans';
import * as planMembers from './db/planMembers';
import type { Actor, PlanScene } from './policies/plan';
import { isPlanState } from '$lib/domain/workflow';

export type PlanRow = NonNullable<Awaited<ReturnType<typeof plans.get>>>;

/** The plan and the actor's role on it, or null when the plan does not exist. */
export async function loadPlanScene(db: Database, actor: Actor | null, planId: string): Promise<(PlanScene & { row: PlanRow }) | null> {
	const row = await plans.get(db, planId);
	if (!row || !isPlanState(row.state)) return null;
	const role = actor && actor.orgId === row.orgId ? await planMembers.roleOf(db, planId, actor.id) : null;
	const seat = role ? await planMembers.seatOf(db, planId, actor!.id) : null;
	return { actor, plan: { id: row.id, orgId: row.orgId, state: row.state }, role, seat, row };
}
