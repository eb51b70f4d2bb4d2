/**
 * A meeting as its pages show it: attendance with the live quorum, the agenda with each
 * item's resolution, and the proposals with their effect on ผด.01 (computed on a copy of the
 * stored plan with the proposal applied). Read-only; commands/meeting/* write.
 */
import type { Database } from './db';
import * as meetings from './db/meetings';
import * as planMembers from './db/planMembers';
import * as users from './db/users';
import * as docLog from './db/docLog';
import { withStoredPlan } from './plan/planStore';
import { planDocName } from '$lib/domain/docNames';
import { abilitiesFor, type PlanScene } from './policies/plan';
import { committeeMembers, quorumOfMeeting, sittingCommittee } from './commands/meeting/scene';
import { getProject } from '$lib/domain/plan/doc';
import { computePd01FromDoc } from '$lib/domain/plan/pd01';
import { describeProposal, parseProposalChange, proposalEffect, proposalProjectId, type Pd01Effect, type ProposalChange } from '$lib/domain/meeting/proposal';
import type { Attendance, Decision } from '$lib/domain/meeting/meeting';

export interface ProposalView {
	id: string;
	status: string;
	description: string;
	reason: string;
	proposedBy: string;
	change: ProposalChange | null;
	projectId: string | null;
	/** Only for pending proposals: what accepting it would do to ผด.01 now. */
	effect: Pd01Effect | null;
}

/**
 * Descriptions and ผด.01 effects per proposal, cached by the plan's stored content: every open
 * meeting page refetches on each change, and during review the content changes only by
 * resolution, so rebuilding the plan and ผด.01 for every fetch would be wasted work.
 */
const effectCache = new Map<string, Map<string, { description: string; effect: Pd01Effect | null }>>();

async function proposalViews(db: Database, planId: string, rows: meetings.ProposalRow[], names: Map<string, string>): Promise<ProposalView[]> {
	const key = `${planId}@${await docLog.contentMark(db, planDocName(planId))}`;
	let cached = effectCache.get(key);
	const parsed = rows.map((p) => ({ row: p, change: parseProposalChange(JSON.parse(p.change)) }));
	const missing = parsed.filter((p) => !cached?.has(`${p.row.id}:${p.row.status}`));
	if (!cached || missing.length) {
		const entries = cached ?? new Map();
		await withStoredPlan(db, planId, (doc) => {
			const before = computePd01FromDoc(doc);
			for (const { row, change } of missing) {
				const projectId = change ? proposalProjectId(change) : null;
				entries.set(`${row.id}:${row.status}`, {
					description: change ? describeProposal(change, projectId ? (getProject(doc, projectId)?.name ?? '') : '') : '',
					effect: change && row.status === 'pending' ? proposalEffect(doc, change, before) : null
				});
			}
		});
		cached = entries;
		effectCache.delete(key);
		if (effectCache.size >= 50) effectCache.delete(effectCache.keys().next().value!);
		effectCache.set(key, entries);
	}
	return parsed.map(({ row, change }) => ({
		id: row.id,
		status: row.status,
		reason: row.reason,
		proposedBy: names.get(row.proposedBy) ?? '',
		change,
		projectId: change ? proposalProjectId(change) : null,
		...cached!.get(`${row.id}:${row.status}`)!
	}));
}

export async function meetingList(db: Database, planId: string) {
	return (await meetings.listOfPlan(db, planId)).map((m) => ({ id: m.id, number: m.number, yearBe: m.yearBe, date: m.date, committee: m.committee, status: m.status }));
}

