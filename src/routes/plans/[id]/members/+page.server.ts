import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { choice, id, readForm } from '$lib/server/input';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import * as planMembers from '$lib/server/db/planMembers';
import * as users from '$lib/server/db/users';
import { setMember } from '$lib/server/commands/memberSetter';
import { committeeSeats, planRoles } from '$lib/domain/roles';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'manageMembers');
	const [members, orgUsers] = await Promise.all([planMembers.listOfPlan(db, params.id), users.listInOrg(db, user.orgId)]);
	const roles = new Map(members.map((m) => [m.userId, m.role]));
	const seats = await planMembers.seatsOfPlan(db, params.id);
	return {
		plan: { id: scene.row.id, title: scene.row.title },
		people: orgUsers.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, displayName: u.displayName, position: u.position, role: roles.get(u.id) ?? '', seat: seats.get(u.id) ?? '' }))
	};
}

// An empty role removes the member from the plan.
const memberForm = v.object({
	userId: id(),
	role: v.optional(v.union([choice(planRoles), v.literal('')], 'invalidInput'), ''),
	seat: v.optional(v.union([choice(committeeSeats), v.literal('')], 'invalidInput'), '')
});

export const actions = {
	default: async ({ params, request, locals }) => {
		const input = await readForm(request, memberForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const { userId, role, seat } = input.value;
		await setMember((await runtime()).db, { actor: locals.user, planId: params.id, userId, role: role || null, seat: seat || null });
		return { saved: true };
	}
};
