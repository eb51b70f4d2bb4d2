/** What an import is matched against: the plan's strategies and its แผนงาน plus the standard ones. */
import type { Database } from '../db';
import { loadCurrentPlan } from '../planSnapshot';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import type { ImportTarget } from './projectTable';

export async function importTargetOf(db: Database, planId: string): Promise<ImportTarget> {
	const plan = await loadCurrentPlan(db, planId);
	const codes = new Set(plan.catalogue.map((c) => c.code));
	return { strategies: plan.strategies, catalogue: [...plan.catalogue, ...STANDARD_PLAN_CATALOGUE.filter((c) => !codes.has(c.code))] };
}
