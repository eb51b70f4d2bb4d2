/** Permanent public addresses of announced editions: /p/<org>/<fiscal year>/<edition>. */
export function publicPlanPath(orgSlug: string, fiscalYear: number, edition: number): string {
	return `/p/${encodeURIComponent(orgSlug)}/${fiscalYear}/${edition}`;
}

/** Permanent public address of an announced monitoring report, beside the plan's editions. */
export function publicReportPath(orgSlug: string, fiscalYear: number, reportId: string): string {
	return `/p/${encodeURIComponent(orgSlug)}/${fiscalYear}/reports/${encodeURIComponent(reportId)}`;
}
