import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import * as versions from '$lib/server/db/versions';
import type { ThreadView } from '$lib/server/commentRegister';

/** The comment register frozen with a version (at lock), printable. */
export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const version = await versions.get(db, params.id, params.vid);
	if (!version?.commentRegister) error(404, 'no register with this version');
	return {
		plan: { id: scene.row.id, title: scene.row.title },
		version: { id: version.id, name: version.name, sha256: version.sha256, createdAt: version.createdAt.toISOString() },
		threads: JSON.parse(version.commentRegister) as ThreadView[]
	};
}
