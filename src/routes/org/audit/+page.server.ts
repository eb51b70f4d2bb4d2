import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { authorizeInOrg } from '$lib/server/policies/org';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	authorizeInOrg(user, user.orgId, 'manageAccounts');
	const { db } = await runtime();
	const [events, chain, people] = await Promise.all([audit.listForOrg(db, user.orgId), audit.verifyChain(db), users.listInOrg(db, user.orgId)]);
	const names = new Map(people.map((u) => [u.id, u.displayName]));
	return {
		chain,
		events: events.map((e) => ({ seq: e.seq, action: e.action, data: e.data, at: e.createdAt.toISOString(), by: e.actorId ? (names.get(e.actorId) ?? e.actorId) : '', hash: e.hash }))
	};
}
