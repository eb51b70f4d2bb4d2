/**
 * What an import is matched against: the plan's strategies, its แผนงาน plus the standard
 * ones, and the organization's departments (own rows) — the list the admin keeps in
 * organization settings, or while that is empty the departments the plan itself names.
 */
import type { Database } from '../db';
import { loadCurrentPlan } from '../planSnapshot';
import { listDepartments } from '../db/departments';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import type { ImportTarget } from './projectTable';

export async function importTargetOf(db: Database, planId: string, orgId: string): Promise<ImportTarget> {
	const plan = await loadCurrentPlan(db, planId);
	const codes = new Set(plan.catalogue.map((c) => c.code));
	const kept = (await listDepartments(db, orgId)).map((d) => d.name);
	return {
		strategies: plan.strategies,
		catalogue: [...plan.catalogue, ...STANDARD_PLAN_CATALOGUE.filter((c) => !codes.has(c.code))],
		departments: kept.length ? kept : plan.meta.organization.departments
	};
}
