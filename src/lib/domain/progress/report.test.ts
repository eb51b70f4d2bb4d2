/**
 * The 6-month report of the sample plan with a set of progress entries from three
 * departments, against figures worked out by hand (a calculator and the plan's ผด.02):
 * own-budget projects per strategy 13 / 18 / 5 / 6 / 11 = 53, budget 10,920,990.00 baht.
 */
import { describe, expect, it } from 'vitest';
import { planFromJson } from '../plan/json';
import { loadSamplePlan } from '../plan/testSupport';
import { computeProgressReport } from './report';
import { notReported, type DisbursementStep, type ProgressEntry } from './statuses';

const plan = planFromJson(loadSamplePlan());

function entry(rowId: string, status: ProgressEntry['status'], contractSatang: number | null, disbursedSatang: number): ProgressEntry {
	return { ...notReported(rowId, 'project'), status, contractSatang, disbursedSatang };
}

/** กองช่าง: PJ-001, 003, 011; กองการศึกษา: PJ-016, 019, 020; สำนักปลัดเทศบาล: PJ-035, 049. */
const entries: ProgressEntry[] = [
	entry('PJ-001', 'done', 48_000_000, 47_950_050),
	entry('PJ-003', 'in_progress', 29_500_000, 10_000_025),
	entry('PJ-011', 'done', 39_000_000, 39_000_000),
	entry('PJ-016', 'in_progress', null, 15_000_033),
	entry('PJ-019', 'done', 5_800_000, 5_799_999),
	entry('PJ-020', 'cancelled', null, 0),
	entry('PJ-035', 'carried_over', 4_000_000, 0),
	entry('PJ-049', 'done', 24_900_000, 24_900_000),
	entry('PJ-009', 'done', null, 0), // another agency's project: not in the tables
	{ ...notReported('EQ-01', 'equipment'), status: 'purchased', disbursedSatang: 6_900_000 }
];

const steps: DisbursementStep[] = [
	{ rowId: 'PJ-016', date: '2025-09-20', disbursedSatang: 15_000_033 }, // before October: counts in October
	{ rowId: 'PJ-001', date: '2025-12-15', disbursedSatang: 20_000_000 },
	{ rowId: 'PJ-003', date: '2026-01-10', disbursedSatang: 10_000_025 },
	{ rowId: 'PJ-001', date: '2026-02-03', disbursedSatang: 47_950_050 },
	{ rowId: 'PJ-049', date: '2026-03-01', disbursedSatang: 24_900_000 },
	{ rowId: 'PJ-011', date: '2026-03-31', disbursedSatang: 39_000_000 },
	{ rowId: 'PJ-019', date: '2026-04-02', disbursedSatang: 5_799_999 } // after the half year
];

const report = computeProgressReport({ plan, entries, steps, period: 'half', today: '2026-05-01' });

