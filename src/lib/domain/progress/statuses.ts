/**
 * What the monitoring committee records about each project and equipment row of the announced
 * plan (OPERATIONAL_PLAN.md §6.6). The progress layer references rows by their stable ids and
 * never changes the plan.
 */
import type { IsoDate, Satang } from '../plan/types';

export const projectStatuses = ['not_started', 'in_progress', 'done', 'cancelled', 'carried_over'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const equipmentStatuses = ['not_started', 'purchased', 'cancelled'] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];

export type ProgressStatus = ProjectStatus | EquipmentStatus;
export type RowKind = 'project' | 'equipment';

export const statusLabels: Record<ProgressStatus, { th: string; en: string }> = {
	not_started: { th: 'ยังไม่ได้ดำเนินการ', en: 'Not started' },
	in_progress: { th: 'อยู่ระหว่างดำเนินการ', en: 'In progress' },
	done: { th: 'แล้วเสร็จ', en: 'Done' },
	cancelled: { th: 'ยกเลิก', en: 'Cancelled' },
	carried_over: { th: 'กันเงิน', en: 'Funds carried over' },
	purchased: { th: 'จัดซื้อแล้ว', en: 'Purchased' }
};

export function statusesFor(kind: RowKind): readonly ProgressStatus[] {
	return kind === 'project' ? projectStatuses : equipmentStatuses;
}

/** One row's progress. A row nobody has reported on reads as `notReported(kind)`. */
export interface ProgressEntry {
	rowId: string;
	rowKind: RowKind;
	status: ProgressStatus;
	/** Contract (or purchase order) amount; null until there is one. */
	contractSatang: Satang | null;
	/** Disbursed so far (equipment: the purchase amount). */
	disbursedSatang: Satang;
	/** The day of the (latest) disbursement, วันที่เบิกจ่าย, as reported; null: not given. */
	disbursedOn: IsoDate | null;
	startDate: IsoDate | null;
	endDate: IsoDate | null;
	note: string;
}

export function notReported(rowId: string, rowKind: RowKind): ProgressEntry {
	return { rowId, rowKind, status: 'not_started', contractSatang: null, disbursedSatang: 0, disbursedOn: null, startDate: null, endDate: null, note: '' };
}

/**
 * A saved state of a row's disbursed amount: the running total after it, and the day it counts
 * on — the reported disbursed-on date (`dated`), else the day it was saved (Bangkok).
 */
export interface DisbursementStep {
	rowId: string;
	date: IsoDate;
	disbursedSatang: Satang;
	/** True when `date` is the reported วันที่เบิกจ่าย, not the day of saving. */
	dated?: boolean;
}

/** The calendar day in Thailand (UTC+7, no daylight saving) of an instant. */
export function bangkokDate(at: Date): IsoDate {
	return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
