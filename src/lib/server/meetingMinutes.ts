/** Loads the minutes model of one meeting for a reader of the plan (print view and PDF). */
import { error } from '@sveltejs/kit';
import type { Database } from './db';
import * as organizations from './db/organizations';
import { loadPlanScene } from './planAccess';
import { authorize, type Actor } from './policies/plan';
import { meetingView } from './meetingView';
import { roleLabels } from '$lib/domain/roles';
import { minutesModel, type MinutesModel } from '$lib/domain/meeting/minutes';
import type { Committee } from '$lib/domain/meeting/meeting';

export async function loadMinutes(db: Database, actor: Actor & { id: string }, planId: string, meetingId: string): Promise<{ model: MinutesModel; label: string }> {
	const scene = await loadPlanScene(db, actor, planId);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const view = await meetingView(db, { ...scene, actor }, meetingId);
	if (!view) error(404, 'not found');
	const org = await organizations.byId(db, scene.plan.orgId);
	const model = minutesModel({
		orgName: org?.name ?? '',
		committeeName: roleLabels[view.meeting.committee as Committee].th,
		meeting: view.meeting,
		members: view.members,
		guests: view.guests,
		agenda: view.agenda,
		proposals: view.proposals
	});
	return { model, label: `${view.meeting.number}-${view.meeting.yearBe}` };
}
