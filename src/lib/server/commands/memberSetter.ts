/** Gives an organization member a role on a plan, or removes them from it. */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as users from '../db/users';
import * as planMembers from '../db/planMembers';
import { authorize, type Actor } from '../policies/plan';
import { loadPlanScene } from '../planAccess';
import { events } from '../events';
import * as audit from '../db/audit';
import type { CommitteeSeat, PlanRole } from '$lib/domain/roles';

export interface SetMemberProps {
	actor: Actor | null;
	planId: string;
	userId: string;
	/** null removes the member. */
	role: PlanRole | null;
	/** A seat on the member's committee (meeting mode); ignored for roles that are not committees. */
	seat?: CommitteeSeat | null;
}

export async function setMember(db: Database, props: SetMemberProps) {
	const scene = await loadPlanScene(db, props.actor, props.planId);
	if (!scene) error(404, 'not found');
	authorize(scene, 'manageMembers');
	const user = await users.byId(db, props.userId);
	// Members come from the plan's own organization only.
	if (!user || user.orgId !== scene.plan.orgId) error(404, 'no such user');
	await db.tx(async (tx) => {
		const seat = props.role === 'support_committee' || props.role === 'development_committee' ? (props.seat ?? null) : null;
		if (props.role) {
			await planMembers.set(tx, props.planId, props.userId, props.role);
			await planMembers.setSeat(tx, props.planId, props.userId, seat);
		} else await planMembers.remove(tx, props.planId, props.userId);
		await audit.record(tx, { orgId: scene.plan.orgId, planId: props.planId, actorId: props.actor!.id, action: 'members.set', data: { userId: props.userId, role: props.role, seat } });
	});
	events().emit('planAccessChanged', props.planId);
}
