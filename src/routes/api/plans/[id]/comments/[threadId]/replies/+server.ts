import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { reply } from '$lib/server/commands/commentReplier';
import * as v from 'valibot';
import { readJsonInput, refused, refusedInput, requireActor } from '$lib/server/http';
import { commandText } from '$lib/server/input';

const CommentBody = v.object({ body: commandText() });

/** { body } adds a reply, authored by the signed-in user. */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = await readJsonInput(request, CommentBody);
	if (!input.ok) return refusedInput(input);
	const result = await reply((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, body: input.value.body });
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason);
}