export async function meetingView(db: Database, scene: PlanScene & { actor: { id: string } }, meetingId: string) {
	const meeting = await meetings.get(db, scene.plan.id, meetingId);
	if (!meeting) return null;
	const [members, seats, attendance, agenda, resolutions, allProposals, quorum, people] = await Promise.all([
		committeeMembers(db, scene.plan.id, meeting.committee),
		planMembers.seatsOfPlan(db, scene.plan.id),
		meetings.attendance(db, meeting.id),
		meetings.agenda(db, meeting.id),
		meetings.resolutions(db, meeting.id),
		meetings.proposalsOfPlan(db, scene.plan.id),
		quorumOfMeeting(db, meeting),
		users.listInOrg(db, scene.plan.orgId)
	]);
	const names = new Map(people.map((u) => [u.id, u.displayName]));
	const marked = new Map(attendance.map((a) => [a.person, a]));
	const shown = allProposals.filter((p) => p.meetingId === meeting.id || p.status === 'pending' || resolutions.some((r) => r.proposalId === p.id));
	const proposals = await proposalViews(db, scene.plan.id, shown, names);
	const open = meeting.status === 'open' && meeting.committee === sittingCommittee(scene.plan.state);
	const abilities = abilitiesFor(scene);
	const adoptedIn = meeting.adoptedInMeetingId ? await meetings.get(db, scene.plan.id, meeting.adoptedInMeetingId) : null;
	return {
		meeting: {
			id: meeting.id,
			committee: meeting.committee,
			kind: meeting.kind,
			number: meeting.number,
			yearBe: meeting.yearBe,
			date: meeting.date,
			place: meeting.place,
			chair: names.get(meeting.chairId) ?? '',
			secretary: names.get(meeting.secretaryId) ?? '',
			status: meeting.status,
			open,
			startedAt: meeting.startedAt.toISOString(),
			endedAt: meeting.endedAt?.toISOString() ?? null,
			narrative: meeting.narrative,
			recorderName: meeting.recorderName,
			checkerName: meeting.checkerName,
			currentItemId: meeting.currentItemId,
			/** Whom followers follow: the one the chair or secretary named, else the secretary. */
			presenterId: meeting.presenterId ?? meeting.secretaryId,
			presenter: names.get(meeting.presenterId ?? meeting.secretaryId) ?? '',
			adoptedIn: adoptedIn ? `ครั้งที่ ${adoptedIn.number}/${adoptedIn.yearBe}` : null
		},
		quorum,
		members: members.map((m) => ({
			userId: m.userId,
			name: m.displayName,
			position: m.position ?? '',
			seat: seats.get(m.userId) ?? null,
			status: (marked.get(m.userId)?.status ?? null) as Attendance | null,
			self: marked.get(m.userId)?.markedBy === m.userId
		})),
		guests: attendance.filter((a) => a.status === 'guest').map((a) => ({ name: a.name, position: a.position })),
		agenda: agenda.map((item) => {
			const r = resolutions.find((x) => x.agendaItemId === item.id);
			return {
				id: item.id,
				section: item.section,
				title: item.title,
				refKind: item.refKind,
				refId: item.refId,
				resolution: r
					? {
							decision: r.decision as Decision,
							note: r.note,
							votes: r.votesFor === null ? null : { for: r.votesFor, against: r.votesAgainst ?? 0, abstain: r.votesAbstain ?? 0 },
							versionId: r.versionId,
							recordedAt: r.recordedAt.toISOString(),
							/** The change this resolution applied to the plan (the proposal, or the chair's amendment of it). */
							appliedChange: r.appliedChange ? parseProposalChange(JSON.parse(r.appliedChange)) : null
						}
					: null
			};
		}),
		proposals,
		abilities: {
			holdMeeting: open && abilities.holdMeeting,
			attendMeeting: open && abilities.attendMeeting,
			propose: abilities.propose,
			resolve: open && abilities.resolve,
			// The minutes are written during and after the meeting, until the next one adopts them.
			writeMinutes: abilities.holdMeeting && !meeting.adoptedInMeetingId
		},
		me: scene.actor.id
	};
}

export type MeetingView = NonNullable<Awaited<ReturnType<typeof meetingView>>>;
