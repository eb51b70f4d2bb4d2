/** Queries on invitation links. Ids are token hashes (see auth/tokens.ts). */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from './index';

export type InvitationRow = typeof import('./schema/sqlite').invitations.$inferSelect;

export async function insert(db: Database, row: Omit<InvitationRow, 'usedAt' | 'usedBy' | 'createdAt'>) {
	await db.orm.insert(db.t.invitations).values({ ...row, usedAt: null, usedBy: null, createdAt: new Date() });
}

export async function byId(db: Database, id: string) {
	const [row] = await db.orm.select().from(db.t.invitations).where(eq(db.t.invitations.id, id));
	return row ?? null;
}

/** Marks an unused invitation used; false when someone used it first (single use, race-safe). */
export async function markUsed(db: Database, id: string, userId: string): Promise<boolean> {
	const { invitations } = db.t;
	const rows = await db.orm
		.update(invitations)
		.set({ usedAt: new Date(), usedBy: userId })
		.where(and(eq(invitations.id, id), isNull(invitations.usedAt)))
		.returning({ id: invitations.id });
	return rows.length === 1;
}
