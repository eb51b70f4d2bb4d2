import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { readablePlans } from '$lib/server/planList';
import { createPlan } from '$lib/server/commands/planCreator';
import * as comments from '$lib/server/db/comments';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const plans = await readablePlans(db, user);
	const openThreads = await comments.openCountsByPlan(db, plans.map((p) => p.row.id));
	return {
		plans: plans.map(({ row, role }) => ({
			id: row.id,
			title: row.title,
			fiscalYear: row.fiscalYear,
			edition: row.edition,
			state: row.state,
			role,
			updatedAt: row.updatedAt.toISOString(),
			openThreads: openThreads.get(row.id) ?? 0
		}))
	};
}

export const actions = {
	createPlan: async ({ request, locals }) => {
		const form = await request.formData();
		const title = String(form.get('title') ?? '').trim();
		const fiscalYear = Number(String(form.get('fiscalYear') ?? '').trim());
		if (!title) return fail(400, { error: 'required' as const, field: 'planTitle' as const });
		if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > 2700) return fail(400, { error: 'badFiscalYear' as const });
		const plan = await createPlan((await runtime()).db, { actor: locals.user, title, fiscalYear });
		redirect(303, `/plans/${plan.id}`);
	}
};
