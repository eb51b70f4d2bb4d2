/** The plans a user may open, each with the user's role and abilities (decided by the policy). */
import type { Database } from './db';
import * as plans from './db/plans';
import * as planMembers from './db/planMembers';
import { abilitiesFor, type Actor } from './policies/plan';
import { isPlanRole } from '$lib/domain/roles';
import { isPlanState } from '$lib/domain/workflow';

export async function readablePlans(db: Database, actor: Actor) {
	const [rows, memberships] = await Promise.all([plans.list(db, actor.orgId), planMembers.plansOf(db, actor.id)]);
	const roles = new Map(memberships.map((m) => [m.planId, m.role]));
	return rows.flatMap((row) => {
		const role = roles.get(row.id);
		if (!isPlanState(row.state)) return [];
		const abilities = abilitiesFor({ actor, plan: { id: row.id, orgId: row.orgId, state: row.state }, role: isPlanRole(role) ? role : null });
		return abilities.read ? [{ row, role: isPlanRole(role) ? role : null, abilities }] : [];
	});
}
