import { error, fail } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { orgAbilitiesFor } from '$lib/server/policies/org';
import * as users from '$lib/server/db/users';
import { createInvitation } from '$lib/server/commands/invitationCreator';
import { revokeSessions, setAccountDisabled } from '$lib/server/commands/accountManager';
import { isOrgRole } from '$lib/domain/roles';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const abilities = orgAbilitiesFor(user, user.orgId);
	if (!abilities.inviteMembers && !abilities.manageAccounts) error(403, 'forbidden');
	const rows = await users.listInOrg((await runtime()).db, user.orgId);
	return {
		abilities,
		members: rows.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, position: u.position, orgRole: u.orgRole, disabled: !!u.disabledAt }))
	};
}

export const actions = {
	invite: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const displayName = String(form.get('displayName') ?? '').trim();
		const orgRole = String(form.get('orgRole') ?? 'member');
		if (!displayName) return fail(400, { inviteError: 'required' as const });
		if (!isOrgRole(orgRole)) return fail(400, { inviteError: 'required' as const });
		const { token, expiresAt } = await createInvitation((await runtime()).db, {
			actor: locals.user,
			displayName,
			position: String(form.get('position') ?? ''),
			orgRole
		});
		return { invitationUrl: `${url.origin}/invite/${token}`, expiresAt: expiresAt.toISOString() };
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const count = await revokeSessions((await runtime()).db, locals.user, String(form.get('userId')));
		return { revoked: count };
	},
	disable: async ({ request, locals }) => {
		const form = await request.formData();
		await setAccountDisabled((await runtime()).db, locals.user, String(form.get('userId')), form.get('disabled') === 'true');
		return {};
	}
};
