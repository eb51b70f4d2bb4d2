/**
 * แบบ ผด.01 (บัญชีสรุปจำนวนโครงการและงบประมาณ), computed from the plan — never stored
 * (OPERATIONAL_PLAN.md §3.1, §8.5). Per strategy and per (strategy, แผนงาน) group: project
 * count, % of projects, budget (satang), % of budget, responsible units; plus the grand total.
 *
 * Percentages come from exact integers (BigInt), never floats: value × 100 / total.
 *   independent       each rounded half-up to 2 decimals on its own (may sum to 99.99/100.01);
 *   largestRemainder  per level (strategy rows; group rows) floor to 0.01, then the missing
 *                     0.01 units go to the largest remainders, ties to the earlier print row,
 *                     so each level adds to exactly 100.00;
 *   largestRemainderNested  group rows distributed within each strategy to add up to that
 *                     strategy's largestRemainder value.
 * `lrTie` / `lrNestedTie` mark rows whose value depends on the tie-break.
 * The output mirrors src/lib/server/demo/sample-plan-pd01.json (`scopes.<scope>`).
 */
import type * as Y from 'yjs';
import { readPlan } from './doc';
import { satangToDecimal } from './money';
import type { EquipmentItem, Plan, PlanCatalogueEntry, PlanGroup, Project, Satang, Strategy } from './types';

/** 'all': own + other agencies (default, the plan covers everything in the area); 'ownOnly'. */
export type Pd01Scope = 'all' | 'ownOnly';

export interface Pd01Options {
	scope?: Pd01Scope;
}

export interface Pd01Percent {
	/** Exact value, half-up to 6 decimals (informative). */
	exact: string;
	/** The unreduced exact rational "value×100/total". */
	exactFraction: string;
	independent: string;
	largestRemainder: string;
	lrTie?: true;
	largestRemainderNested: string;
	lrNestedTie?: true;
}

interface Pd01Amounts {
	projectCount: number;
	projectPct: Pd01Percent;
	budgetSatang: Satang;
	/** Exact decimal baht without grouping, e.g. "15903000.00". */
	budgetBaht: string;
	budgetPct: Pd01Percent;
}

export interface Pd01GroupRow extends Pd01Amounts {
	planGroupId: string;
	planCode: string;
	planName: string;
	/** Distinct responsibleUnit of the rows in scope, in order of first appearance. */
	units: string[];
	/** Manual "หน่วยดำเนินการ" text, when someone set one (§8.5). */
	unitsOverride?: string;
	/** No row of this group is in scope (e.g. only other-agency rows under ownOnly). */
	emptyInScope?: true;
}

export interface Pd01StrategyRow extends Pd01Amounts {
	strategyId: string;
	/** Printed number (๑, ๒, …): position in the plan. */
	no: number;
	name: string;
	groups: Pd01GroupRow[];
}

export interface Pd01LevelCheck {
	rows: number;
	sumIndependent: string;
	sumLargestRemainder: string;
	unitsAddedByLargestRemainder: number;
	tieAffectedRows: string[];
	sumLargestRemainderNested?: string;
	nestedTieAffectedRows?: string[];
}

export interface Pd01Summary {
	scope: Pd01Scope;
	grandTotal: {
		projectCount: number;
		projectPct: string;
		budgetSatang: Satang;
		budgetBaht: string;
		budgetPct: string;
	};
	strategies: Pd01StrategyRow[];
	/** Sums per level, to show (and test) what each rounding variant adds up to. */
	checks: {
		'strategy.projectPct': Pd01LevelCheck;
		'strategy.budgetPct': Pd01LevelCheck;
		'group.projectPct': Pd01LevelCheck;
		'group.budgetPct': Pd01LevelCheck;
	};
}

const HUNDRED_PERCENT = 10000n; // in 0.01 % units

/** ผด.01 of a plain plan. */
export function computePd01(plan: Plan, options: Pd01Options = {}): Pd01Summary {
	const scope = options.scope ?? 'all';
	const inScope = (p: Project) => scope === 'all' || p.fundingSource.type === 'own';
	return buildPd01({
		scope,
		strategies: plan.strategies,
		groups: plan.groups,
		catalogue: plan.catalogue,
		unitOverrides: plan.pd01UnitOverrides,
		totals: (g) => {
			const rows = plan.projects.filter((p) => p.strategyId === g.strategyId && p.planCode === g.planCode && inScope(p));
			return {
				count: BigInt(rows.length),
				budget: rows.reduce((sum, p) => sum + satang(p.budget), 0n),
				units: distinctUnits(rows.map((p) => p.responsibleUnit))
			};
		}
	});
}

