import { json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { reply } from '$lib/server/commands/commentReplier';
import { readJson, refused, requireActor } from '$lib/server/http';

/** { body } adds a reply, authored by the signed-in user. */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const { body } = await readJson(request);
	const result = await reply((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, body: String(body ?? '') });
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason);
}
