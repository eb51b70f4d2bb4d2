/**
 * Attendance: members check themselves in; the chair or secretary marks people in the room
 * without a device — committee members as มาประชุม / ไม่มาประชุม (ลา), anyone else as
 * ผู้เข้าร่วมประชุม (a guest by name).
 */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as users from '../../db/users';
import { newId } from '../../ids';
import type { Actor } from '../../policies/plan';
import type { Attendance } from '$lib/domain/meeting/meeting';
import { announceMeeting, committeeMembers, meetingScene, type MeetingResult } from './scene';

export async function checkIn(db: Database, props: { actor: Actor | null; planId: string; meetingId: string }): Promise<MeetingResult> {
	const { meeting, open, actor } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'attendMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	const me = await users.byId(db, actor.id);
	await meetings.putAttendance(db, {
		meetingId: meeting.id,
		person: actor.id,
		userId: actor.id,
		name: me?.displayName ?? '',
		position: me?.position ?? '',
		status: 'present',
		markedBy: actor.id,
		markedAt: new Date()
	});
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}

export interface MarkProps {
	actor: Actor | null;
	planId: string;
	meetingId: string;
	/** A committee member (present or absent) … */
	userId?: string;
	/** … or a guest by name and position. */
	guest?: { name: string; position: string };
	status: Attendance;
}

export async function markAttendance(db: Database, props: MarkProps): Promise<MeetingResult> {
	const { meeting, open, actor } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	const at = { meetingId: meeting.id, markedBy: actor.id, markedAt: new Date() };
	if (props.userId) {
		// Members are marked present or absent; a guest is someone outside the committee.
		const member = (await committeeMembers(db, props.planId, meeting.committee)).find((m) => m.userId === props.userId);
		if (!member || props.status === 'guest') return { ok: false, reason: 'notMember' };
		await meetings.putAttendance(db, { ...at, person: member.userId, userId: member.userId, name: member.displayName, position: member.position ?? '', status: props.status });
	} else if (props.guest && props.status === 'guest') {
		await meetings.putAttendance(db, { ...at, person: `guest:${newId()}`, userId: null, name: props.guest.name, position: props.guest.position, status: 'guest' });
	} else return { ok: false, reason: 'invalidInput' };
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}