describe('the 6-month report of the sample plan', () => {
	it('is judged at the end of March', () => {
		expect(report.asOf).toBe('2026-03-31');
		expect(computeProgressReport({ plan, entries, steps, period: 'year', today: '2026-05-01' }).asOf).toBe('2026-05-01');
	});

	it('counts planned and done per strategy, and budget planned, contracted and disbursed to the satang', () => {
		const rows = report.strategies.map((s) => [s.planned, s.done, s.donePct, s.budgetBaht, s.contractBaht, s.contractPct, s.disbursedBaht, s.disbursedPct]);
		expect(rows).toEqual([
			[13, 2, '15.38', '3753000.00', '1165000.00', '31.04', '969500.75', '25.83'],
			[18, 1, '5.56', '4278990.00', '58000.00', '1.36', '208000.32', '4.86'],
			[5, 0, '0.00', '458000.00', '40000.00', '8.73', '0.00', '0.00'],
			[6, 0, '0.00', '1236000.00', '0.00', '0.00', '0.00', '0.00'],
			[11, 1, '9.09', '1195000.00', '249000.00', '20.84', '249000.00', '20.84']
		]);
		const t = report.total;
		expect([t.planned, t.done, t.donePct, t.budgetBaht, t.contractBaht, t.contractPct, t.disbursedBaht, t.disbursedPct]).toEqual([
			53, 4, '7.55', '10920990.00', '1512000.00', '13.84', '1426501.07', '13.06'
		]);
	});

	it('gives each strategy its ผด.01 share (own budget), adding to 100.00', () => {
		const sum = (xs: string[]) => xs.reduce((s, x) => s + Math.round(Number(x) * 100), 0);
		expect(sum(report.strategies.map((s) => s.plannedPct))).toBe(10000);
		expect(sum(report.strategies.map((s) => s.budgetPct))).toBe(10000);
		for (const s of report.strategies) expect(sum(s.groups.map((g) => g.plannedPct))).toBe(Math.round(Number(s.plannedPct) * 100));
		// S1 group 00310: 8 of 53 projects (15.094…%), 2,591,000 of 10,920,990 baht.
		expect(report.strategies[0].groups[0]).toMatchObject({ planned: 8, done: 1, budgetBaht: '2591000.00', disbursedBaht: '579500.75' });
	});

	it('breaks the statuses down by largest remainder, adding to exactly 100.00', () => {
		// 45, 2, 4, 1, 1 of 53: floors 84.90 3.77 7.54 1.88 1.88 (99.97); the three 0.01 go to
		// the largest remainders: done (.71), cancelled (.67), carried over (.67).
		expect(report.statuses.map((s) => [s.status, s.count, s.pct])).toEqual([
			['not_started', 45, '84.90'],
			['in_progress', 2, '3.77'],
			['done', 4, '7.55'],
			['cancelled', 1, '1.89'],
			['carried_over', 1, '1.89']
		]);
	});

	it('lists the not-started projects whose planned months have passed, most months first', () => {
		expect(report.lagging).toHaveLength(26);
		expect(report.lagging.slice(0, 6).map((l) => [l.projectId, l.monthsPassed])).toEqual([
			['PJ-008', 5], ['PJ-014', 5], ['PJ-017', 5], ['PJ-018', 5], ['PJ-044', 5], ['PJ-025', 4]
		]);
		expect(report.lagging.map((l) => l.projectId)).not.toContain('PJ-001');
	});

	it('plots planned against disbursed per month of the half year', () => {
		expect(report.months.map((m) => [m.month, m.plannedSatang, m.disbursedSatang])).toEqual([
			[10, 0, 15_000_033],
			[11, 15_000_000, 15_000_033],
			[12, 47_500_000, 35_000_033],
			[1, 86_900_000, 45_000_058],
			[2, 108_800_000, 72_950_108],
			[3, 177_800_000, 136_850_108]
		]);
	});

	it('counts a disbursement in the month of its reported date, and moves it when only the date is corrected', () => {
		const dated: DisbursementStep[] = [
			{ rowId: 'PJ-001', date: '2025-12-20', disbursedSatang: 20_000_000 }, // saved in December, no date given
			{ rowId: 'PJ-001', date: '2025-11-28', disbursedSatang: 20_000_000, dated: true }, // the date given later: November
			{ rowId: 'PJ-001', date: '2026-02-03', disbursedSatang: 47_950_050, dated: true }, // 27,950,050 more in February
			{ rowId: 'PJ-001', date: '2026-03-05', disbursedSatang: 47_950_050 }, // a status change saved in March moves nothing
			{ rowId: 'PJ-049', date: '2026-01-15', disbursedSatang: 24_900_000, dated: true },
			{ rowId: 'PJ-049', date: '2026-04-01', disbursedSatang: 24_900_000, dated: true }, // corrected to April: after the half year
			{ rowId: 'PJ-009', date: '2026-01-15', disbursedSatang: 1_000_000, dated: true } // another agency's: not counted
		];
		const r = computeProgressReport({ plan, entries, steps: dated, period: 'half', today: '2026-05-01' });
		expect(r.months.map((m) => [m.month, m.disbursedSatang])).toEqual([
			[10, 0],
			[11, 20_000_000],
			[12, 20_000_000],
			[1, 20_000_000],
			[2, 47_950_050],
			[3, 47_950_050]
		]);
		expect(r.monthsBy).toBe('disbursedOn');
	});

	it('reports other agencies and equipment separately', () => {
		expect(report.otherAgency).toMatchObject({ planned: 7, done: 1, budgetSatang: 1_265_000_000 });
		expect(report.equipment).toEqual({ items: 8, purchased: 1, budgetSatang: 29_920_000, purchasedSatang: 6_900_000 });
	});
});
