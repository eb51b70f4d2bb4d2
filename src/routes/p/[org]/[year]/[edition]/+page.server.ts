import { error } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { findAnnouncedEdition } from '$lib/server/publicPlans';
import { versionView } from '$lib/server/versionView';
import { diffView } from '$lib/server/planDiffView';
import { planFromJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';

const planOf = (canonical: string) => planFromJson(JSON.parse(canonical) as PlanJson);

/** Public, permanent page of an announced edition: readable without signing in. */
export async function load({ params, setHeaders }) {
	const year = Number(params.year);
	const edition = Number(params.edition);
	if (!Number.isInteger(year) || !Number.isInteger(edition)) error(404, 'not found');
	const found = await findAnnouncedEdition((await runtime()).db, params.org, year, edition);
	if (!found) error(404, 'not found');
	// An announced edition never changes; caches may keep it (but revalidate for "superseded by").
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		orgName: found.org.name,
		title: found.plan.title,
		announcement: { text: found.announcement.text, at: found.announcement.announcedAt.toISOString() },
		sha256: found.version.sha256,
		approval: found.approval && { name: found.approval.approverName, position: found.approval.approverPosition, sha256: found.approval.contentSha256, at: found.approval.approvedAt.toISOString() },
		editions: found.editions,
		successor: found.successor,
		view: versionView(found.version.canonicalJson),
		// An amendment shows what it changed against the edition it amends.
		changes: found.previous ? diffView(planOf(found.previous.canonicalJson), planOf(found.version.canonicalJson)) : null
	};
}
