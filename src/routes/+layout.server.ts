import { orgAbilitiesFor } from '$lib/server/policies/org';

export function load({ locals, url }) {
	const user = locals.user;
	return {
		locale: locals.locale,
		path: url.pathname,
		user: user && { id: user.id, displayName: user.displayName, username: user.username, orgRole: user.orgRole },
		orgAbilities: user ? orgAbilitiesFor(user, user.orgId) : null
	};
}
