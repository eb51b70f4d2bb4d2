/**
 * A committee meeting on a plan, as Thai government meetings run it: the four agenda
 * sections in their fixed order, attendance kinds, and the quorum rule.
 */
import type { PlanRole } from '../roles';

/** ระเบียบวาระ: the usual order of a Thai government meeting. */
export const AGENDA_SECTIONS = [
	{ no: 1, th: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ', en: 'Announcements by the chair' },
	{ no: 2, th: 'เรื่องรับรองรายงานการประชุมครั้งที่แล้ว', en: 'Adoption of the previous minutes' },
	{ no: 3, th: 'เรื่องเพื่อพิจารณา', en: 'Matters for consideration' },
	{ no: 4, th: 'เรื่องอื่น ๆ', en: 'Other matters' }
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number]['no'];

/** มาประชุม / ไม่มาประชุม (ลา) / ผู้เข้าร่วมประชุม */
export const ATTENDANCE = ['present', 'absent', 'guest'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const MEETING_KINDS = ['ordinary', 'extraordinary'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_TH: Record<MeetingKind, string> = { ordinary: 'สามัญ', extraordinary: 'วิสามัญ' };

export const DECISIONS = ['approve', 'reject', 'amend'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_TH: Record<Decision, string> = { approve: 'เห็นชอบ', reject: 'ไม่เห็นชอบ', amend: 'เห็นชอบโดยแก้ไข' };

export type Committee = Extract<PlanRole, 'support_committee' | 'development_committee'>;

/** Members needed for a quorum: the configured number, or more than half of the committee. */
export function quorumNeeded(committeeSize: number, configured: number | null): number {
	return configured ?? Math.floor(committeeSize / 2) + 1;
}

export interface QuorumState {
	members: number;
	present: number;
	needed: number;
	met: boolean;
}

export function quorumOf(committeeSize: number, presentMembers: number, configured: number | null): QuorumState {
	const needed = quorumNeeded(committeeSize, configured);
	return { members: committeeSize, present: presentMembers, needed, met: presentMembers >= needed && presentMembers > 0 };
}
