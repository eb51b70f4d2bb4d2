/** Opens a review thread on text, a row, a cell or the whole plan, with its first comment. */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as comments from '../db/comments';
import type { Actor } from '../policies/plan';
import { announceChange, commentScene, notifyMentions } from './commentAccess';
import { MAX_QUOTE_LENGTH, commentBodyProblem, parseAnchor } from '$lib/domain/comments';

export interface CreateThreadProps {
	actor: Actor | null;
	planId: string;
	/** As sent by the client; validated here. */
	anchor: unknown;
	/** The text or value the thread is about, kept for when the anchor goes away. */
	quote: string;
	body: string;
}

export type CommentResult<T> = { ok: true; value: T } | { ok: false; reason: 'empty' | 'tooLong' | 'badAnchor' };

export async function createThread(db: Database, props: CreateThreadProps): Promise<CommentResult<{ threadId: string }>> {
	const { actor, role } = await commentScene(db, props.actor, props.planId);
	if (!actor) error(401, 'sign in first');
	const anchor = parseAnchor(props.anchor);
	if (!anchor) return { ok: false, reason: 'badAnchor' };
	const problem = commentBodyProblem(props.body);
	if (problem) return { ok: false, reason: problem };
	const thread = await db.tx(async (tx) => {
		const thread = await comments.insertThread(tx, {
			planId: props.planId,
			anchorKind: anchor.kind,
			anchor: JSON.stringify(anchor),
			quote: props.quote.slice(0, MAX_QUOTE_LENGTH),
			createdBy: actor.id
		});
		const first = await comments.insertComment(tx, { threadId: thread.id, authorId: actor.id, authorRole: role, body: props.body });
		await notifyMentions(tx, props.planId, thread.id, first.id, actor.id, props.body);
		return thread;
	});
	announceChange(props.planId, thread.id);
	return { ok: true, value: { threadId: thread.id } };
}
