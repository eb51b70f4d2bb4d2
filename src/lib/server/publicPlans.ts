/**
 * Announced editions as the public sees them, without signing in: only what was announced,
 * from the frozen version — never the live document.
 */
import type { Database } from './db';
import * as organizations from './db/organizations';
import * as plans from './db/plans';
import * as signoff from './db/signoff';
import * as versions from './db/versions';
import { publicPlanPath } from '$lib/domain/publicPaths';

/** The announced edition at /p/<org>/<year>/<edition>, or null when there is none. */
export async function findAnnouncedEdition(db: Database, orgSlug: string, fiscalYear: number, edition: number) {
	const org = await organizations.bySlug(db, orgSlug);
	if (!org) return null;
	const editions = await plans.editionsOf(db, org.id, fiscalYear);
	const plan = editions.find((p) => p.edition === edition);
	const announcement = plan && (await signoff.announcementOf(db, plan.id));
	if (!plan || !announcement) return null;
	const [version, approval] = await Promise.all([versions.get(db, plan.id, announcement.versionId), signoff.approvalOf(db, plan.id)]);
	if (!version) return null;
	const announced = [];
	for (const e of editions) {
		if (await signoff.announcementOf(db, e.id)) announced.push({ edition: e.edition, title: e.title, path: publicPlanPath(org.slug, fiscalYear, e.edition), current: e.id === plan.id });
	}
	const successor = plan.supersededBy ? editions.find((e) => e.id === plan.supersededBy) : null;
	const parentAnnouncement = plan.parentPlanId ? await signoff.announcementOf(db, plan.parentPlanId) : null;
	const previous = parentAnnouncement ? await versions.get(db, plan.parentPlanId!, parentAnnouncement.versionId) : null;
	return { org, plan, announcement, version, approval, previous, editions: announced, successor: successor ? { title: successor.title, path: publicPlanPath(org.slug, fiscalYear, successor.edition) } : null };
}
