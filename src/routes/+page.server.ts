import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fiscalYearBE, readForm, requiredText } from '$lib/server/input';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { readablePlans } from '$lib/server/planList';
import { createPlan } from '$lib/server/commands/planCreator';
import * as comments from '$lib/server/db/comments';
import { lastUpdateAt } from '$lib/server/db/docLog';
import { planDocName } from '$lib/domain/docNames';

export async function load({ locals, url, depends }) {
	// The page re-runs this every few seconds while open, so the list follows people's edits.
	depends('app:plan-list');
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const plans = await readablePlans(db, user);
	const openThreads = await comments.openCountsByPlan(db, plans.map((p) => p.row.id));
	// Last change: the newest accepted content update, or a workflow/title change if later.
	const edited = await Promise.all(plans.map(({ row }) => lastUpdateAt(db, planDocName(row.id))));
	return {
		plans: plans.map(({ row, role }, i) => ({
			id: row.id,
			title: row.title,
			fiscalYear: row.fiscalYear,
			edition: row.edition,
			state: row.state,
			superseded: !!row.supersededBy,
			role,
			updatedAt: new Date(Math.max(row.updatedAt.getTime(), edited[i]?.getTime() ?? 0)).toISOString(),
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
