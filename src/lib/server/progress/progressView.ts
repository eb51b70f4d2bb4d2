/** What the progress table shows: every row of the announced plan with its progress and who may edit it. */
import type { Database } from '../db';
import * as progress from '../db/progress';
import * as users from '../db/users';
import { mayReportRow, type ProgressScene } from '../policies/progress';
import type { AnnouncedPlan } from './announcedPlan';
import { formatBaht } from '$lib/domain/plan/money';
import { formatBeInput } from '$lib/domain/beDateInput';
import { notReported, type ProgressEntry, type RowKind } from '$lib/domain/progress/statuses';

export interface ProgressRowView {
	rowId: string;
	kind: RowKind;
	/** "1", "2", … for strategies; "" for equipment. */
	strategyNo: string;
	name: string;
	responsibleUnit: string;
	otherAgency: boolean;
	budget: string;
	mayEdit: boolean;
	entry: ProgressEntry;
	/** As typed back into the form: "1,500,000.00", "20/11/2569". */
	typed: { contract: string; disbursed: string; disbursedOn: string; startDate: string; endDate: string };
	updatedBy: string;
	updatedAt: string | null;
}

const typedAmount = (satang: number | null) => (satang === null ? '' : formatBaht(satang, { decimals: 'always', zero: 'number' }));

export async function progressRows(db: Database, scene: ProgressScene, announced: AnnouncedPlan): Promise<ProgressRowView[]> {
	const { plan } = announced;
	const [saved, people] = await Promise.all([progress.listEntries(db, announced.orgId, announced.fiscalYear), users.listInOrg(db, announced.orgId)]);
	const byRow = new Map(saved.map((e) => [e.rowId, e]));
	const names = new Map(people.map((u) => [u.id, u.displayName]));
	const strategyNo = new Map(plan.strategies.map((s, i) => [s.id, String(i + 1)]));
	const view = (rowId: string, kind: RowKind, base: Omit<ProgressRowView, 'rowId' | 'kind' | 'mayEdit' | 'entry' | 'typed' | 'updatedBy' | 'updatedAt'>): ProgressRowView => {
		const s = byRow.get(rowId);
		const entry: ProgressEntry = s
			? { rowId, rowKind: kind, status: s.status, contractSatang: s.contractSatang, disbursedSatang: s.disbursedSatang, disbursedOn: s.disbursedOn, startDate: s.startDate, endDate: s.endDate, note: s.note }
			: notReported(rowId, kind);
		return {
			rowId,
			kind,
			...base,
			mayEdit: mayReportRow(scene, base.responsibleUnit),
			entry,
			typed: { contract: typedAmount(entry.contractSatang), disbursed: s ? typedAmount(entry.disbursedSatang) : '', disbursedOn: formatBeInput(entry.disbursedOn), startDate: formatBeInput(entry.startDate), endDate: formatBeInput(entry.endDate) },
			updatedBy: s ? (names.get(s.updatedBy) ?? '') : '',
			updatedAt: s ? s.updatedAt.toISOString() : null
		};
	};
	return [
		...plan.projects.map((p) =>
			view(p.id, 'project', {
				strategyNo: strategyNo.get(p.strategyId) ?? '',
				name: p.name,
				responsibleUnit: p.responsibleUnit,
				otherAgency: p.fundingSource.type === 'otherAgency',
				budget: formatBaht(p.budget)
			})
		),
		...plan.equipment.map((e) =>
			view(e.id, 'equipment', { strategyNo: '', name: `${e.type} ${e.item}`.trim(), responsibleUnit: e.responsibleUnit, otherAgency: false, budget: formatBaht(e.budget) })
		)
	];
}
