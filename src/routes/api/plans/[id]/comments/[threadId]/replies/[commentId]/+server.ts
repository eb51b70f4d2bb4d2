import { json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { editComment, hideComment } from '$lib/server/commands/commentEditor';
import { readJson, refused, requireActor } from '$lib/server/http';

/** { body } edits one's own comment. */
export async function PATCH({ params, locals, request }) {
	const actor = requireActor(locals);
	const { body } = await readJson(request);
	const result = await editComment((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, commentId: params.commentId, body: String(body ?? '') });
	return result.ok ? json({ ok: true }) : refused(result.reason);
}

/** Hides one's own comment (its text stays in the register). */
export async function DELETE({ params, locals }) {
	const actor = requireActor(locals);
	await hideComment((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, commentId: params.commentId });
	return json({ ok: true });
}
