import { orgAbilitiesFor } from '$lib/server/policies/org';
import { runtime } from '$lib/server/runtime';
import * as comments from '$lib/server/db/comments';

export async function load({ locals, url }) {
	const user = locals.user;
	return {
		unreadNotifications: user ? await comments.unreadCount((await runtime()).db, user.id) : 0,
		locale: locals.locale,
		path: url.pathname,
		user: user && { id: user.id, displayName: user.displayName, username: user.username, orgRole: user.orgRole },
		orgAbilities: user ? orgAbilitiesFor(user, user.orgId) : null
	};
}
