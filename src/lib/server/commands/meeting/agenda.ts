/** The agenda while the meeting runs: add an item, move it within its section, show an item to everyone, name the presenter. */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as planMembers from '../../db/planMembers';
import { newId } from '../../ids';
import type { Actor } from '../../policies/plan';
import type { AgendaSection } from '$lib/domain/meeting/meeting';
import { announceMeeting, meetingScene, type MeetingResult } from './scene';

interface Base {
	actor: Actor | null;
	planId: string;
	meetingId: string;
}

export async function addAgendaItem(db: Database, props: Base & { section: AgendaSection; title: string }): Promise<MeetingResult<{ itemId: string }>> {
	const { meeting, open } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	const items = await meetings.agenda(db, meeting.id);
	const id = newId();
	await meetings.insertAgendaItem(db, { id, meetingId: meeting.id, section: props.section, order: Math.max(-1, ...items.map((i) => i.order)) + 1, title: props.title, refKind: null, refId: null });
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: { itemId: id } };
}

/** Moves an item one place up or down within its section (the sections' order is fixed). */
export async function moveAgendaItem(db: Database, props: Base & { itemId: string; by: -1 | 1 }): Promise<MeetingResult> {
	const { meeting, open } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	const items = await meetings.agenda(db, meeting.id);
	const item = items.find((i) => i.id === props.itemId);
	if (!item) return { ok: false, reason: 'invalidInput' };
	const section = items.filter((i) => i.section === item.section);
	const at = section.indexOf(item);
	const other = section[at + props.by];
	if (!other) return { ok: true, value: undefined };
	await db.tx(async (tx) => {
		await meetings.setAgendaOrder(tx, item.id, other.order);
		await meetings.setAgendaOrder(tx, other.id, item.order);
	});
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}

export async function setCurrentItem(db: Database, props: Base & { itemId: string }): Promise<MeetingResult> {
	const { meeting, open } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	if (!(await meetings.agenda(db, meeting.id)).some((i) => i.id === props.itemId)) return { ok: false, reason: 'invalidInput' };
	await meetings.update(db, meeting.id, { currentItemId: props.itemId });
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}

/**
 * Names whom followers follow (the chair or the secretary does): a member of the plan, or null
 * for the default, the meeting's secretary. Followers follow only the presence stamped with this
 * user's id (collab/presence.ts), so nobody else can lead them.
 */
export async function setPresenter(db: Database, props: Base & { userId: string | null }): Promise<MeetingResult> {
	const { meeting, open } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'holdMeeting');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	if (props.userId !== null && !(await planMembers.listOfPlan(db, props.planId)).some((m) => m.userId === props.userId)) return { ok: false, reason: 'notMember' };
	await meetings.update(db, meeting.id, { presenterId: props.userId });
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: undefined };
}
