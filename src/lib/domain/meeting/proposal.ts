/**
 * Proposals: changes to plan content a committee decides on instead of typing them in
 * (suggestion mode for a structured plan). A proposal is plain JSON, stored as a row; it
 * reaches the Yjs document only through `applyProposal`, run by the resolution command on
 * the plan store's copy. Its effect on ผด.01 is computed the same way, on a copy of the doc.
 */
import * as Y from 'yjs';
import { addProject, deleteProject, getProject, updateProjectField, setMonth } from '../plan/doc';
import { computePd01FromDoc, shownPercent, type Pd01Summary } from '../plan/pd01';
import { FISCAL_MONTHS, type Month, type Satang } from '../plan/types';
import { formatBaht } from '../plan/money';

/** Project cells a proposal may change: text cells, the budget, the unit and the months. */
export const PROPOSABLE_FIELDS = ['name', 'activityDetail', 'location', 'responsibleUnit', 'remark', 'budget', 'months'] as const;
export type ProposableField = (typeof PROPOSABLE_FIELDS)[number];

export type ProposalChange =
	| { kind: 'cell'; projectId: string; field: Exclude<ProposableField, 'budget' | 'months'>; value: string }
	| { kind: 'cell'; projectId: string; field: 'budget'; value: Satang }
	| { kind: 'cell'; projectId: string; field: 'months'; value: Month[] }
	| { kind: 'addRow'; strategyId: string; planCode: string; name: string; budget: Satang; responsibleUnit: string }
	| { kind: 'removeRow'; projectId: string };

export const MAX_PROPOSAL_TEXT = 2000;
/** Largest budget a proposal may carry: 10,000 million baht, in satang. */
export const MAX_PROPOSAL_SATANG = 1_000_000_000_000;

