/** Adds a reply to a thread. */
import type { Database } from '../db';
import * as comments from '../db/comments';
import type { Actor } from '../policies/plan';
import { announceChange, commentScene, notifyMentions, threadOf } from './commentAccess';
import type { CommentResult } from './threadCreator';
import { commentBodyProblem } from '$lib/domain/comments';

export async function reply(db: Database, props: { actor: Actor | null; planId: string; threadId: string; body: string }): Promise<CommentResult<{ commentId: string }>> {
	const { actor, role } = await commentScene(db, props.actor, props.planId);
	await threadOf(db, props.planId, props.threadId);
	const problem = commentBodyProblem(props.body);
	if (problem) return { ok: false, reason: problem };
	const comment = await db.tx(async (tx) => {
		const comment = await comments.insertComment(tx, { threadId: props.threadId, authorId: actor!.id, authorRole: role, body: props.body });
		await notifyMentions(tx, props.planId, props.threadId, comment.id, actor!.id, props.body);
		return comment;
	});
	announceChange(props.planId, props.threadId);
	return { ok: true, value: { commentId: comment.id } };
}
