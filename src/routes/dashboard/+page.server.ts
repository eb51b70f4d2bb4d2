import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { dashboardFor } from '$lib/server/progress/dashboard';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const dashboard = await dashboardFor((await runtime()).db, user);
	if (!dashboard) error(403, 'forbidden');
	return { dashboard };
}
