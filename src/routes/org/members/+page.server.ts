import { error, fail } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { orgAbilitiesFor } from '$lib/server/policies/org';
import * as users from '$lib/server/db/users';
import { createInvitation } from '$lib/server/commands/invitationCreator';
import { revokeSessions, setAccountDisabled } from '$lib/server/commands/accountManager';
import * as v from 'valibot';
import { orgRoles } from '$lib/domain/roles';
import { choice, flag, id, parseInput, readForm, requiredText, text } from '$lib/server/input';
import { listDepartments, membershipsInOrg } from '$lib/server/db/departments';
import { setMemberDepartments } from '$lib/server/commands/departmentKeeper';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const abilities = orgAbilitiesFor(user, user.orgId);
	if (!abilities.inviteMembers && !abilities.manageAccounts) error(403, 'forbidden');
	const { db } = await runtime();
	const rows = await users.listInOrg(db, user.orgId);
	const [departments, memberships] = abilities.manageDepartments ? await Promise.all([listDepartments(db, user.orgId), membershipsInOrg(db, user.orgId)]) : [[], new Map<string, string[]>()];
	return {
		abilities,
		departments: departments.map((d) => ({ id: d.id, name: d.name })),
		members: rows.map((u) => ({
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			position: u.position,
			orgRole: u.orgRole,
			disabled: !!u.disabledAt,
			departmentIds: memberships.get(u.id) ?? []
		}))
	};
}

const inviteForm = v.object({
	displayName: requiredText(500),
	position: text(500),
	orgRole: v.optional(choice(orgRoles), 'member')
});
const accountForm = v.object({ userId: id(), disabled: flag() });
const departmentsForm = v.object({ userId: id(), departmentIds: v.pipe(v.array(id()), v.maxLength(500, 'invalidInput')) });

export const actions = {
	invite: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const input = await readForm(request, inviteForm);
		if (!input.ok) return fail(400, { inviteError: input.error, field: input.field });
		const { token, expiresAt } = await createInvitation((await runtime()).db, { actor: locals.user, ...input.value });
		return { invitationUrl: `${url.origin}/invite/${token}`, expiresAt: expiresAt.toISOString() };
	},
	revoke: async ({ request, locals }) => {
		const input = await readForm(request, accountForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const count = await revokeSessions((await runtime()).db, locals.user, input.value.userId);
		return { revoked: count };
	},
	departments: async ({ request, locals }) => {
		const form = await request.formData();
		const input = parseInput(departmentsForm, { userId: form.get('userId'), departmentIds: form.getAll('departmentId') });
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		await setMemberDepartments((await runtime()).db, locals.user, input.value.userId, input.value.departmentIds);
		return { departmentsSaved: input.value.userId };
	},
	disable: async ({ request, locals }) => {
		const input = await readForm(request, accountForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		await setAccountDisabled((await runtime()).db, locals.user, input.value.userId, input.value.disabled);
		return {};
	}
};
