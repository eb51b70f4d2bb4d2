import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { translate } from '$lib/i18n';
import { planDocName } from '$lib/domain/docNames';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, translate(locals.locale, 'planNotFound'));
	authorize(scene, 'read');
	return { planId: params.id, meetingId: params.meetingId, docName: planDocName(params.id), title: scene.row.title };
}
