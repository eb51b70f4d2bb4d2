import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { abilitiesFor, authorize } from '$lib/server/policies/plan';
import { translate } from '$lib/i18n';
import { planDocName } from '$lib/domain/docNames';
import { colorFor } from '$lib/domain/colors';
import { lastTransition } from '$lib/server/db/audit';
import { isContentWritable, isPlanState } from '$lib/domain/workflow';
import { todayInThailand } from '$lib/server/commands/planTransitioner';
import * as users from '$lib/server/db/users';
import { meetingInSession } from '$lib/server/commands/meeting/scene';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db, collab } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, translate(locals.locale, 'planNotFound'));
	authorize(scene, 'read');
	const { row } = scene;
	// The committee's meeting now in session, if any: its presenter is whom followers follow.
	const open = await meetingInSession(db, row.id, scene.plan.state);
	const presenterId = open ? (open.presenterId ?? open.secretaryId) : null;
	const presenter = presenterId ? await users.byId(db, presenterId) : null;
	// The editor's socket connects once the page has started in the browser: have the plan
	// loaded by then. After this answer is rendered (the load reads the database on this thread).
	const docName = planDocName(row.id);
	if (collab) setImmediate(() => collab.warmUp(docName));
	return {
		meeting: open && presenterId ? { id: open.id, presenterId, presenter: presenter?.displayName ?? '' } : null,
		plan: { id: row.id, title: row.title, fiscalYear: row.fiscalYear, state: row.state },
		role: scene.role,
		abilities: abilitiesFor(scene),
		docName,
		// Why the content is frozen, and by whom: the banner over a plan that left draft.
		frozenBy: isPlanState(row.state) && isContentWritable(row.state) ? null : await lastTransition(db, row.id),
		me: { id: user.id, name: user.displayName, color: colorFor(user.id) },
		// The deadline clock's recorded dates; the plan's own ordinance date comes from the live document (planClock).
		deadline: { triggerDate: row.triggerDate, extendedTo: row.extendedTo, today: todayInThailand() }
	};
}
