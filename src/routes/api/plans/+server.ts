import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { parseInput, requiredText } from '$lib/server/input';
import { readJsonBody } from '$lib/server/jsonBody';
import { createPlan } from '$lib/server/commands/planCreator';
import { readablePlans } from '$lib/server/planList';
import { planDocName } from '$lib/domain/docNames';

/** The plans the signed-in user may open, with role, abilities and collaboration document name. */
export async function GET({ locals }) {
	if (!locals.user) error(401, 'sign in first');
	const plans = await readablePlans((await runtime()).db, locals.user);
	return json(
		plans.map(({ row, role, abilities }) => ({
			id: row.id,
			title: row.title,
			fiscalYear: row.fiscalYear,
			edition: row.edition,
			state: row.state,
			role,
			abilities,
			docName: planDocName(row.id)
		}))
	);
}

const newPlan = v.object({
	title: requiredText(200),
	fiscalYear: v.pipe(
		v.union([v.number('badFiscalYear'), v.pipe(v.string('badFiscalYear'), v.trim(), v.regex(/^\d{4}$/, 'badFiscalYear'), v.transform(Number))], 'badFiscalYear'),
		v.integer('badFiscalYear'),
		v.minValue(2500, 'badFiscalYear'),
		v.maxValue(2700, 'badFiscalYear')
	)
});

/** JSON { title, fiscalYear } → 201 { id }: a new plan edition, as the "new plan" form makes it (policy: createPlan). */
export async function POST({ locals, request }) {
	if (!locals.user) error(401, 'sign in first');
	const body = await readJsonBody(request);
	if (!body.ok) return json({ error: body.error, field: '' }, { status: body.status });
	const input = parseInput(newPlan, body.value);
	if (!input.ok) return json({ error: input.error, field: input.field }, { status: 400 });
	const plan = await createPlan((await runtime()).db, { actor: locals.user, ...input.value });
	return json({ id: plan.id }, { status: 201 });
}
