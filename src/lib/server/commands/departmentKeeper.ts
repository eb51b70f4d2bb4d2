/**
 * The org admin keeps the department list and says who belongs where. Names are cleaned and
 * checked here (length, whitespace-insensitive uniqueness); refusals are message keys the
 * settings page shows. Every change is in the audit log.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as departments from '../db/departments';
import * as users from '../db/users';
import * as audit from '../db/audit';
import { authorizeInOrg } from '../policies/org';
import type { Actor } from '../policies/plan';
import { cleanDepartmentName, DEPARTMENT_NAME_MAX } from '$lib/domain/departments';
import type { MessageKey } from '$lib/i18n';

export type DepartmentResult = { ok: true; id: string } | { ok: false; error: MessageKey };

function checkName(raw: string): { ok: true; name: string } | { ok: false; error: MessageKey } {
	const name = cleanDepartmentName(raw);
	if (!name) return { ok: false, error: 'required' };
	if ([...name].length > DEPARTMENT_NAME_MAX) return { ok: false, error: 'textTooLong' };
	return { ok: true, name };
}

export async function addDepartment(db: Database, actor: Actor | null, rawName: string): Promise<DepartmentResult> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageDepartments');
	const checked = checkName(rawName);
	if (!checked.ok) return checked;
	return db.tx(async (tx) => {
		if (await departments.findByName(tx, actor.orgId, checked.name)) return { ok: false, error: 'departmentExists' } as const;
		const dep = await departments.addDepartment(tx, actor.orgId, checked.name);
		await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'departments.add', data: { id: dep.id, name: dep.name } });
		return { ok: true, id: dep.id } as const;
	});
}

export async function renameDepartment(db: Database, actor: Actor | null, id: string, rawName: string): Promise<DepartmentResult> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageDepartments');
	const checked = checkName(rawName);
	if (!checked.ok) return checked;
	return db.tx(async (tx) => {
		if (await departments.findByName(tx, actor.orgId, checked.name, id)) return { ok: false, error: 'departmentExists' } as const;
		if (!(await departments.renameDepartment(tx, actor.orgId, id, checked.name))) error(404, 'no such department');
		await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'departments.rename', data: { id, name: checked.name } });
		return { ok: true, id } as const;
	});
}

export async function removeDepartment(db: Database, actor: Actor | null, id: string): Promise<void> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageDepartments');
	await db.tx(async (tx) => {
		if (!(await departments.removeDepartment(tx, actor.orgId, id))) error(404, 'no such department');
		await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'departments.remove', data: { id } });
	});
}

/** Sets a member's departments; departments of other organizations are ignored. */
export async function setMemberDepartments(db: Database, actor: Actor | null, userId: string, departmentIds: string[]): Promise<string[]> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageDepartments');
	const user = await users.byId(db, userId);
	if (!user || user.orgId !== actor.orgId) error(404, 'no such user');
	return db.tx(async (tx) => {
		const set = await departments.setMemberDepartments(tx, actor.orgId, userId, departmentIds);
		await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'departments.members', data: { userId, departmentIds: set } });
		return set;
	});
}
