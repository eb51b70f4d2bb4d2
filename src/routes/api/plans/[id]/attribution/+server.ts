import { error, json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { cellAuthors, type AttributableField } from '$lib/server/attribution';

const FIELDS: AttributableField[] = ['budget', 'responsibleUnit', 'months', 'name', 'activityDetail', 'location'];

/** ?project=<id>&field=<budget|…>: who wrote that cell's current value, and when. */
export async function GET({ params, locals, url }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const field = url.searchParams.get('field') as AttributableField;
	const project = url.searchParams.get('project') ?? '';
	if (!FIELDS.includes(field) || !project) error(400, 'project and field are required');
	return json(await cellAuthors(db, params.id, scene.plan.orgId, project, field));
}
