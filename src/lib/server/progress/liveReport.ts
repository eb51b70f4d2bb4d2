/** Today's monitoring figures for an announced plan, from the saved progress and its history. */
import type { Database } from '../db';
import * as progress from '../db/progress';
import type { AnnouncedPlan } from './announcedPlan';
import { computeProgressReport, type ProgressReport, type ReportPeriod } from '$lib/domain/progress/report';
import { bangkokDate } from '$lib/domain/progress/statuses';

export async function liveReport(db: Database, announced: AnnouncedPlan, period: ReportPeriod, now = new Date()): Promise<ProgressReport> {
	const [entries, steps] = await Promise.all([
		progress.listEntries(db, announced.orgId, announced.fiscalYear),
		progress.disbursementSteps(db, announced.orgId, announced.fiscalYear)
	]);
	return computeProgressReport({ plan: announced.plan, entries, steps, period, today: bangkokDate(now) });
}
