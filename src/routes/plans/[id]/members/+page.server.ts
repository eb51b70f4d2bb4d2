import { error } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import * as planMembers from '$lib/server/db/planMembers';
import * as users from '$lib/server/db/users';
import { setMember } from '$lib/server/commands/memberSetter';
import { isPlanRole } from '$lib/domain/roles';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'manageMembers');
	const [members, orgUsers] = await Promise.all([planMembers.listOfPlan(db, params.id), users.listInOrg(db, user.orgId)]);
	const roles = new Map(members.map((m) => [m.userId, m.role]));
	return {
		plan: { id: scene.row.id, title: scene.row.title },
		people: orgUsers.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, displayName: u.displayName, position: u.position, role: roles.get(u.id) ?? '' }))
	};
}

export const actions = {
	default: async ({ params, request, locals }) => {
		const form = await request.formData();
		const role = String(form.get('role') ?? '');
		await setMember((await runtime()).db, { actor: locals.user, planId: params.id, userId: String(form.get('userId')), role: isPlanRole(role) ? role : null });
		return { saved: true };
	}
};
