/** The minutes (รายงานการประชุม): the secretary's narrative, recorder and checker; closing the meeting. */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as audit from '../../db/audit';
import type { Actor } from '../../policies/plan';
import { announceMeeting, meetingScene, type MeetingResult } from './scene';

export const MAX_NARRATIVE = 50_000;

export async function saveMinutes(
	db: Database,
	props: { actor: Actor | null; planId: string; meetingId: string; narrative: string; recorderName: string; checkerName: string }
): Promise<MeetingResult> {
	const { meeting } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	// Adopted minutes are what the next meeting certified; they no longer change.
	if (meeting.adoptedInMeetingId) return { ok: false, reason: 'previousMinutes' };
	await meetings.update(db, meeting.id, { narrative: props.narrative, recorderName: props.recorderName, checkerName: props.checkerName });
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}

export async function closeMeeting(db: Database, props: { actor: Actor | null; planId: string; meetingId: string }): Promise<MeetingResult> {
	const { scene, meeting, open, actor } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	await db.tx(async (tx) => {
		await meetings.update(tx, meeting.id, { status: 'closed', endedAt: new Date(), currentItemId: null });
		await audit.record(tx, { orgId: scene.plan.orgId, planId: props.planId, actorId: actor.id, action: 'meetings.close', data: { meetingId: meeting.id } });
	});
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}
