import { error, json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { planThreads } from '$lib/server/commentRegister';
import { createThread } from '$lib/server/commands/threadCreator';
import * as v from 'valibot';
import { readJsonInput, refused, refusedInput, requireActor } from '$lib/server/http';
import { commandText } from '$lib/server/input';

/** The anchor's shape is checked by the command (it knows the plan's rows and sections). */
const NewThread = v.object({ anchor: v.unknown(), quote: commandText(), body: commandText() });

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
	const input = await readJsonInput(request, NewThread);
	if (!input.ok) return refusedInput(input);
	const { anchor, quote, body } = input.value;
	const result = await createThread((await runtime()).db, { actor, planId: params.id, anchor, quote, body });
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason);
}