/** Distinct non-blank units in order of first appearance (a blank unit is not a unit). */
export function distinctUnits(units: Iterable<string>): string[] {
	const out = new Set<string>();
	for (const u of units) {
		const t = u.trim();
		if (t) out.add(t);
	}
	return [...out];
}

/** Count, budget (satang) and units of one group's rows in scope. */
export interface Pd01GroupTotals {
	count: bigint;
	budget: bigint;
	units: string[];
}

/** What ผด.01 is built from: the outline and each group's totals (however they were summed). */
export interface Pd01Input {
	scope: Pd01Scope;
	strategies: readonly Pick<Strategy, 'id' | 'name'>[];
	/** Groups in print order. */
	groups: readonly PlanGroup[];
	catalogue: readonly PlanCatalogueEntry[];
	unitOverrides: Readonly<Record<string, string>>;
	totals: (group: PlanGroup) => Pd01GroupTotals;
}

/**
 * ผด.01 from per-group totals: the percentages and checks. Shared by computePd01 (a plain
 * plan) and Pd01Tally (counters kept up to date from the changed rows of a live document),
 * so both give exactly the same summary.
 */
export function buildPd01(input: Pd01Input): Pd01Summary {
	const { scope } = input;
	const catalogueName = new Map(input.catalogue.map((c) => [c.code, c.name]));

	// Rows in print order. Groups whose strategy is unknown are not part of any ผด.01 row
	// (validation reports them); their projects are therefore left out of the totals too.
	const strategies = input.strategies.map((s, i) => {
		const groups = input.groups
			.filter((g) => g.strategyId === s.id)
			.map((g) => ({ group: g, ...input.totals(g) }));
		return {
			strategy: s,
			no: i + 1,
			groups,
			count: groups.reduce((n, g) => n + g.count, 0n),
			budget: groups.reduce((n, g) => n + g.budget, 0n)
		};
	});
	const totalCount = strategies.reduce((n, s) => n + s.count, 0n);
	const totalBudget = strategies.reduce((n, s) => n + s.budget, 0n);

	const measure = (pick: (x: { count: bigint; budget: bigint }) => bigint, total: bigint) => {
		const sValues = strategies.map(pick);
		const sLr = largestRemainder(sValues, total, total > 0n ? HUNDRED_PERCENT : 0n);
		const gValues = strategies.flatMap((s) => s.groups.map(pick));
		const gLr = largestRemainder(gValues, total, total > 0n ? HUNDRED_PERCENT : 0n);
		// Nested: within each strategy, groups add up to the strategy's LR value.
		const nested: Distribution[] = [];
		strategies.forEach((s, i) => {
			const d = largestRemainder(s.groups.map(pick), total, sLr.units[i]);
			for (let k = 0; k < s.groups.length; k++) {
				nested.push({ units: [d.units[k]], tie: [d.tie[k]], added: 0n });
			}
		});
		return { sValues, sLr, gValues, gLr, nested };
	};
	const byCount = measure((x) => x.count, totalCount);
	const byBudget = measure((x) => x.budget, totalBudget);

	let gi = 0;
	const rows: Pd01StrategyRow[] = strategies.map((s, si) => ({
		strategyId: s.strategy.id,
		no: s.no,
		name: s.strategy.name,
		projectCount: Number(s.count),
		projectPct: percent(s.count, totalCount, byCount.sLr, si, byCount.sLr.units[si], false),
		budgetSatang: Number(s.budget),
		budgetBaht: satangToDecimal(Number(s.budget)),
		budgetPct: percent(s.budget, totalBudget, byBudget.sLr, si, byBudget.sLr.units[si], false),
		groups: s.groups.map((g) => {
			const k = gi++;
			const row: Pd01GroupRow = {
				planGroupId: g.group.id,
				planCode: g.group.planCode,
				planName: catalogueName.get(g.group.planCode) ?? '',
				projectCount: Number(g.count),
				projectPct: percent(g.count, totalCount, byCount.gLr, k, byCount.nested[k].units[0], byCount.nested[k].tie[0]),
				budgetSatang: Number(g.budget),
				budgetBaht: satangToDecimal(Number(g.budget)),
				budgetPct: percent(g.budget, totalBudget, byBudget.gLr, k, byBudget.nested[k].units[0], byBudget.nested[k].tie[0]),
				units: g.units
			};
			const override = input.unitOverrides[g.group.id];
			if (override) row.unitsOverride = override;
			if (g.count === 0n) row.emptyInScope = true;
			return row;
		})
	}));

	const strategyIds = rows.map((r) => r.strategyId);
	const groupIds = rows.flatMap((r) => r.groups.map((g) => g.planGroupId));
	return {
		scope,
		grandTotal: {
			projectCount: Number(totalCount),
			projectPct: totalCount > 0n ? '100.00' : '0.00',
			budgetSatang: Number(totalBudget),
			budgetBaht: satangToDecimal(Number(totalBudget)),
			budgetPct: totalBudget > 0n ? '100.00' : '0.00'
		},
		strategies: rows,
		checks: {
			'strategy.projectPct': levelCheck(byCount.sValues, totalCount, byCount.sLr, strategyIds),
			'strategy.budgetPct': levelCheck(byBudget.sValues, totalBudget, byBudget.sLr, strategyIds),
			'group.projectPct': {
				...levelCheck(byCount.gValues, totalCount, byCount.gLr, groupIds),
				...nestedCheck(byCount.nested, groupIds)
			},
			'group.budgetPct': {
				...levelCheck(byBudget.gValues, totalBudget, byBudget.gLr, groupIds),
				...nestedCheck(byBudget.nested, groupIds)
			}
		}
	};
}

