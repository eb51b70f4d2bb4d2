/**
 * The interchange file as others receive it (docs/INTERCHANGE.md): the plan's JSON
 * (json.ts) plus `derived.pd01`, the ผด.01 summary computed from the rows — provided so
 * other systems need not recompute it; on import it is checked (validatePlanJson) and
 * ignored, never stored.
 */
import { planToJson } from './json';
import { computePd01 } from './pd01';
import type { Plan, PlanJson } from './types';

const pct = (s: string) => Number(s);

/** ผด.01 of all ผด.02 rows (own and other agencies), in the shape of sample-plan.json. */
export function derivedPd01(plan: Plan) {
	const pd01 = computePd01(plan, { scope: 'all' });
	return {
		scope: 'all rows of ผด.02 (own + other agencies)',
		strategies: pd01.strategies.map((s) => ({
			strategyId: s.strategyId,
			strategyName: s.name,
			rows: s.groups.map((g) => ({
				planGroupId: g.planGroupId,
				planName: g.planName,
				projectCount: g.projectCount,
				projectPct: pct(g.projectPct.independent),
				budget: g.budgetSatang / 100,
				budgetPct: pct(g.budgetPct.independent),
				units: g.units
			})),
			subtotal: { projectCount: s.projectCount, projectPct: pct(s.projectPct.independent), budget: s.budgetSatang / 100, budgetPct: pct(s.budgetPct.independent) }
		})),
		grandTotal: {
			projectCount: pd01.grandTotal.projectCount,
			projectPct: pct(pd01.grandTotal.projectPct),
			budget: pd01.grandTotal.budgetSatang / 100,
			budgetPct: pct(pd01.grandTotal.budgetPct)
		}
	};
}

/** The whole plan as the interchange file, with the computed ผด.01 in `derived`. */
export function planToInterchange(plan: Plan): PlanJson {
	return {
		...planToJson(plan),
		derived: { _note: 'DERIVED – recomputed from the rows; never source data. Ignored on import.', pd01: derivedPd01(plan) }
	};
}
