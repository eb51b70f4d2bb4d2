/** Shared by the comment commands: the plan, checked for the `comment` ability, and the actor. */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as comments from '../db/comments';
import * as planMembers from '../db/planMembers';
import { loadPlanScene } from '../planAccess';
import { authorize, type Actor } from '../policies/plan';
import { events } from '../events';
import { mentionedUsernames } from '$lib/domain/comments';

export async function commentScene(db: Database, actor: Actor | null, planId: string) {
	const scene = await loadPlanScene(db, actor, planId);
	if (!scene) error(404, 'not found');
	authorize(scene, 'comment');
	return { scene, actor: scene.actor, role: scene.role ?? 'viewer' };
}

/** The thread, which must belong to the plan. */
export async function threadOf(db: Database, planId: string, threadId: string) {
	const thread = await comments.thread(db, planId, threadId);
	if (!thread) error(404, 'no such thread');
	return thread;
}

/** Notifies plan members mentioned as @username in a new comment (never the author). */
export async function notifyMentions(db: Database, planId: string, threadId: string, commentId: string, authorId: string, body: string) {
	const names = mentionedUsernames(body);
	if (!names.length) return;
	const members = await planMembers.listOfPlan(db, planId);
	const mentioned = members.filter((m) => names.includes(m.username) && m.userId !== authorId);
	await comments.notify(db, mentioned.map((m) => ({ userId: m.userId, planId, threadId, commentId, kind: 'mention' })));
}

/** After commit: open editors of the plan refresh their threads. */
export function announceChange(planId: string, threadId: string) {
	events().emit('commentsChanged', planId, threadId);
}
