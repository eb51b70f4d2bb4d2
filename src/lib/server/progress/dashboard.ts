/**
 * The executive dashboard: the current fiscal year's figures, live. When the current year has
 * no announced plan yet (October, before the plan is announced), the latest earlier year that
 * has one is shown and the page says so.
 */
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as organizations from '../db/organizations';
import type { Actor } from '../policies/plan';
import { progressAbilitiesFor } from '../policies/progress';
import { loadProgressScene } from './announcedPlan';
import { liveReport } from './liveReport';
import { bangkokDate } from '$lib/domain/progress/statuses';
import { fiscalYearOf } from '$lib/domain/progress/fiscalYear';
import type { FrozenReport } from '$lib/domain/progress/frozen';

export async function dashboardFor(db: Database, actor: Actor, now = new Date()) {
	const currentYear = fiscalYearOf(bangkokDate(now));
	const years = [...new Set((await plans.list(db, actor.orgId)).filter((p) => p.state === 'announced' && p.fiscalYear <= currentYear).map((p) => p.fiscalYear))].sort((a, b) => b - a);
	for (const year of years) {
		const [edition] = await plans.editionsOf(db, actor.orgId, year);
		const loaded = edition && (await loadProgressScene(db, actor, edition.id));
		if (!loaded?.announced) continue;
		const abilities = progressAbilitiesFor(loaded.scene);
		if (!abilities.readProgress) return null;
		const a = loaded.announced;
		const org = await organizations.byId(db, a.orgId);
		const report: FrozenReport = { orgName: org?.name ?? '', planTitle: a.plan.meta.title, fiscalYear: a.fiscalYear, period: 'year', madeAt: now.toISOString(), report: await liveReport(db, a, 'year', now) };
		return { planId: a.planId, currentYear, isCurrent: year === currentYear, abilities, report };
	}
	return { planId: null, currentYear, isCurrent: false, abilities: null, report: null };
}