const isText = (v: unknown, max = MAX_PROPOSAL_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isRowId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const isSatang = (v: unknown): v is Satang => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_PROPOSAL_SATANG;

/** Reads a proposal from untrusted JSON; null when it is not one. */
export function parseProposalChange(raw: unknown): ProposalChange | null {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
	const r = raw as Record<string, unknown>;
	switch (r.kind) {
		case 'cell': {
			if (!isRowId(r.projectId)) return null;
			if (r.field === 'budget') return isSatang(r.value) ? { kind: 'cell', projectId: r.projectId, field: 'budget', value: r.value } : null;
			if (r.field === 'months') {
				const months = r.value;
				if (!Array.isArray(months) || months.length > 12 || !months.every((m) => FISCAL_MONTHS.includes(m as Month))) return null;
				return { kind: 'cell', projectId: r.projectId, field: 'months', value: [...new Set(months as Month[])] };
			}
			const field = r.field;
			if (field !== 'name' && field !== 'activityDetail' && field !== 'location' && field !== 'responsibleUnit' && field !== 'remark') return null;
			return isText(r.value) ? { kind: 'cell', projectId: r.projectId, field, value: r.value } : null;
		}
		case 'addRow':
			if (!isRowId(r.strategyId) || !isText(r.planCode, 32) || !isText(r.name) || !r.name.trim() || !isSatang(r.budget) || !isText(r.responsibleUnit, 200)) return null;
			return { kind: 'addRow', strategyId: r.strategyId, planCode: r.planCode, name: r.name, budget: r.budget, responsibleUnit: r.responsibleUnit };
		case 'removeRow':
			return isRowId(r.projectId) ? { kind: 'removeRow', projectId: r.projectId } : null;
		default:
			return null;
	}
}

/**
 * Applies a proposal to `doc`. Returns false, changing nothing, when it no longer fits the
 * plan (its row was deleted, its strategy is gone).
 */
export function applyProposal(doc: Y.Doc, change: ProposalChange): boolean {
	switch (change.kind) {
		case 'cell': {
			if (!getProject(doc, change.projectId)) return false;
			if (change.field === 'months') {
				for (const m of FISCAL_MONTHS) setMonth(doc, change.projectId, m, change.value.includes(m));
				return true;
			}
			if (change.field === 'remark') return updateProjectField(doc, change.projectId, 'remark', change.value || null);
			return updateProjectField(doc, change.projectId, change.field, change.value as never);
		}
		case 'addRow': {
			if (!doc.getMap('strategies').has(change.strategyId)) return false;
			addProject(doc, { strategyId: change.strategyId, planCode: change.planCode, name: change.name, budget: change.budget, responsibleUnit: change.responsibleUnit });
			return true;
		}
		case 'removeRow':
			return deleteProject(doc, change.projectId);
	}
}

/** What a proposal does to ผด.01: the grand total and each strategy whose numbers move. */
export interface Pd01Effect {
	applies: boolean;
	total: { before: { count: number; budget: Satang }; after: { count: number; budget: Satang } };
	strategies: { strategyId: string; name: string; before: EffectRow; after: EffectRow }[];
}
interface EffectRow {
	count: number;
	budget: Satang;
	budgetPct: string;
	projectPct: string;
}

function rows(summary: Pd01Summary): Map<string, { name: string; row: EffectRow }> {
	return new Map(
		summary.strategies.map((s) => [
			s.strategyId,
			{ name: s.name, row: { count: s.projectCount, budget: s.budgetSatang, budgetPct: shownPercent(s.budgetPct, 'strategy'), projectPct: shownPercent(s.projectPct, 'strategy') } }
		])
	);
}

/**
 * The proposal's effect, computed with ผด.01 itself on a copy of `doc` with the proposal
 * applied; `before` may be passed when several proposals are measured against one doc.
 */
export function proposalEffect(doc: Y.Doc, change: ProposalChange, before: Pd01Summary = computePd01FromDoc(doc)): Pd01Effect {
	const copy = new Y.Doc();
	try {
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		const applies = applyProposal(copy, change);
		const after = applies ? computePd01FromDoc(copy) : before;
		const b = rows(before);
		const a = rows(after);
		const strategies = [...a.entries()]
			.filter(([id, x]) => JSON.stringify(b.get(id)?.row) !== JSON.stringify(x.row))
			.map(([id, x]) => ({ strategyId: id, name: x.name, before: b.get(id)?.row ?? { count: 0, budget: 0, budgetPct: '0.00', projectPct: '0.00' }, after: x.row }));
		return {
			applies,
			total: {
				before: { count: before.grandTotal.projectCount, budget: before.grandTotal.budgetSatang },
				after: { count: after.grandTotal.projectCount, budget: after.grandTotal.budgetSatang }
			},
			strategies
		};
	} finally {
		copy.destroy();
	}
}

const FIELD_TH: Record<ProposableField, string> = {
	name: 'ชื่อโครงการ',
	activityDetail: 'รายละเอียดกิจกรรม',
	location: 'สถานที่ดำเนินการ',
	responsibleUnit: 'หน่วยงานรับผิดชอบ',
	remark: 'หมายเหตุ',
	budget: 'งบประมาณ',
	months: 'ช่วงเวลาดำเนินการ'
};

/** One line in Thai for the agenda, the list and the minutes, e.g. "แก้ไขงบประมาณ โครงการ… เป็น 350,000 บาท". */
export function describeProposal(change: ProposalChange, projectName: string): string {
	const quoted = projectName ? `โครงการ “${projectName}”` : 'โครงการที่ถูกลบแล้ว';
	switch (change.kind) {
		case 'cell': {
			const value =
				change.field === 'budget'
					? `${formatBaht(change.value, { zero: 'number' })} บาท`
					: change.field === 'months'
						? change.value.length ? `${change.value.length} เดือน` : 'ไม่มี'
						: `“${change.value}”`;
			return `แก้ไข${FIELD_TH[change.field]} ${quoted} เป็น ${value}`;
		}
		case 'addRow':
			return `เพิ่มโครงการ “${change.name}” งบประมาณ ${formatBaht(change.budget, { zero: 'number' })} บาท`;
		case 'removeRow':
			return `ตัด${quoted} ออกจากแผน`;
	}
}

/** The project a proposal is about (to name it), or null for a new row. */
export function proposalProjectId(change: ProposalChange): string | null {
	return change.kind === 'addRow' ? null : change.projectId;
}
