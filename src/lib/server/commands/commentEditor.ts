/**
 * The author's own changes to a comment: edit or hide. Nobody else may, whatever their role;
 * the earlier text is kept in the history, so the register never loses what was said.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as comments from '../db/comments';
import type { Actor } from '../policies/plan';
import { announceChange, commentScene, threadOf } from './commentAccess';
import type { CommentResult } from './threadCreator';
import { commentBodyProblem } from '$lib/domain/comments';

async function ownComment(db: Database, actor: Actor | null, planId: string, threadId: string, commentId: string) {
	const scene = await commentScene(db, actor, planId);
	await threadOf(db, planId, threadId);
	const comment = await comments.comment(db, threadId, commentId);
	if (!comment || comment.hiddenAt) error(404, 'no such comment');
	if (comment.authorId !== scene.actor!.id) error(403, 'only the author may change a comment');
	return comment;
}

export async function editComment(
	db: Database,
	props: { actor: Actor | null; planId: string; threadId: string; commentId: string; body: string }
): Promise<CommentResult<null>> {
	const comment = await ownComment(db, props.actor, props.planId, props.threadId, props.commentId);
	const problem = commentBodyProblem(props.body);
	if (problem) return { ok: false, reason: problem };
	await db.tx((tx) => comments.editBody(tx, comment, props.body));
	announceChange(props.planId, props.threadId);
	return { ok: true, value: null };
}

export async function hideComment(db: Database, props: { actor: Actor | null; planId: string; threadId: string; commentId: string }) {
	const comment = await ownComment(db, props.actor, props.planId, props.threadId, props.commentId);
	await db.tx((tx) => comments.hide(tx, comment));
	announceChange(props.planId, props.threadId);
}
