import { error, json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { cellHistory } from '$lib/server/attribution';
import { readCellQuery } from '$lib/server/cellQuery';

/** ?table=projects|equipment&row=<id>&field=<column>: the cell's values over time, who and when. */
export async function GET({ params, locals, url }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'readHistory');
	const query = readCellQuery(url);
	if (!query.ok) error(400, query.error);
	const { table, row, field } = query.value;
	return json(await cellHistory(db, params.id, scene.plan.orgId, table, row, field));
}
