/** What a version page and the public page show of a frozen plan: ผด.01 and the projects. */
import { planFromJson } from '$lib/domain/plan/json';
import { computePd01, shownPercent } from '$lib/domain/plan/pd01';
import { formatBaht } from '$lib/domain/plan/money';
import type { PlanJson } from '$lib/domain/plan/types';

export function versionView(canonical: string) {
	const plan = planFromJson(JSON.parse(canonical) as PlanJson);
	const pd01 = computePd01(plan);
	const strategyNames = new Map(plan.strategies.map((s) => [s.id, s.name]));
	return {
		title: plan.meta.title,
		pd01: {
			strategies: pd01.strategies.map((s) => ({
				no: s.no,
				name: s.name,
				projectCount: s.projectCount,
				projectPct: shownPercent(s.projectPct, 'strategy'),
				budget: formatBaht(s.budgetSatang),
				budgetPct: shownPercent(s.budgetPct, 'strategy')
			})),
			total: { projectCount: pd01.grandTotal.projectCount, budget: formatBaht(pd01.grandTotal.budgetSatang) }
		},
		projects: plan.projects.map((p) => ({
			id: p.id,
			strategy: strategyNames.get(p.strategyId) ?? '',
			name: p.name,
			budget: formatBaht(p.budget),
			location: p.location,
			unit: p.responsibleUnit
		}))
	};
}

export type VersionView = ReturnType<typeof versionView>;
