import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadMinutes } from '$lib/server/meetingMinutes';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { model } = await loadMinutes((await runtime()).db, user, params.id, params.meetingId);
	return { model, planId: params.id, meetingId: params.meetingId };
}
