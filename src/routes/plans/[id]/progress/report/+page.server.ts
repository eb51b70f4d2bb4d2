import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadProgressScene } from '$lib/server/progress/announcedPlan';
import { authorizeProgress, progressAbilitiesFor } from '$lib/server/policies/progress';
import { liveReport } from '$lib/server/progress/liveReport';
import { makeReport } from '$lib/server/commands/reportPublisher';
import * as progress from '$lib/server/db/progress';
import * as organizations from '$lib/server/db/organizations';
import { choice, readForm } from '$lib/server/input';
import { reportPeriods, type ReportPeriod } from '$lib/domain/progress/report';
import type { FrozenReport } from '$lib/domain/progress/frozen';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const loaded = await loadProgressScene(db, user, params.id);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const a = loaded.announced!;
	const period: ReportPeriod = url.searchParams.get('period') === 'year' ? 'year' : 'half';
	const org = await organizations.byId(db, a.orgId);
	const preview: FrozenReport = { orgName: org?.name ?? '', planTitle: a.plan.meta.title, fiscalYear: a.fiscalYear, period, madeAt: new Date().toISOString(), report: await liveReport(db, a, period) };
	const made = await progress.reportsOf(db, a.orgId, a.fiscalYear);
	return {
		planId: params.id,
		period,
		abilities: progressAbilitiesFor(loaded.scene),
		preview,
		reports: made.map((r) => ({ id: r.id, period: r.period, createdAt: r.createdAt.toISOString(), announced: !!r.announcedAt, sha256: r.sha256 }))
	};
}

export const actions = {
	make: async ({ request, locals, params }) => {
		const input = await readForm(request, v.object({ period: choice(reportPeriods) }));
		if (!input.ok) error(400, 'bad period');
		const id = await makeReport((await runtime()).db, locals.user, params.id, input.value.period);
		redirect(303, `/plans/${params.id}/progress/reports/${id}`);
	}
};
