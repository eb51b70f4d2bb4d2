/** Resolves or reopens a thread; anyone who may comment on the plan may. */
import type { Database } from '../db';
import * as comments from '../db/comments';
import type { Actor } from '../policies/plan';
import { announceChange, commentScene, threadOf } from './commentAccess';

export async function setThreadStatus(db: Database, props: { actor: Actor | null; planId: string; threadId: string; status: 'open' | 'resolved' }) {
	const { actor } = await commentScene(db, props.actor, props.planId);
	await threadOf(db, props.planId, props.threadId);
	await comments.setStatus(db, props.threadId, props.status, actor!.id);
	announceChange(props.planId, props.threadId);
}
