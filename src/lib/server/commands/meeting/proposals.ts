/**
 * A proposal to change plan content (development committee members during review; anyone
 * who works on the plan in draft). It is checked against the plan as stored, kept as a row,
 * and put on the agenda of the committee's open meeting; it changes nothing until a
 * resolution applies it.
 */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as audit from '../../db/audit';
import { newId } from '../../ids';
import type { Actor } from '../../policies/plan';
import { withStoredPlan } from '../../plan/planStore';
import { getProject } from '$lib/domain/plan/doc';
import { describeProposal, parseProposalChange, proposalEffect, proposalProjectId } from '$lib/domain/meeting/proposal';
import { announceMeeting, authorizedScene, meetingInSession, type MeetingResult } from './scene';

export const MAX_REASON = 2000;

export async function createProposal(db: Database, props: { actor: Actor | null; planId: string; change: unknown; reason: string }): Promise<MeetingResult<{ proposalId: string }>> {
	const scene = await authorizedScene(db, props.actor, props.planId, 'propose');
	const change = parseProposalChange(props.change);
	if (!change || props.reason.length > MAX_REASON) return { ok: false, reason: 'invalidInput' };
	const checked = await withStoredPlan(db, props.planId, (doc) => {
		const projectId = proposalProjectId(change);
		const name = projectId ? getProject(doc, projectId)?.name : '';
		return { applies: name !== undefined && proposalEffect(doc, change).applies, title: describeProposal(change, name ?? '') };
	});
	if (!checked.applies) return { ok: false, reason: 'notApplicable' };
	const meeting = await meetingInSession(db, props.planId, scene.plan.state);
	const id = newId();
	await db.tx(async (tx) => {
		await meetings.insertProposal(tx, {
			id,
			planId: props.planId,
			meetingId: meeting?.id ?? null,
			change: JSON.stringify(change),
			reason: props.reason,
			status: 'pending',
			proposedBy: scene.actor.id,
			createdAt: new Date(),
			resolutionId: null
		});
		if (meeting) {
			const items = await meetings.agenda(tx, meeting.id);
			const order = Math.max(-1, ...items.map((i) => i.order)) + 1;
			await meetings.insertAgendaItem(tx, { id: newId(), meetingId: meeting.id, section: 3, order, title: checked.title.slice(0, 300), refKind: 'proposal', refId: id });
		}
		await audit.record(tx, { orgId: scene.plan.orgId, planId: props.planId, actorId: scene.actor.id, action: 'proposals.create', data: { proposalId: id, change } });
	});
	if (meeting) announceMeeting(props.planId, meeting.id);
	return { ok: true, value: { proposalId: id } };
}
