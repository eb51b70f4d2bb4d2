import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { editComment, hideComment } from '$lib/server/commands/commentEditor';
import * as v from 'valibot';
import { readJsonInput, refused, refusedInput, requireActor } from '$lib/server/http';
import { commandText } from '$lib/server/input';

const CommentBody = v.object({ body: commandText() });

/** { body } edits one's own comment. */
export async function PATCH({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = await readJsonInput(request, CommentBody);
	if (!input.ok) return refusedInput(input);
	const result = await editComment((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, commentId: params.commentId, body: input.value.body });
	return result.ok ? json({ ok: true }) : refused(result.reason);
}

/** Hides one's own comment (its text stays in the register). */
export async function DELETE({ params, locals }) {
	const actor = requireActor(locals);
	await hideComment((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, commentId: params.commentId });
	return json({ ok: true });
}
