import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fiscalYearBE, readForm, requiredText } from '$lib/server/input';
import { runtime } from '$lib/server/runtime';
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
			superseded: !!row.supersededBy,
			role,
			updatedAt: row.updatedAt.toISOString(),
			openThreads: openThreads.get(row.id) ?? 0
		}))
	};
}

const newPlanForm = v.object({ title: requiredText(200), fiscalYear: fiscalYearBE() });

export const actions = {
	createPlan: async ({ request, locals }) => {
		const input = await readForm(request, newPlanForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const plan = await createPlan((await runtime()).db, { actor: locals.user, ...input.value });
		redirect(303, `/plans/${plan.id}`);
	}
};
