import { error, json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { planThreads } from '$lib/server/commentRegister';
import { createThread } from '$lib/server/commands/threadCreator';
import { readJson, refused, requireActor } from '$lib/server/http';

/** Every review thread of the plan (hidden comments without their text). */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	return json(await planThreads(db, params.id, scene.plan.orgId));
}

/** Opens a thread: { anchor, quote, body }. The server stamps author, role and time. */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const body = await readJson(request);
	const result = await createThread((await runtime()).db, {
		actor,
		planId: params.id,
		anchor: body.anchor,
		quote: String(body.quote ?? ''),
		body: String(body.body ?? '')
	});
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason);
}
