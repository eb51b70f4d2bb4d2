/** Queries on sessions. Ids are token hashes (see auth/tokens.ts). */
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Database } from './index';

export async function insert(db: Database, row: { id: string; userId: string; expiresAt: Date; userAgent: string; ip: string }) {
	await db.orm.insert(db.t.sessions).values({ ...row, createdAt: new Date() });
}

/** The session with its user and organization, or null. */
export async function getWithUser(db: Database, id: string) {
	const { sessions, users } = db.t;
	const [row] = await db.orm
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	return row ?? null;
}

export async function setExpiry(db: Database, id: string, expiresAt: Date) {
	await db.orm.update(db.t.sessions).set({ expiresAt }).where(eq(db.t.sessions.id, id));
}

export async function remove(db: Database, id: string) {
	await db.orm.delete(db.t.sessions).where(eq(db.t.sessions.id, id));
}

/** Removes every session of a user, or every one but `keep`. Returns the removed ids. */
export async function removeAllOf(db: Database, userId: string, keep?: string): Promise<string[]> {
	const { sessions } = db.t;
	const rows = await db.orm
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined))
		.returning({ id: sessions.id });
	return rows.map((r) => r.id);
}

/** Deletes every session past its expiry; returns how many. */
export async function removeExpired(db: Database, now = new Date()): Promise<number> {
	const { sessions } = db.t;
	const gone = await db.orm.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
	return gone.length;
}

/** The user's sessions still in force, oldest first. */
export async function listOf(db: Database, userId: string, now = new Date()) {
	const { sessions } = db.t;
	return db.orm
		.select()
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.orderBy(sessions.createdAt);
}
