import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { diffView, resolvePlan } from '$lib/server/planDiffView';

/** /plans/<id>/diff?from=<version id | parent>&to=<version id | current> */
export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const fromRef = url.searchParams.get('from') ?? 'parent';
	const toRef = url.searchParams.get('to') ?? 'current';
	const [from, to] = await Promise.all([
		resolvePlan(db, params.id, scene.row.parentPlanId, fromRef),
		resolvePlan(db, params.id, scene.row.parentPlanId, toRef)
	]);
	if (!from || !to) error(404, 'no such version');
	return { plan: { id: scene.row.id, title: scene.row.title }, from: from.label, to: to.label, diff: diffView(from.plan, to.plan) };
}
