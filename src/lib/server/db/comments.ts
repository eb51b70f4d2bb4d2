/** Queries on review threads, their comments, the history of edits, and notifications. */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from './index';
import { newId } from '../ids';

export type ThreadRow = typeof import('./schema/sqlite').commentThreads.$inferSelect;
export type CommentRow = typeof import('./schema/sqlite').comments.$inferSelect;

export async function insertThread(db: Database, row: Omit<ThreadRow, 'id' | 'createdAt' | 'updatedAt' | 'resolvedBy' | 'resolvedAt' | 'status'>) {
	const now = new Date();
	const [thread] = await db.orm
		.insert(db.t.commentThreads)
		.values({ ...row, id: newId(), status: 'open', resolvedBy: null, resolvedAt: null, createdAt: now, updatedAt: now })
		.returning();
	return thread;
}

export async function insertComment(db: Database, row: Pick<CommentRow, 'threadId' | 'authorId' | 'authorRole' | 'body'>) {
	const [comment] = await db.orm
		.insert(db.t.comments)
		.values({ ...row, id: newId(), createdAt: new Date(), editedAt: null, hiddenAt: null })
		.returning();
	await touchThread(db, row.threadId);
	return comment;
}

async function touchThread(db: Database, threadId: string) {
	await db.orm.update(db.t.commentThreads).set({ updatedAt: new Date() }).where(eq(db.t.commentThreads.id, threadId));
}

export async function thread(db: Database, planId: string, threadId: string) {
	const t = db.t.commentThreads;
	const [row] = await db.orm.select().from(t).where(and(eq(t.id, threadId), eq(t.planId, planId)));
	return row ?? null;
}

export async function comment(db: Database, threadId: string, commentId: string) {
	const c = db.t.comments;
	const [row] = await db.orm.select().from(c).where(and(eq(c.id, commentId), eq(c.threadId, threadId)));
	return row ?? null;
}

export async function setStatus(db: Database, threadId: string, status: 'open' | 'resolved', by: string) {
	const resolved = status === 'resolved';
	await db.orm
		.update(db.t.commentThreads)
		.set({ status, resolvedBy: resolved ? by : null, resolvedAt: resolved ? new Date() : null, updatedAt: new Date() })
		.where(eq(db.t.commentThreads.id, threadId));
}

/** Replaces a comment's body, keeping the previous text in the history. */
export async function editBody(db: Database, comment: CommentRow, body: string) {
	await db.orm.insert(db.t.commentHistory).values({ id: newId(), commentId: comment.id, body: comment.body, change: 'edit', changedAt: new Date() });
	await db.orm.update(db.t.comments).set({ body, editedAt: new Date() }).where(eq(db.t.comments.id, comment.id));
	await touchThread(db, comment.threadId);
}

/** Hides a comment from the thread; its text stays in the history for the register. */
export async function hide(db: Database, comment: CommentRow) {
	await db.orm.insert(db.t.commentHistory).values({ id: newId(), commentId: comment.id, body: comment.body, change: 'hide', changedAt: new Date() });
	await db.orm.update(db.t.comments).set({ hiddenAt: new Date() }).where(eq(db.t.comments.id, comment.id));
	await touchThread(db, comment.threadId);
}

/** Every thread of a plan with its comments, oldest first. */
export async function threadsOfPlan(db: Database, planId: string) {
	const t = db.t.commentThreads;
	const c = db.t.comments;
	const threads = await db.orm.select().from(t).where(eq(t.planId, planId)).orderBy(asc(t.createdAt));
	const all = threads.length
		? await db.orm.select().from(c).where(inArray(c.threadId, threads.map((x) => x.id))).orderBy(asc(c.createdAt))
		: [];
	return threads.map((thread) => ({ thread, comments: all.filter((x) => x.threadId === thread.id) }));
}

export async function openCountsByPlan(db: Database, planIds: string[]): Promise<Map<string, number>> {
	if (!planIds.length) return new Map();
	const t = db.t.commentThreads;
	const rows = await db.orm.select({ planId: t.planId }).from(t).where(and(inArray(t.planId, planIds), eq(t.status, 'open')));
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(r.planId, (counts.get(r.planId) ?? 0) + 1);
	return counts;
}

export async function notify(db: Database, rows: { userId: string; planId: string; threadId: string; commentId: string; kind: string }[]) {
	if (!rows.length) return;
	await db.orm.insert(db.t.notifications).values(rows.map((r) => ({ ...r, id: newId(), createdAt: new Date(), readAt: null })));
}

export async function notificationsOf(db: Database, userId: string, limit = 100) {
	const n = db.t.notifications;
	return db.orm.select().from(n).where(eq(n.userId, userId)).orderBy(desc(n.createdAt)).limit(limit);
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
	const n = db.t.notifications;
	return (await db.orm.select({ id: n.id }).from(n).where(and(eq(n.userId, userId), isNull(n.readAt)))).length;
}

export async function markRead(db: Database, userId: string) {
	const n = db.t.notifications;
	await db.orm.update(n).set({ readAt: new Date() }).where(and(eq(n.userId, userId), isNull(n.readAt)));
}

/** Earlier texts of the given comments (edits and hides), oldest first. */
export async function historyOf(db: Database, commentIds: string[]) {
	if (!commentIds.length) return [];
	const h = db.t.commentHistory;
	return db.orm.select().from(h).where(inArray(h.commentId, commentIds)).orderBy(asc(h.changedAt));
}
