/** What every page of one made report loads: the reader's scene, the row and its frozen figures. */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import type { Actor } from '../policies/plan';
import { authorizeProgress, progressAbilitiesFor } from '../policies/progress';
import { loadProgressScene } from './announcedPlan';
import { reportOfYear } from '../commands/reportPublisher';
import type { FrozenReport } from '$lib/domain/progress/frozen';
import { postingStatus } from '$lib/domain/progress/posting';
import { bangkokDate } from '$lib/domain/progress/statuses';
import * as organizations from '../db/organizations';
import { publicReportPath } from '$lib/domain/publicPaths';

export async function loadMadeReport(db: Database, actor: Actor | null, planId: string, reportId: string) {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const a = loaded.announced!;
	const row = await reportOfYear(db, reportId, a.orgId, a.fiscalYear);
	const org = await organizations.byId(db, a.orgId);
	return {
		abilities: progressAbilitiesFor(loaded.scene),
		report: madeReportView(row, org?.slug ?? '')
	};
}

type Row = Awaited<ReturnType<typeof reportOfYear>>;

export function madeReportView(row: Row, orgSlug: string) {
	return {
		id: row.id,
		sha256: row.sha256,
		createdAt: row.createdAt.toISOString(),
		frozen: JSON.parse(row.canonicalJson) as FrozenReport,
		announcedAt: row.announcedAt?.toISOString() ?? null,
		posting: row.announcedAt && row.presentedOn ? postingStatus(row.presentedOn, bangkokDate(row.announcedAt), bangkokDate(new Date())) : null,
		publicPath: row.announcedAt ? publicReportPath(orgSlug, row.fiscalYear, row.id) : null
	};
}
