/** Queries on users. Usernames are stored lower-case and compared that way. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './index';
import { newId } from '../ids';
import type { OrgRole } from '$lib/domain/roles';

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

export async function byUsername(db: Database, username: string) {
	const [row] = await db.orm.select().from(db.t.users).where(eq(db.t.users.username, normalizeUsername(username)));
	return row ?? null;
}

export async function byId(db: Database, id: string) {
	const [row] = await db.orm.select().from(db.t.users).where(eq(db.t.users.id, id));
	return row ?? null;
}

export async function listInOrg(db: Database, orgId: string) {
	const { users } = db.t;
	return db.orm.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.displayName));
}

export async function insert(
	db: Database,
	fields: { orgId: string; username: string; displayName: string; position?: string; orgRole: OrgRole; passwordHash: string }
) {
	const [row] = await db.orm
		.insert(db.t.users)
		.values({ id: newId(), ...fields, username: normalizeUsername(fields.username), position: fields.position ?? '', createdAt: new Date() })
		.returning();
	return row;
}

export async function setPasswordHash(db: Database, id: string, passwordHash: string) {
	await db.orm.update(db.t.users).set({ passwordHash }).where(eq(db.t.users.id, id));
}

export async function setDisabled(db: Database, orgId: string, id: string, disabled: boolean) {
	const { users } = db.t;
	await db.orm
		.update(users)
		.set({ disabledAt: disabled ? new Date() : null })
		.where(and(eq(users.id, id), eq(users.orgId, orgId)));
}

export async function count(db: Database): Promise<number> {
	return (await db.orm.select({ id: db.t.users.id }).from(db.t.users)).length;
}
