/** Announced monitoring reports as the public sees them, without signing in. */
import type { Database } from './db';
import * as organizations from './db/organizations';
import * as progress from './db/progress';
import { madeReportView } from './progress/reportPage';
import { publicReportPath } from '$lib/domain/publicPaths';

/** The announced report at /p/<org>/<year>/reports/<id>, or null (unknown, another year, not announced). */
export async function findAnnouncedReport(db: Database, orgSlug: string, fiscalYear: number, reportId: string) {
	const org = await organizations.bySlug(db, orgSlug);
	const row = org && (await progress.getReport(db, reportId));
	if (!org || !row || row.orgId !== org.id || row.fiscalYear !== fiscalYear || !row.announcedAt) return null;
	return { orgName: org.name, ...madeReportView(row, org.slug) };
}

/** Announced reports of a fiscal year, newest first, for the plan's public page. */
export async function announcedReportsOf(db: Database, orgId: string, orgSlug: string, fiscalYear: number) {
	return (await progress.reportsOf(db, orgId, fiscalYear))
		.filter((r) => r.announcedAt)
		.map((r) => ({ id: r.id, period: r.period, announcedAt: r.announcedAt!.toISOString(), path: publicReportPath(orgSlug, fiscalYear, r.id) }));
}
