/**
 * A resolution (มติ) on an agenda item, recorded by the chair and only with a quorum. When it
 * accepts a proposal (เห็นชอบ, or เห็นชอบโดยแก้ไข with the amended change), this is the one
 * command that changes content frozen for review: it applies the change through the plan
 * store's `writeResolvedProposal`, which records the resolution, a version named after the
 * meeting and the audit event in the same transaction as the change: the plan is never changed
 * without its resolution recorded, nor a resolution recorded without its change. Adopting the previous meeting's minutes is a resolution too.
 */
import type { Database } from '../../db';
import * as meetings from '../../db/meetings';
import * as audit from '../../db/audit';
import { newId } from '../../ids';
import type { Actor } from '../../policies/plan';
import { PlanWriteRefused, writeResolvedProposal } from '../../plan/planStore';
import { createVersion } from '../versionCreator';
import { applyProposal, parseProposalChange, type ProposalChange } from '$lib/domain/meeting/proposal';
import { DECISION_TH, type Decision } from '$lib/domain/meeting/meeting';
import { announceMeeting, meetingScene, quorumOfMeeting, type MeetingResult } from './scene';

export interface ResolveProps {
	actor: Actor | null;
	planId: string;
	meetingId: string;
	agendaItemId: string;
	decision: Decision;
	note: string;
	/** For เห็นชอบโดยแก้ไข of a proposal: the change as amended (same kind and row). */
	amendedChange?: unknown;
	votes?: { for: number; against: number; abstain: number } | null;
}

class NotApplicable extends Error {}
class AlreadyDecided extends Error {}

const sameTarget = (a: ProposalChange, b: ProposalChange) =>
	a.kind === b.kind && (a.kind === 'addRow' || (b.kind !== 'addRow' && a.projectId === b.projectId && (a.kind !== 'cell' || (b.kind === 'cell' && a.field === b.field))));

export async function recordResolution(db: Database, props: ResolveProps): Promise<MeetingResult<{ resolutionId: string; versionId: string | null }>> {
	const { scene, meeting, open, actor } = await meetingScene(db, props.actor, props.planId, props.meetingId, 'resolve');
	if (!open) return { ok: false, reason: 'meetingClosed' };
	if (!(await quorumOfMeeting(db, meeting)).met) return { ok: false, reason: 'noQuorum' };
	const item = (await meetings.agenda(db, meeting.id)).find((i) => i.id === props.agendaItemId);
	if (!item) return { ok: false, reason: 'invalidInput' };
	const accepts = props.decision !== 'reject';

	// A proposal: what is applied is the proposal, or the chair's amendment of it.
	let applied: ProposalChange | null = null;
	const proposal = item.refKind === 'proposal' && item.refId ? await meetings.proposal(db, props.planId, item.refId) : null;
	if (proposal) {
		if (proposal.status !== 'pending') return { ok: false, reason: 'alreadyDecided' };
		const proposed = parseProposalChange(JSON.parse(proposal.change));
		if (!proposed) return { ok: false, reason: 'notApplicable' };
		if (props.decision === 'amend') {
			const amended = parseProposalChange(props.amendedChange);
			if (!amended || !sameTarget(proposed, amended)) return { ok: false, reason: 'invalidInput' };
			applied = amended;
		} else if (accepts) applied = proposed;
	}
	const previousMinutes = item.refKind === 'minutes' && item.refId ? await meetings.get(db, props.planId, item.refId) : null;

	const resolutionId = newId();
	const meetingLabel = `ครั้งที่ ${meeting.number}/${meeting.yearBe}`;
	// The resolution's records, written in the transaction that stores the change it applies.
	let versionId: string | null = null;
	let recorded = false;
	const record = async (tx: Database, seq: number | null) => {
		if (proposal && !(await meetings.decideProposal(tx, proposal.id, accepts ? 'accepted' : 'rejected', resolutionId))) throw new AlreadyDecided();
		const version = seq !== null ? await createVersion(tx, { planId: props.planId, name: `มติที่ประชุม ${meetingLabel}: ${DECISION_TH[props.decision]} — ${item.title}`.slice(0, 300), kind: 'resolution', state: scene.plan.state, createdBy: actor.id }) : null;
		if (previousMinutes && accepts) await meetings.update(tx, previousMinutes.id, { adoptedInMeetingId: meeting.id });
		await meetings.insertResolution(tx, {
			id: resolutionId,
			meetingId: meeting.id,
			agendaItemId: item.id,
			proposalId: proposal?.id ?? null,
			decision: props.decision,
			note: props.note,
			appliedChange: applied ? JSON.stringify(applied) : null,
			votesFor: props.votes?.for ?? null,
			votesAgainst: props.votes?.against ?? null,
			votesAbstain: props.votes?.abstain ?? null,
			versionId: version?.id ?? null,
			recordedBy: actor.id,
			recordedAt: new Date()
		});
		await audit.record(tx, {
			orgId: scene.plan.orgId,
			planId: props.planId,
			actorId: actor.id,
			action: 'meetings.resolution',
			data: { meetingId: meeting.id, meeting: meetingLabel, resolutionId, agendaItemId: item.id, decision: props.decision, proposalId: proposal?.id ?? null, applied, logSeq: seq, versionId: version?.id ?? null, sha256: version?.sha256 ?? null }
		});
		versionId = version?.id ?? null;
		recorded = true;
	};
	try {
		if (applied) {
			const change = applied;
			await writeResolvedProposal(
				db,
				props.planId,
				(doc) => {
					if (!applyProposal(doc, change)) throw new NotApplicable();
				},
				{ author: actor.id, state: scene.plan.state === 'review' ? 'review' : 'draft', record }
			);
		}
		// Nothing to apply (a rejection, adopted minutes, or a change the plan already has).
		if (!recorded) await db.tx((tx) => record(tx, null));
	} catch (error) {
		if (error instanceof NotApplicable) return { ok: false, reason: 'notApplicable' };
		if (error instanceof AlreadyDecided) return { ok: false, reason: 'alreadyDecided' };
		if (error instanceof PlanWriteRefused) return { ok: false, reason: error.reason === 'notDraft' ? 'meetingClosed' : 'notApplicable' };
		throw error;
	}
	announceMeeting(props.planId, meeting.id);
	return { ok: true, value: { resolutionId, versionId } };
}
