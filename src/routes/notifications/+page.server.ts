import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import * as comments from '$lib/server/db/comments';
import * as plans from '$lib/server/db/plans';
import * as users from '$lib/server/db/users';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const rows = await comments.notificationsOf(db, user.id);
	const people = new Map((await users.listInOrg(db, user.orgId)).map((u) => [u.id, u.displayName]));
	const titles = new Map<string, string>();
	const items = [];
	for (const n of rows) {
		if (!titles.has(n.planId)) titles.set(n.planId, (await plans.get(db, n.planId))?.title ?? '');
		const comment = n.threadId && n.commentId ? await comments.comment(db, n.threadId, n.commentId) : null;
		items.push({
			id: n.id,
			planId: n.planId,
			threadId: n.threadId,
			plan: titles.get(n.planId) ?? '',
			from: comment ? (people.get(comment.authorId) ?? '') : '',
			excerpt: comment && !comment.hiddenAt ? comment.body.slice(0, 160) : '',
			at: n.createdAt.toISOString(),
			unread: !n.readAt
		});
	}
	// Seeing the list is reading it.
	await comments.markRead(db, user.id);
	return { items };
}
