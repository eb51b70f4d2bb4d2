/**
 * The minutes (รายงานการประชุม) in the usual government layout, filled from the meeting:
 * heading, who came (มาประชุม), who did not (ไม่มาประชุม), others present (ผู้เข้าร่วมประชุม),
 * the opening time, the agenda sections with each item's resolution and the change it applied
 * to the plan, the secretary's
 * narrative, the closing time, and the recorder's and checker's signature lines.
 */
import { toThaiDigits, formatThaiDate } from '../thai';
import { AGENDA_SECTIONS, DECISION_TH, MEETING_KIND_TH, type Attendance, type Decision, type MeetingKind } from './meeting';

export interface MinutesInput {
	orgName: string;
	committeeName: string;
	meeting: {
		kind: string;
		number: number;
		yearBe: number;
		date: string;
		place: string;
		chair: string;
		secretary: string;
		startedAt: string;
		endedAt: string | null;
		narrative: string;
		recorderName: string;
		checkerName: string;
	};
	members: { name: string; position: string; seat: 'chair' | 'secretary' | null; status: Attendance | null }[];
	guests: { name: string; position: string }[];
	agenda: { id: string; section: number; title: string; refKind: string | null; refId: string | null; resolution: { decision: Decision; note: string; votes: { for: number; against: number; abstain: number } | null; applied?: string | null } | null }[];
	proposals: { id: string; description: string; reason: string; proposedBy: string }[];
}

export interface MinutesPerson {
	no: string;
	name: string;
	position: string;
}

export interface MinutesModel {
	title: string;
	number: string;
	dateLine: string;
	place: string;
	present: MinutesPerson[];
	absent: MinutesPerson[];
	others: MinutesPerson[];
	started: string;
	ended: string;
	sections: { heading: string; items: { title: string; detail: string; resolution: string; applied: string }[] }[];
	narrative: string;
	recorder: string;
	checker: string;
}

/** "09.30 น." in Thailand's time, Thai digits. */
export function thaiClock(iso: string): string {
	const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
	return toThaiDigits(`${hm.replace(':', '.')} น.`);
}

const seatTitle = (seat: 'chair' | 'secretary' | null) => (seat === 'chair' ? 'ประธานกรรมการ' : seat === 'secretary' ? 'กรรมการและเลขานุการ' : 'กรรมการ');

export function minutesModel(input: MinutesInput): MinutesModel {
	const m = input.meeting;
	const people = (list: { name: string; position: string }[]) => list.map((p, i) => ({ no: toThaiDigits(String(i + 1)), name: p.name, position: p.position }));
	const kind = MEETING_KIND_TH[m.kind as MeetingKind] ?? '';
	const resolutionText = (r: NonNullable<MinutesInput['agenda'][number]['resolution']>) => {
		const votes = r.votes ? ` (เห็นด้วย ${r.votes.for} เสียง ไม่เห็นด้วย ${r.votes.against} เสียง งดออกเสียง ${r.votes.abstain} เสียง)` : '';
		return toThaiDigits(`มติที่ประชุม ${DECISION_TH[r.decision]}${r.note ? ` ${r.note}` : ''}${votes}`);
	};
	return {
		title: `รายงานการประชุม${input.committeeName}${input.orgName}`,
		number: toThaiDigits(`${kind ? `สมัย${kind} ` : ''}ครั้งที่ ${m.number}/${m.yearBe}`),
		dateLine: `เมื่อวันที่ ${formatThaiDate(m.date, { era: true })}`,
		place: `ณ ${m.place}`,
		present: people(input.members.filter((p) => p.status === 'present').map((p) => ({ name: p.name, position: p.position ? `${p.position} (${seatTitle(p.seat)})` : seatTitle(p.seat) }))),
		absent: people(input.members.filter((p) => p.status === 'absent' || p.status === null).map((p) => ({ name: p.name, position: p.status === 'absent' ? 'ลา' : 'ไม่มาประชุม' }))),
		others: people(input.guests),
		started: `เริ่มประชุมเวลา ${thaiClock(m.startedAt)}`,
		ended: m.endedAt ? `เลิกประชุมเวลา ${thaiClock(m.endedAt)}` : '',
		sections: AGENDA_SECTIONS.map((s) => ({
			heading: `ระเบียบวาระที่ ${toThaiDigits(String(s.no))} ${s.th}`,
			items: input.agenda
				.filter((i) => i.section === s.no)
				.map((i) => {
					const p = i.refKind === 'proposal' ? input.proposals.find((x) => x.id === i.refId) : null;
					return {
						title: i.title,
						detail: p ? `${p.proposedBy} เสนอ${p.reason ? ` เนื่องจาก${p.reason}` : ''}` : '',
						resolution: i.resolution ? resolutionText(i.resolution) : '',
						applied: i.resolution?.applied ? toThaiDigits(`แก้ไขแผนตามมติ: ${i.resolution.applied}`) : ''
					};
				})
		})),
		narrative: m.narrative,
		recorder: m.recorderName,
		checker: m.checkerName
	};
}
