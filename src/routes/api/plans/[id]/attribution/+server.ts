import { error, json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { anyCellAuthors, cellAuthors, itemAuthors, type AttributableField } from '$lib/server/attribution';
import { readCellQuery, readItemsQuery } from '$lib/server/cellQuery';

const FIELDS: AttributableField[] = ['budget', 'responsibleUnit', 'months', 'name', 'activityDetail', 'location'];

/**
 * Who wrote a cell's current value, and when:
 * - ?project=<id>&field=<budget|…> (a project cell),
 * - ?table=projects|equipment&row=<id>&field=<column> (either table),
 * - ?items=<client>.<clock>,… (the Yjs items of a value a page holds, e.g. the other side of
 *   an offline conflict).
 */
export async function GET({ params, locals, url }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const orgId = scene.plan.orgId;
	if (url.searchParams.has('items')) {
		const items = readItemsQuery(url);
		if (!items.ok) error(400, items.error);
		return json(await itemAuthors(db, params.id, orgId, items.value));
	}
	if (url.searchParams.has('table')) {
		const cell = readCellQuery(url);
		if (!cell.ok) error(400, cell.error);
		return json(await anyCellAuthors(db, params.id, orgId, cell.value.table, cell.value.row, cell.value.field));
	}
	const field = url.searchParams.get('field') as AttributableField;
	const project = url.searchParams.get('project') ?? '';
	if (!FIELDS.includes(field) || !project) error(400, 'project and field are required');
	return json(await cellAuthors(db, params.id, orgId, project, field));
}
