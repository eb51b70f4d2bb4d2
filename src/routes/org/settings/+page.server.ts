import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { authorizeInOrg } from '$lib/server/policies/org';
import { listDepartments } from '$lib/server/db/departments';
import { addDepartment, removeDepartment, renameDepartment } from '$lib/server/commands/departmentKeeper';
import { id, readForm, requiredText } from '$lib/server/input';
import { DEPARTMENT_NAME_MAX } from '$lib/domain/departments';
import { emblemInfo } from '$lib/server/db/emblem';
import { removeEmblem, uploadEmblem } from '$lib/server/commands/emblemKeeper';
import { EMBLEM_MAX_BYTES } from '$lib/domain/emblem';

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	authorizeInOrg(user, user.orgId, 'manageDepartments');
	const { db } = await runtime();
	const emblem = await emblemInfo(db, user.orgId);
	return {
		departments: (await listDepartments(db, user.orgId)).map((d) => ({ id: d.id, name: d.name })),
		emblem: emblem && { sha256: emblem.sha256 }
	};
}

const nameForm = v.object({ name: requiredText(DEPARTMENT_NAME_MAX) });
const renameForm = v.object({ id: id(), name: requiredText(DEPARTMENT_NAME_MAX) });
const removeForm = v.object({ id: id() });

export const actions = {
	addDepartment: async ({ request, locals }) => {
		const input = await readForm(request, nameForm);
		if (!input.ok) return fail(400, { departmentError: input.error, departmentId: '' });
		const done = await addDepartment((await runtime()).db, locals.user, input.value.name);
		return done.ok ? { departmentSaved: done.id } : fail(400, { departmentError: done.error, departmentId: '' });
	},
	renameDepartment: async ({ request, locals }) => {
		const input = await readForm(request, renameForm);
		if (!input.ok) return fail(400, { departmentError: input.error, departmentId: '' });
		const done = await renameDepartment((await runtime()).db, locals.user, input.value.id, input.value.name);
		return done.ok ? { departmentSaved: done.id } : fail(400, { departmentError: done.error, departmentId: input.value.id });
	},
	removeDepartment: async ({ request, locals }) => {
		const input = await readForm(request, removeForm);
		if (!input.ok) return fail(400, { departmentError: input.error, departmentId: '' });
		await removeDepartment((await runtime()).db, locals.user, input.value.id);
		return { departmentRemoved: input.value.id };
	},
	uploadEmblem: async ({ request, locals }) => {
		authorizeInOrg(locals.user, locals.user?.orgId ?? '', 'manageEmblem');
		// A body far over the limit is refused before it is parsed.
		if (Number(request.headers.get('content-length') ?? 0) > EMBLEM_MAX_BYTES + 64 * 1024) return fail(413, { emblemError: 'emblemTooLarge' as const });
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { emblemError: 'emblemEmpty' as const });
		const done = await uploadEmblem((await runtime()).db, locals.user, file);
		return done.ok ? { emblemSaved: done.sha256 } : fail(400, { emblemError: done.error });
	},
	removeEmblem: async ({ locals }) => {
		await removeEmblem((await runtime()).db, locals.user);
		return { emblemRemoved: true };
	}
};
