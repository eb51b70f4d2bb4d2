import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadMadeReport } from '$lib/server/progress/reportPage';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	return (await loadMadeReport((await runtime()).db, user, params.id, params.rid)).report;
}
