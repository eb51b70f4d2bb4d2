/**
 * Queries on the organization's departments and who belongs to them. Names arrive cleaned
 * (domain/departments.ts); the key is computed here so the list and the unique index agree.
 * Every query is scoped by the organization, so an id from another one finds nothing.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from './index';
import { newId } from '../ids';
import { departmentKey } from '$lib/domain/departments';

export interface Department {
	id: string;
	name: string;
	nameKey: string;
}

export async function listDepartments(db: Database, orgId: string): Promise<Department[]> {
	const { departments: d } = db.t;
	return db.orm.select({ id: d.id, name: d.name, nameKey: d.nameKey }).from(d).where(eq(d.orgId, orgId)).orderBy(asc(d.name));
}

/** The department in `orgId` whose key equals `name`'s, ignoring `exceptId`. */
export async function findByName(db: Database, orgId: string, name: string, exceptId?: string): Promise<Department | null> {
	const key = departmentKey(name);
	return (await listDepartments(db, orgId)).find((d) => d.nameKey === key && d.id !== exceptId) ?? null;
}

export async function addDepartment(db: Database, orgId: string, name: string): Promise<Department> {
	const row = { id: newId(), orgId, name, nameKey: departmentKey(name), createdAt: new Date() };
	await db.orm.insert(db.t.departments).values(row);
	return { id: row.id, name: row.name, nameKey: row.nameKey };
}

/** Renames; false when the department is not in `orgId`. */
export async function renameDepartment(db: Database, orgId: string, id: string, name: string): Promise<boolean> {
	const { departments: d } = db.t;
	const rows = await db.orm.update(d).set({ name, nameKey: departmentKey(name) }).where(and(eq(d.id, id), eq(d.orgId, orgId))).returning({ id: d.id });
	return rows.length > 0;
}

/** Removes a department and its memberships; false when it is not in `orgId`. */
export async function removeDepartment(db: Database, orgId: string, id: string): Promise<boolean> {
	const { departments: d } = db.t;
	const rows = await db.orm.delete(d).where(and(eq(d.id, id), eq(d.orgId, orgId))).returning({ id: d.id });
	return rows.length > 0;
}

/** Every membership in the organization, as userId → department ids. */
export async function membershipsInOrg(db: Database, orgId: string): Promise<Map<string, string[]>> {
	const { departments: d, departmentMembers: m } = db.t;
	const rows = await db.orm.select({ userId: m.userId, departmentId: m.departmentId }).from(m).innerJoin(d, eq(d.id, m.departmentId)).where(eq(d.orgId, orgId));
	const byUser = new Map<string, string[]>();
	for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.departmentId]);
	return byUser;
}

/** The departments one user belongs to. */
export async function departmentsOfUser(db: Database, userId: string): Promise<Department[]> {
	const { departments: d, departmentMembers: m } = db.t;
	return db.orm
		.select({ id: d.id, name: d.name, nameKey: d.nameKey })
		.from(m)
		.innerJoin(d, eq(d.id, m.departmentId))
		.where(eq(m.userId, userId))
		.orderBy(asc(d.name));
}

/**
 * Makes `departmentIds` the user's departments in `orgId` (ids of other organizations are
 * ignored). Call inside a transaction.
 */
export async function setMemberDepartments(db: Database, orgId: string, userId: string, departmentIds: string[]): Promise<string[]> {
	const { departmentMembers: m } = db.t;
	const own = (await listDepartments(db, orgId)).map((x) => x.id);
	const wanted = [...new Set(departmentIds)].filter((x) => own.includes(x));
	if (own.length) await db.orm.delete(m).where(and(eq(m.userId, userId), inArray(m.departmentId, own)));
	if (wanted.length) await db.orm.insert(m).values(wanted.map((departmentId) => ({ departmentId, userId })));
	return wanted;
}
