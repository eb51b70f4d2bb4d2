/**
 * What every meeting command starts from: the plan scene (policy), the meeting, and the
 * committee that sits on the plan now. A meeting can be run only while its committee sits
 * (support committee in draft, development committee in review) and until it is closed.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as planMembers from '../../db/planMembers';
import { loadPlanScene } from '../../planAccess';
import { authorize, type Actor } from '../../policies/plan';
import { events } from '../../events';
import type { PlanAbility } from '$lib/domain/roles';
import { quorumOf, type Committee, type QuorumState } from '$lib/domain/meeting/meeting';
import type { PlanState } from '$lib/domain/workflow';

export type MeetingRefusal = 'meetingClosed' | 'noQuorum' | 'notApplicable' | 'alreadyDecided' | 'invalidInput' | 'notMember' | 'previousMinutes';
export type MeetingResult<T = void> = { ok: true; value: T } | { ok: false; reason: MeetingRefusal };

export function sittingCommittee(state: PlanState): Committee | null {
	return state === 'draft' ? 'support_committee' : state === 'review' ? 'development_committee' : null;
}

/** The meeting of the committee that sits on the plan now, while it is open; null otherwise. */
export async function meetingInSession(db: Database, planId: string, state: PlanState) {
	const committee = sittingCommittee(state);
	return (await meetings.listOfPlan(db, planId)).find((m) => m.status === 'open' && m.committee === committee) ?? null;
}

/** The plan scene with the actor authorized for `ability` (404/403 otherwise). */
export async function authorizedScene(db: Database, actor: Actor | null, planId: string, ability: PlanAbility) {
	const scene = await loadPlanScene(db, actor, planId);
	if (!scene) error(404, 'not found');
	authorize(scene, ability);
	return scene;
}

/** The scene plus an open meeting of the committee now sitting; null meeting when it is closed or not theirs. */
export async function meetingScene(db: Database, actor: Actor | null, planId: string, meetingId: string, ability: PlanAbility) {
	const scene = await authorizedScene(db, actor, planId, ability);
	const meeting = await meetings.get(db, planId, meetingId);
	if (!meeting) error(404, 'not found');
	const open = meeting.status === 'open' && meeting.committee === sittingCommittee(scene.plan.state);
	return { scene, meeting, open, actor: scene.actor };
}

/** The committee's members (plan members with the committee's role). */
export async function committeeMembers(db: Database, planId: string, committee: string) {
	return (await planMembers.listOfPlan(db, planId)).filter((m) => m.role === committee);
}

export async function quorumOfMeeting(db: Database, meeting: meetings.MeetingRow): Promise<QuorumState> {
	const members = await committeeMembers(db, meeting.planId, meeting.committee);
	const ids = new Set(members.map((m) => m.userId));
	const present = (await meetings.attendance(db, meeting.id)).filter((a) => a.status === 'present' && a.userId && ids.has(a.userId)).length;
	return quorumOf(members.length, present, meeting.quorum);
}

/** Tells the plan's open pages to fetch the meeting again (a stateless `meeting` message). */
export function announceMeeting(planId: string, meetingId: string) {
	events().emit('meetingChanged', planId, meetingId);
}
