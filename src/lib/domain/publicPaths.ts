/** Permanent public addresses of announced editions: /p/<org>/<fiscal year>/<edition>. */
export function publicPlanPath(orgSlug: string, fiscalYear: number, edition: number): string {
	return `/p/${encodeURIComponent(orgSlug)}/${fiscalYear}/${edition}`;
}