/** ผด.01 straight from a plan document. */
export function computePd01FromDoc(doc: Y.Doc, options: Pd01Options = {}): Pd01Summary {
	return computePd01(readPlan(doc), options);
}

/**
 * The percentage every output shows — editor, print, PDF, DOCX, XLSX, public page — so the
 * document never disagrees with itself: largest remainder, strategy rows adding to exactly
 * 100.00 and each strategy's แผนงาน rows adding to exactly that strategy's value.
 */
export function shownPercent(p: Pd01Percent, level: 'strategy' | 'group'): string {
	return level === 'strategy' ? p.largestRemainder : p.largestRemainderNested;
}

// ───────────────────────────── integer percentage arithmetic ─────────────────────────────

/** Budgets must be integer satang (validation reports others before anyone gets here). */
export function satang(value: number): bigint {
	if (!Number.isSafeInteger(value)) throw new RangeError(`budget must be integer satang: ${value}`);
	return BigInt(value);
}

interface Distribution {
	/** Result per row, in 0.01 % units. */
	units: bigint[];
	/** Row depends on the print-order tie-break. */
	tie: boolean[];
	/** Units handed out beyond the floors. */
	added: bigint;
}

/**
 * Largest-remainder distribution of `target` 0.01 % units over rows with exact shares
 * value × 10000 / total. Ties between equal remainders go to the earlier row.
 */
export function largestRemainder(values: readonly bigint[], total: bigint, target: bigint): Distribution {
	if (total <= 0n) return { units: values.map(() => 0n), tie: values.map(() => false), added: 0n };
	const floors = values.map((v) => (v * HUNDRED_PERCENT) / total);
	const rems = values.map((v, i) => v * HUNDRED_PERCENT - floors[i] * total);
	const missing = target - floors.reduce((a, b) => a + b, 0n);
	const rank = values
		.map((_, i) => i)
		.sort((a, b) => (rems[a] === rems[b] ? a - b : rems[a] > rems[b] ? -1 : 1));
	const units = [...floors];
	const give = Number(missing < 0n ? 0n : missing);
	for (let k = 0; k < give && k < rank.length; k++) units[rank[k]] += 1n;
	const tie = values.map(() => false);
	if (give > 0 && give < rank.length) {
		const boundary = rems[rank[give - 1]];
		if (rems[rank[give]] === boundary) {
			for (let i = 0; i < values.length; i++) if (rems[i] === boundary) tie[i] = true;
		}
	}
	return { units, tie, added: BigInt(give) };
}

/** value × 100 / total rounded half-up to 2 decimals, in 0.01 % units. */
export function roundHalfUpPercent(value: bigint, total: bigint): bigint {
	return roundHalfUp(value * HUNDRED_PERCENT, total);
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
	if (denominator <= 0n) return 0n;
	const q = numerator / denominator;
	const r = numerator - q * denominator;
	return 2n * r >= denominator ? q + 1n : q;
}

