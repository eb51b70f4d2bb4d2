/** Loads the minutes model of one meeting for a reader of the plan (print view, PDF, DOCX, and the plan's annex). */
import { error } from '@sveltejs/kit';
import type { Database } from './db';
import * as organizations from './db/organizations';
import { loadPlanScene } from './planAccess';
import { authorize, type Actor, type PlanScene } from './policies/plan';
import * as meetings from './db/meetings';
import { meetingView } from './meetingView';
import { withStoredPlan } from './plan/planStore';
import { getProject } from '$lib/domain/plan/doc';
import { describeProposal, proposalProjectId } from '$lib/domain/meeting/proposal';
import { roleLabels } from '$lib/domain/roles';
import { minutesModel, type MinutesModel } from '$lib/domain/meeting/minutes';
import type { Committee } from '$lib/domain/meeting/meeting';

export async function loadMinutes(db: Database, actor: Actor & { id: string }, planId: string, meetingId: string): Promise<{ model: MinutesModel; label: string }> {
	const scene = await loadPlanScene(db, actor, planId);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const minutes = await minutesOf(db, { ...scene, actor }, meetingId);
	if (!minutes) error(404, 'not found');
	return minutes;
}

/** One meeting's minutes for a scene already authorized to read the plan; null for no such meeting. */
async function minutesOf(db: Database, scene: PlanScene & { actor: { id: string } }, meetingId: string): Promise<{ model: MinutesModel; label: string } | null> {
	const view = await meetingView(db, scene, meetingId);
	if (!view) return null;
	const org = await organizations.byId(db, scene.plan.orgId);
	const model = minutesModel({
		orgName: org?.name ?? '',
		committeeName: roleLabels[view.meeting.committee as Committee].th,
		meeting: view.meeting,
		members: view.members,
		guests: view.guests,
		agenda: await describeApplied(db, scene.plan.id, view.agenda),
		proposals: view.proposals
	});
	return { model, label: `${view.meeting.number}-${view.meeting.yearBe}` };
}

/**
 * The plan's adopted minutes (รับรองรายงานการประชุมแล้ว), oldest meeting first: the plan's annex
 * (ภาคผนวก). For a scene already authorized to read the plan.
 */
export async function adoptedMinutesOf(db: Database, scene: PlanScene & { actor: { id: string } }): Promise<MinutesModel[]> {
	const adopted = (await meetings.listOfPlan(db, scene.plan.id)).filter((m) => m.adoptedInMeetingId).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.getTime() - b.createdAt.getTime());
	const out: MinutesModel[] = [];
	for (const m of adopted) {
		const minutes = await minutesOf(db, scene, m.id);
		if (minutes) out.push(minutes.model);
	}
	return out;
}

/** Each resolution's applied change in words ("แก้ไขงบประมาณ โครงการ… เป็น …"), naming the project as the plan has it now. */
async function describeApplied(db: Database, planId: string, agenda: NonNullable<Awaited<ReturnType<typeof meetingView>>>['agenda']) {
	if (!agenda.some((i) => i.resolution?.appliedChange)) return agenda;
	return withStoredPlan(db, planId, (doc) =>
		agenda.map((i) => {
			const change = i.resolution?.appliedChange;
			if (!i.resolution || !change) return i;
			const projectId = proposalProjectId(change);
			return { ...i, resolution: { ...i.resolution, applied: describeProposal(change, projectId ? (getProject(doc, projectId)?.name ?? '') : '') } };
		})
	);
}
