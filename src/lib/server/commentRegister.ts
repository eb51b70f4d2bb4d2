/**
 * The threads of a plan as readers see them (the side panel's data) and as the register
 * keeps them (frozen with the version at lock, hidden text included).
 */
import type { Database } from './db';
import * as comments from './db/comments';
import * as users from './db/users';
import type { CommentAnchor, ThreadView } from '$lib/domain/comments';

export type { ThreadView };

/** Threads for the UI; with `includeHidden` (the register), hidden comments keep their text. */
export async function planThreads(db: Database, planId: string, orgId: string, includeHidden = false): Promise<ThreadView[]> {
	const [rows, people] = await Promise.all([comments.threadsOfPlan(db, planId), users.listInOrg(db, orgId)]);
	const names = new Map(people.map((u) => [u.id, u.displayName]));
	const history = includeHidden ? await comments.historyOf(db, rows.flatMap((r) => r.comments.map((c) => c.id))) : [];
	return rows.map(({ thread, comments: list }) => ({
		id: thread.id,
		anchor: JSON.parse(thread.anchor) as CommentAnchor,
		quote: thread.quote,
		status: thread.status === 'resolved' ? 'resolved' : 'open',
		createdAt: thread.createdAt.toISOString(),
		resolvedBy: thread.resolvedBy ? (names.get(thread.resolvedBy) ?? '') : null,
		resolvedAt: thread.resolvedAt?.toISOString() ?? null,
		comments: list.map((c) => ({
			id: c.id,
			authorId: c.authorId,
			authorName: names.get(c.authorId) ?? '',
			authorRole: c.authorRole,
			body: c.hiddenAt && !includeHidden ? null : c.body,
			createdAt: c.createdAt.toISOString(),
			editedAt: c.editedAt?.toISOString() ?? null,
			hidden: !!c.hiddenAt,
			...(includeHidden && {
				history: history.filter((h) => h.commentId === c.id).map((h) => ({ body: h.body, change: h.change, at: h.changedAt.toISOString() }))
			})
		}))
	}));
}