/** 0.01 % units → "31.67". */
export function formatHundredths(units: bigint): string {
	const sign = units < 0n ? '-' : '';
	const abs = units < 0n ? -units : units;
	return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function exactDecimal(value: bigint, total: bigint): string {
	const micro = roundHalfUp(value * 100n * 1_000_000n, total);
	return `${micro / 1_000_000n}.${String(micro % 1_000_000n).padStart(6, '0')}`;
}

function percent(
	value: bigint,
	total: bigint,
	level: Distribution,
	index: number,
	nestedUnits: bigint,
	nestedTie: boolean
): Pd01Percent {
	// Key order follows sample-plan-pd01.json, so serialised output diffs cleanly against it.
	return {
		exact: total > 0n ? exactDecimal(value, total) : '0.000000',
		exactFraction: `${value * 100n}/${total}`,
		independent: formatHundredths(roundHalfUpPercent(value, total)),
		largestRemainder: formatHundredths(level.units[index]),
		...(level.tie[index] ? { lrTie: true as const } : {}),
		largestRemainderNested: formatHundredths(nestedUnits),
		...(nestedTie ? { lrNestedTie: true as const } : {})
	};
}

function levelCheck(values: bigint[], total: bigint, lr: Distribution, ids: string[]): Pd01LevelCheck {
	return {
		rows: values.length,
		sumIndependent: formatHundredths(values.reduce((s, v) => s + roundHalfUpPercent(v, total), 0n)),
		sumLargestRemainder: formatHundredths(lr.units.reduce((a, b) => a + b, 0n)),
		unitsAddedByLargestRemainder: Number(lr.added),
		tieAffectedRows: ids.filter((_, i) => lr.tie[i])
	};
}

function nestedCheck(nested: Distribution[], ids: string[]): Pick<Pd01LevelCheck, 'sumLargestRemainderNested' | 'nestedTieAffectedRows'> {
	return {
		sumLargestRemainderNested: formatHundredths(nested.reduce((s, d) => s + d.units[0], 0n)),
		nestedTieAffectedRows: ids.filter((_, i) => nested[i].tie[0])
	};
}

// ───────────────────────────── companions of ผด.01 ─────────────────────────────

export interface AmountSummary {
	projectCount: number;
	budgetSatang: Satang;
	budgetBaht: string;
}

/** Own-budget vs other-agency totals (scope hint for the summary page). */
export function summarizeFundingTypes(plan: Plan): { own: AmountSummary; otherAgency: AmountSummary } {
	const sum = (rows: Project[]): AmountSummary => {
		const budget = rows.reduce((s, p) => s + satang(p.budget), 0n);
		return { projectCount: rows.length, budgetSatang: Number(budget), budgetBaht: satangToDecimal(Number(budget)) };
	};
	return {
		own: sum(plan.projects.filter((p) => p.fundingSource.type === 'own')),
		otherAgency: sum(plan.projects.filter((p) => p.fundingSource.type === 'otherAgency'))
	};
}

export interface EquipmentSummary {
	itemCount: number;
	budgetSatang: Satang;
	budgetBaht: string;
	byPlanCode: Record<string, { itemCount: number; budgetSatang: Satang; budgetBaht: string }>;
}

/** ผด.02/1 totals, reported beside ผด.01 (equipment is not counted in ผด.01 by default, §3.1). */
export function summarizeEquipment(items: readonly Pick<EquipmentItem, 'budget' | 'planCode'>[]): EquipmentSummary {
	const byPlanCode: EquipmentSummary['byPlanCode'] = {};
	let total = 0n;
	for (const e of items) {
		total += satang(e.budget);
		const cur = byPlanCode[e.planCode] ?? { itemCount: 0, budgetSatang: 0, budgetBaht: '' };
		const budget = BigInt(cur.budgetSatang) + satang(e.budget);
		byPlanCode[e.planCode] = {
			itemCount: cur.itemCount + 1,
			budgetSatang: Number(budget),
			budgetBaht: satangToDecimal(Number(budget))
		};
	}
	return { itemCount: items.length, budgetSatang: Number(total), budgetBaht: satangToDecimal(Number(total)), byPlanCode };
}
