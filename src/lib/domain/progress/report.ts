/**
 * The monitoring report (รายงานการกำกับติดตาม รอบ ๖ เดือน / ประจำปี), computed from the announced
 * plan and the progress entries — never stored as source data; a made report keeps these
 * numbers frozen. Own-budget projects make the tables; other agencies' projects are reported
 * separately (they are not the LAO's money).
 *
 * Percentages, from exact integers:
 *  - a strategy's or แผนงาน's share of the planned projects and budget is ผด.01's own value
 *    (`shownPercent`: largest remainder, strategies add to 100.00, แผนงาน to their strategy);
 *  - the status breakdown is a distribution too: largest remainder, adding to 100.00;
 *  - rates of one row (done ÷ planned, contracted ÷ budget, disbursed ÷ budget) are not shares
 *    of a whole and are rounded half-up to 0.01 on their own.
 */
import { computePd01, formatHundredths, largestRemainder, roundHalfUpPercent, shownPercent } from '../plan/pd01';
import { satangToDecimal } from '../plan/money';
import { FISCAL_MONTHS, type IsoDate, type Month, type Plan, type Project, type Satang } from '../plan/types';
import { notReported, projectStatuses, type DisbursementStep, type ProgressEntry, type ProjectStatus } from './statuses';

export const reportPeriods = ['half', 'year'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export interface Measures {
	planned: number;
	done: number;
	/** done ÷ planned. */
	donePct: string;
	/** Share of all planned own projects (ผด.01). */
	plannedPct: string;
	budgetSatang: Satang;
	/** Share of the whole own budget (ผด.01). */
	budgetPct: string;
	contractSatang: Satang;
	contractPct: string;
	disbursedSatang: Satang;
	disbursedPct: string;
	budgetBaht: string;
	contractBaht: string;
	disbursedBaht: string;
}

export interface GroupLine extends Measures {
	planGroupId: string;
	planName: string;
}

export interface StrategyLine extends Measures {
	strategyId: string;
	no: number;
	name: string;
	groups: GroupLine[];
}

export interface LaggingProject {
	projectId: string;
	name: string;
	strategyNo: number;
	responsibleUnit: string;
	budgetSatang: Satang;
	/** The first planned month, as a calendar month, and how many planned months have passed. */
	firstMonth: Month;
	monthsPassed: number;
}

export interface MonthPoint {
	month: Month;
	/** Budget of projects planned to end by this month (their last marked month), cumulative. */
	plannedSatang: Satang;
	/** Disbursed by the end of this month, cumulative (recorded changes, by the day saved). */
	disbursedSatang: Satang;
}

export interface ProgressReport {
	fiscalYear: number;
	period: ReportPeriod;
	/** The day the figures are judged at: the period's last day, or today when earlier. */
	asOf: IsoDate;
	strategies: StrategyLine[];
	total: Measures;
	statuses: { status: ProjectStatus; count: number; pct: string }[];
	lagging: LaggingProject[];
	otherAgency: {
		projects: { projectId: string; name: string; agency: string; budgetSatang: Satang; status: ProjectStatus }[];
		planned: number;
		done: number;
		budgetSatang: Satang;
	};
	equipment: { items: number; purchased: number; budgetSatang: Satang; purchasedSatang: Satang };
	months: MonthPoint[];
	/**
	 * What dates the monthly disbursement: 'disbursedOn' — the reported วันที่เบิกจ่าย, else the
	 * day saved. Reports made before the date existed lack it (they count by the day saved).
	 */
	monthsBy?: 'disbursedOn';
}

export interface ReportInput {
	plan: Plan;
	entries: readonly ProgressEntry[];
	steps: readonly DisbursementStep[];
	period: ReportPeriod;
	/** Today (ISO); the report judges at min(today, end of period). */
	today: IsoDate;
}

/** Last day of the period: 31 March (half year) or 30 September of the fiscal year. */
export function periodEnd(fiscalYear: number, period: ReportPeriod): IsoDate {
	const year = fiscalYear - 543;
	return period === 'half' ? `${year}-03-31` : `${year}-09-30`;
}

/** The fiscal months a period covers, in fiscal order. */
export function periodMonths(period: ReportPeriod): Month[] {
	return FISCAL_MONTHS.slice(0, period === 'half' ? 6 : 12);
}

/** Last day of a calendar month of the fiscal year (Oct–Dec belong to the year before). */
export function monthEnd(fiscalYear: number, month: Month): IsoDate {
	const year = fiscalYear - 543 - (month >= 10 ? 1 : 0);
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

const fiscalIndex = (m: Month) => FISCAL_MONTHS.indexOf(m);
const rate = (value: number, total: number) => formatHundredths(roundHalfUpPercent(BigInt(value), BigInt(total)));

export function computeProgressReport(input: ReportInput): ProgressReport {
	const { plan, period } = input;
	const fiscalYear = plan.meta.fiscalYear;
	const end = periodEnd(fiscalYear, period);
	const asOf = input.today < end ? input.today : end;
	const byRow = new Map(input.entries.map((e) => [e.rowId, e]));
	const entryOf = (p: { id: string }) => byRow.get(p.id) ?? notReported(p.id, 'project');
	const pd01 = computePd01(plan, { scope: 'ownOnly' });
	const own = plan.projects.filter((p) => p.fundingSource.type === 'own');

	const measures = (rows: Project[], plannedPct: string, budgetPct: string): Measures => {
		const entries = rows.map(entryOf);
		const budget = rows.reduce((s, p) => s + p.budget, 0);
		const contract = entries.reduce((s, e) => s + (e.contractSatang ?? 0), 0);
		const disbursed = entries.reduce((s, e) => s + e.disbursedSatang, 0);
		const done = entries.filter((e) => e.status === 'done').length;
		return {
			planned: rows.length,
			done,
			donePct: rate(done, rows.length),
			plannedPct,
			budgetSatang: budget,
			budgetPct,
			contractSatang: contract,
			contractPct: rate(contract, budget),
			disbursedSatang: disbursed,
			disbursedPct: rate(disbursed, budget),
			budgetBaht: satangToDecimal(budget),
			contractBaht: satangToDecimal(contract),
			disbursedBaht: satangToDecimal(disbursed)
		};
	};

	const strategies: StrategyLine[] = pd01.strategies.map((s) => ({
		strategyId: s.strategyId,
		no: s.no,
		name: s.name,
		...measures(
			own.filter((p) => p.strategyId === s.strategyId && s.groups.some((g) => g.planCode === p.planCode)),
			shownPercent(s.projectPct, 'strategy'),
			shownPercent(s.budgetPct, 'strategy')
		),
		groups: s.groups
			.filter((g) => !g.emptyInScope)
			.map((g) => ({
				planGroupId: g.planGroupId,
				planName: g.planName,
				...measures(
					own.filter((p) => p.strategyId === s.strategyId && p.planCode === g.planCode),
					shownPercent(g.projectPct, 'group'),
					shownPercent(g.budgetPct, 'group')
				)
			}))
	}));
	const counted = own.filter((p) => strategies.some((s) => s.strategyId === p.strategyId));
	const total = measures(counted, counted.length ? '100.00' : '0.00', pd01.grandTotal.budgetSatang ? '100.00' : '0.00');

	const statusCounts = projectStatuses.map((status) => BigInt(counted.filter((p) => entryOf(p).status === status).length));
	const shares = largestRemainder(statusCounts, BigInt(counted.length), counted.length ? 10000n : 0n);
	const statuses = projectStatuses.map((status, i) => ({ status, count: Number(statusCounts[i]), pct: formatHundredths(shares.units[i]) }));

	const strategyNo = new Map(strategies.map((s) => [s.strategyId, s.no]));
	const lagging: LaggingProject[] = counted
		.filter((p) => p.activeMonths.length > 0 && entryOf(p).status === 'not_started')
		.map((p) => {
			const first = [...p.activeMonths].sort((a, b) => fiscalIndex(a) - fiscalIndex(b))[0];
			const monthsPassed = p.activeMonths.filter((m) => monthEnd(fiscalYear, m) < asOf).length;
			return { projectId: p.id, name: p.name, strategyNo: strategyNo.get(p.strategyId) ?? 0, responsibleUnit: p.responsibleUnit, budgetSatang: p.budget, firstMonth: first, monthsPassed };
		})
		.filter((l) => l.monthsPassed > 0)
		.sort((a, b) => b.monthsPassed - a.monthsPassed || fiscalIndex(a.firstMonth) - fiscalIndex(b.firstMonth));

	const others = plan.projects.filter((p) => p.fundingSource.type === 'otherAgency');
	const otherAgency = {
		projects: others.map((p) => ({ projectId: p.id, name: p.name, agency: p.fundingSource.agency || p.responsibleUnit, budgetSatang: p.budget, status: entryOf(p).status as ProjectStatus })),
		planned: others.length,
		done: others.filter((p) => entryOf(p).status === 'done').length,
		budgetSatang: others.reduce((s, p) => s + p.budget, 0)
	};

	const equipmentEntries = plan.equipment.map((e) => byRow.get(e.id) ?? notReported(e.id, 'equipment'));
	const purchased = equipmentEntries.filter((e) => e.status === 'purchased');
	const equipment = {
		items: plan.equipment.length,
		purchased: purchased.length,
		budgetSatang: plan.equipment.reduce((s, e) => s + e.budget, 0),
		purchasedSatang: purchased.reduce((s, e) => s + e.disbursedSatang, 0)
	};

	return {
		fiscalYear,
		period,
		asOf,
		strategies,
		total,
		statuses,
		lagging,
		otherAgency,
		equipment,
		months: monthSeries(fiscalYear, period, counted, input.steps),
		monthsBy: 'disbursedOn'
	};
}

/**
 * Planned against disbursed, month by month over the period. A project's budget is planned to
 * be spent by the end of its last marked month. A disbursement — the rise of a row's running
 * total from one saved state to the next — counts in the month of its reported disbursed-on
 * date, or of the day it was saved when no date was given (earlier than October: October;
 * later than the period: not in this report). A save that keeps the amount but gives another
 * disbursed-on date corrects the date of the row's last disbursement: that amount moves.
 * Steps arrive oldest save first.
 */
function monthSeries(fiscalYear: number, period: ReportPeriod, projects: Project[], steps: readonly DisbursementStep[]): MonthPoint[] {
	const months = periodMonths(period);
	const counted = new Set(projects.map((p) => p.id));
	const plannedIn = new Array<number>(12).fill(0);
	for (const p of projects) {
		if (!p.activeMonths.length) continue;
		plannedIn[Math.max(...p.activeMonths.map(fiscalIndex))] += p.budget;
	}
	const spentIn = new Array<number>(12).fill(0);
	const monthOf = (date: IsoDate) => FISCAL_MONTHS.findIndex((m) => date <= monthEnd(fiscalYear, m));
	const count = (date: IsoDate, satang: number) => {
		const index = monthOf(date);
		if (index >= 0) spentIn[index] += satang;
	};
	const lastOf = new Map<string, { total: number; date: IsoDate; delta: number }>();
	for (const s of steps) {
		if (!counted.has(s.rowId)) continue;
		const last = lastOf.get(s.rowId);
		const delta = s.disbursedSatang - (last?.total ?? 0);
		if (delta !== 0) {
			count(s.date, delta);
			lastOf.set(s.rowId, { total: s.disbursedSatang, date: s.date, delta });
		} else if (last && s.dated && s.date !== last.date && last.delta !== 0) {
			count(last.date, -last.delta);
			count(s.date, last.delta);
			lastOf.set(s.rowId, { ...last, date: s.date });
		}
	}
	let planned = 0;
	let spent = 0;
	return months.map((month, i) => {
		planned += plannedIn[i];
		spent += spentIn[i];
		return { month, plannedSatang: planned, disbursedSatang: spent };
	});
}
