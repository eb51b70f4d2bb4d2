import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadMadeReport } from '$lib/server/progress/reportPage';
import { announceReport } from '$lib/server/commands/reportPublisher';
import { readForm, requiredText } from '$lib/server/input';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	return { planId: params.id, ...(await loadMadeReport((await runtime()).db, user, params.id, params.rid)) };
}

export const actions = {
	announce: async ({ request, locals, params }) => {
		const input = await readForm(request, v.object({ presentedOn: requiredText(40) }));
		if (!input.ok) return fail(400, { error: input.error });
		const done = await announceReport((await runtime()).db, locals.user, params.id, params.rid, input.value.presentedOn);
		return done.ok ? { announced: true } : fail(400, { error: done.error });
	}
};
