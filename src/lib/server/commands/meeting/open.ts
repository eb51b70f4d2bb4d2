/**
 * Opens a committee meeting on a plan (chair or secretary of the committee now sitting):
 * numbers it ครั้งที่ N/ปี (Buddhist year of its date), names its chair and secretary from
 * the committee's seats, and prefills the agenda in the usual order — the previous minutes
 * to adopt, the plan's open comment threads and pending proposals for consideration.
 */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as planMembers from '../../db/planMembers';
import * as audit from '../../db/audit';
import { newId } from '../../ids';
import type { Actor } from '../../policies/plan';
import { planThreads } from '../../commentRegister';
import { withStoredPlan } from '../../plan/planStore';
import { getProject } from '$lib/domain/plan/doc';
import { AGENDA_SECTIONS, type MeetingKind } from '$lib/domain/meeting/meeting';
import { describeProposal, parseProposalChange, proposalProjectId } from '$lib/domain/meeting/proposal';
import { announceMeeting, authorizedScene, committeeMembers, sittingCommittee, type MeetingResult } from './scene';

export interface OpenMeetingProps {
	actor: Actor | null;
	planId: string;
	kind: MeetingKind;
	/** ISO date of the meeting. */
	date: string;
	place: string;
	/** Members needed; null: more than half of the committee. */
	quorum: number | null;
}

const MAX_TITLE = 300;

export async function openMeeting(db: Database, props: OpenMeetingProps): Promise<MeetingResult<{ meetingId: string }>> {
	const scene = await authorizedScene(db, props.actor, props.planId, 'holdMeeting');
	const actor = scene.actor;
	const committee = sittingCommittee(scene.plan.state)!;
	const previous = (await meetings.listOfPlan(db, props.planId)).filter((m) => m.committee === committee);
	if (previous.some((m) => m.status === 'open')) return { ok: false, reason: 'meetingClosed' };
	const members = await committeeMembers(db, props.planId, committee);
	if (props.quorum !== null && props.quorum > members.length) return { ok: false, reason: 'invalidInput' };
	const seats = await planMembers.seatsOfPlan(db, props.planId);
	const holder = (seat: 'chair' | 'secretary') => members.find((m) => seats.get(m.userId) === seat)?.userId ?? actor.id;
	const yearBe = Number(props.date.slice(0, 4)) + 543;

	// Agenda prefill: what the committee has to decide is already in the plan.
	const threads = (await planThreads(db, props.planId, scene.plan.orgId)).filter((t) => t.status === 'open');
	const pending = (await meetings.proposalsOfPlan(db, props.planId)).filter((p) => p.status === 'pending');
	const proposalTitles = await withStoredPlan(db, props.planId, (doc) =>
		pending.map((p) => {
			const change = parseProposalChange(JSON.parse(p.change));
			if (!change) return { id: p.id, title: 'ข้อเสนอ' };
			const projectId = proposalProjectId(change);
			return { id: p.id, title: describeProposal(change, projectId ? (getProject(doc, projectId)?.name ?? '') : '') };
		})
	);
	const last = previous[0];
	const meetingId = newId();
	const now = new Date();
	const items: Omit<meetings.AgendaRow, 'id' | 'meetingId' | 'order'>[] = [
		{ section: 1, title: AGENDA_SECTIONS[0].th, refKind: null, refId: null },
		last
			? { section: 2, title: `รับรองรายงานการประชุม ครั้งที่ ${last.number}/${last.yearBe}`, refKind: 'minutes', refId: last.id }
			: { section: 2, title: 'ไม่มี (การประชุมครั้งแรก)', refKind: null, refId: null },
		...proposalTitles.map((p) => ({ section: 3, title: p.title.slice(0, MAX_TITLE), refKind: 'proposal', refId: p.id })),
		...threads.map((t) => ({ section: 3, title: `ความเห็น: ${(t.quote || t.comments[0]?.body || '').slice(0, MAX_TITLE)}`, refKind: 'thread', refId: t.id })),
		{ section: 4, title: AGENDA_SECTIONS[3].th, refKind: null, refId: null }
	];
	const rows = items.map((item, i) => ({ ...item, id: newId(), meetingId, order: i }));
	await db.tx(async (tx) => {
		await meetings.insertMeeting(tx, {
			id: meetingId,
			planId: props.planId,
			committee,
			kind: props.kind,
			number: await meetings.nextNumber(tx, props.planId, committee, yearBe),
			yearBe,
			date: props.date,
			place: props.place,
			chairId: holder('chair'),
			secretaryId: holder('secretary'),
			quorum: props.quorum,
			status: 'open',
			currentItemId: rows[0].id,
			narrative: '',
			recorderName: '',
			checkerName: '',
			startedAt: now,
			endedAt: null,
			adoptedInMeetingId: null,
			presenterId: null,
			createdBy: actor.id,
			createdAt: now
		});
		for (const row of rows) await meetings.insertAgendaItem(tx, row);
		await audit.record(tx, { orgId: scene.plan.orgId, planId: props.planId, actorId: actor.id, action: 'meetings.open', data: { meetingId, committee, date: props.date } });
	});
	announceMeeting(props.planId, meetingId);
	return { ok: true, value: { meetingId } };
}
