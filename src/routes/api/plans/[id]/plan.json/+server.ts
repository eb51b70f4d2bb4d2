import { error, json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { loadCurrentPlan } from '$lib/server/planSnapshot';
import * as audit from '$lib/server/db/audit';
import { planToInterchange } from '$lib/domain/plan/interchange';

/** The whole plan in the interchange shape (docs/INTERCHANGE.md), ผด.01 in `derived.pd01` (policy: read). */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const plan = await loadCurrentPlan(db, scene.plan.id);
	// A copy leaving the system, like the PDF/DOCX/XLSX downloads.
	await db.tx((tx) => audit.record(tx, { orgId: scene.plan.orgId, planId: scene.plan.id, actorId: user.id, action: 'plans.export', data: { format: 'json', state: scene.plan.state } }));
	return json(planToInterchange(plan), { headers: { 'cache-control': 'private, no-store' } });
}
