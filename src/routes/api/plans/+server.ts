import { error, json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
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
