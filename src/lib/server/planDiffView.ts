/** Loads two versions of a plan (or the current content) and diffs them for the diff page. */
import type { Database } from './db';
import * as versions from './db/versions';
import * as signoff from './db/signoff';
import { loadCurrentPlan } from './planSnapshot';
import { diffPlans } from '$lib/domain/plan/diff';
import { planFromJson } from '$lib/domain/plan/json';
import type { Plan, PlanJson } from '$lib/domain/plan/types';

/** `current`, a version id of this plan, or `parent` (the announced edition this one amends). */
export async function resolvePlan(db: Database, planId: string, parentPlanId: string | null, ref: string): Promise<{ plan: Plan; label: string } | null> {
	if (ref === 'current') return { plan: await loadCurrentPlan(db, planId), label: 'current' };
	if (ref === 'parent') {
		if (!parentPlanId) return null;
		const announcement = await signoff.announcementOf(db, parentPlanId);
		const version = announcement && (await versions.get(db, parentPlanId, announcement.versionId));
		return version ? { plan: planFromJson(JSON.parse(version.canonicalJson) as PlanJson), label: 'parent' } : null;
	}
	const version = await versions.get(db, planId, ref);
	return version ? { plan: planFromJson(JSON.parse(version.canonicalJson) as PlanJson), label: version.name } : null;
}

/** The diff as plain data for a page. */
export function diffView(before: Plan, after: Plan) {
	const d = diffPlans(before, after);
	const strategyName = new Map([...before.strategies, ...after.strategies].map((s) => [s.id, s.name]));
	return {
		total: d.total,
		pd01: d.pd01,
		added: d.added.map((p) => ({ id: p.id, name: p.name, budget: p.budget, strategy: strategyName.get(p.strategyId) ?? '' })),
		removed: d.removed.map((p) => ({ id: p.id, name: p.name, budget: p.budget, strategy: strategyName.get(p.strategyId) ?? '' })),
		changed: d.changed.map((c) => ({ id: c.after.id, name: c.after.name, changes: c.changes })),
		sections: d.sections
	};
}

export type DiffView = ReturnType<typeof diffView>;
