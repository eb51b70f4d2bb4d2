/**
 * Hostile input to the department list: Thai names kept exactly, whitespace tricks that would
 * make two "different" departments, markup stored as plain data, over-long names, ids of
 * another organization, and members of another organization.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db';
import { listDepartments, membershipsInOrg } from '../db/departments';
import { addDepartment, removeDepartment, renameDepartment, setMemberDepartments } from './departmentKeeper';
import { DEPARTMENT_NAME_MAX } from '$lib/domain/departments';
import type { Actor } from '../policies/plan';

let db: Database;
const admin: Actor = { id: 'admin1', orgId: 'org1', orgRole: 'admin' };
const otherAdmin: Actor = { id: 'admin2', orgId: 'org2', orgRole: 'admin' };

beforeEach(async () => {
	db = await openDatabase({ file: ':memory:' });
	const { organizations, users } = db.t;
	for (const org of ['org1', 'org2']) await db.orm.insert(organizations).values({ id: org, type: 'เทศบาลตำบล', name: org, slug: org, createdAt: new Date() });
	for (const [id, orgId, orgRole] of [['admin1', 'org1', 'admin'], ['clerk1', 'org1', 'member'], ['admin2', 'org2', 'admin'], ['clerk2', 'org2', 'member']])
		await db.orm.insert(users).values({ id, orgId, username: id, displayName: id, orgRole, passwordHash: 'x', createdAt: new Date() });
});
afterEach(async () => db?.close());

async function status(p: Promise<unknown>): Promise<number> {
	return p.then(
		() => 200,
		(e: { status?: number }) => e.status ?? 500
	);
}

describe('the department list under hostile input', () => {
	it('keeps Thai names as typed and refuses the same name with other whitespace', async () => {
		expect(await addDepartment(db, admin, '  กอง ช่าง ')).toMatchObject({ ok: true });
		expect(await addDepartment(db, admin, 'กองช่าง')).toEqual({ ok: false, error: 'departmentExists' });
		expect(await addDepartment(db, admin, 'กอง\u200bช่าง\t')).toEqual({ ok: false, error: 'departmentExists' });
		expect(await addDepartment(db, admin, 'สำนักปลัด')).toMatchObject({ ok: true });
		expect((await listDepartments(db, 'org1')).map((d) => d.name)).toEqual(['กอง ช่าง', 'สำนักปลัด']);
		// Another organization may have its own กองช่าง.
		expect(await addDepartment(db, otherAdmin, 'กองช่าง')).toMatchObject({ ok: true });
	});

	it('refuses renaming onto another department, but allows respacing its own name', async () => {
		const a = await addDepartment(db, admin, 'กองคลัง');
		await addDepartment(db, admin, 'กองช่าง');
		if (!a.ok) throw new Error('not added');
		expect(await renameDepartment(db, admin, a.id, 'กอง ช่าง')).toEqual({ ok: false, error: 'departmentExists' });
		expect(await renameDepartment(db, admin, a.id, 'กอง  คลัง')).toEqual({ ok: true, id: a.id });
		expect((await listDepartments(db, 'org1')).map((d) => d.name)).toEqual(['กอง คลัง', 'กองช่าง']);
	});

	it('stores markup as data, never interpreted', async () => {
		const markup = '<img src=x onerror=alert(1)>กอง"</script>';
		expect(await addDepartment(db, admin, markup)).toMatchObject({ ok: true });
		expect((await listDepartments(db, 'org1'))[0].name).toBe(markup);
	});

	it('refuses empty and over-long names', async () => {
		expect(await addDepartment(db, admin, ' \u200b ')).toEqual({ ok: false, error: 'required' });
		expect(await addDepartment(db, admin, 'ก'.repeat(DEPARTMENT_NAME_MAX + 1))).toEqual({ ok: false, error: 'textTooLong' });
		expect(await addDepartment(db, admin, 'ก'.repeat(DEPARTMENT_NAME_MAX))).toMatchObject({ ok: true });
	});

	it('lets only the admin of the same organization change anything', async () => {
		const a = await addDepartment(db, admin, 'กองช่าง');
		if (!a.ok) throw new Error('not added');
		expect(await status(addDepartment(db, { id: 'clerk1', orgId: 'org1', orgRole: 'member' }, 'กองคลัง'))).toBe(403);
		expect(await status(addDepartment(db, { id: 'po', orgId: 'org1', orgRole: 'planning_officer' }, 'กองคลัง'))).toBe(403);
		expect(await status(addDepartment(db, null, 'กองคลัง'))).toBe(401);
		expect(await status(renameDepartment(db, otherAdmin, a.id, 'ของเรา'))).toBe(404);
		expect(await status(removeDepartment(db, otherAdmin, a.id))).toBe(404);
		expect(await status(setMemberDepartments(db, admin, 'clerk2', [a.id]))).toBe(404);
		expect((await listDepartments(db, 'org1')).map((d) => d.name)).toEqual(['กองช่าง']);
	});

	it('assigns members only to departments of their own organization', async () => {
		const mine = await addDepartment(db, admin, 'กองช่าง');
		const theirs = await addDepartment(db, otherAdmin, 'กองคลัง');
		if (!mine.ok || !theirs.ok) throw new Error('not added');
		expect(await setMemberDepartments(db, admin, 'clerk1', [mine.id, theirs.id, mine.id])).toEqual([mine.id]);
		expect((await membershipsInOrg(db, 'org1')).get('clerk1')).toEqual([mine.id]);
		await removeDepartment(db, admin, mine.id);
		expect((await membershipsInOrg(db, 'org1')).get('clerk1')).toBeUndefined();
	});
});
