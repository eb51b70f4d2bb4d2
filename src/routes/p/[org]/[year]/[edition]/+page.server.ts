import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { runtime } from '$lib/server/runtime';
import { findAnnouncedEdition } from '$lib/server/publicPlans';
import { versionView } from '$lib/server/versionView';
import { weakEtag } from '$lib/server/conditional';
import { diffView } from '$lib/server/planDiffView';
import { announcedReportsOf } from '$lib/server/publicReports';
import { planFromJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';
import { readAnnouncement } from '$lib/domain/announcement';
import { publicPlanPath } from '$lib/domain/publicPaths';
import { emblemInfo } from '$lib/server/db/emblem';

const planOf = (canonical: string) => planFromJson(JSON.parse(canonical) as PlanJson);

/** Public, permanent page of an announced edition: readable without signing in. */
export async function load({ params, setHeaders, locals }) {
	const year = Number(params.year);
	const edition = Number(params.edition);
	if (!Number.isInteger(year) || !Number.isInteger(edition)) error(404, 'not found');
	const found = await findAnnouncedEdition((await runtime()).db, params.org, year, edition);
	if (!found) error(404, 'not found');
	const reports = await announcedReportsOf((await runtime()).db, found.org.id, found.org.slug, year);
	const emblem = await emblemInfo((await runtime()).db, found.org.id);
	// The edition itself never changes, but the page gains "superseded by" and new editions the
	// moment an amendment is announced: caches keep it and revalidate every time (304 when the
	// same). The validator covers everything the page shows, in the reader's language, and the
	// build (a new deploy has new script names).
	setHeaders({
		'cache-control': locals.user ? 'private, no-cache' : 'public, no-cache',
		vary: 'Cookie',
		etag: weakEtag(version, found.version.sha256, found.editions, found.successor, reports, locals.locale, locals.user?.id ?? null, emblem?.sha256 ?? null)
	});
	return {
		orgName: found.org.name,
		emblemPath: emblem ? `/p/${found.org.slug}/emblem?v=${emblem.sha256.slice(0, 16)}` : null,
		title: found.plan.title,
		announcement: { parts: readAnnouncement(found.announcement.text), at: found.announcement.announcedAt.toISOString() },
		pdfPath: `${publicPlanPath(found.org.slug, year, edition)}/pdf`,
		sha256: found.version.sha256,
		approval: found.approval && { name: found.approval.approverName, position: found.approval.approverPosition, sha256: found.approval.contentSha256, at: found.approval.approvedAt.toISOString() },
		editions: found.editions,
		reports,
		successor: found.successor,
		view: versionView(found.version.canonicalJson),
		// An amendment shows what it changed against the edition it amends.
		changes: found.previous ? diffView(planOf(found.previous.canonicalJson), planOf(found.version.canonicalJson)) : null
	};
}
