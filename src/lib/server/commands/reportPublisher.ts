/**
 * Monitoring reports: the planning officer (or the executive) makes one — today's figures
 * frozen as canonical JSON with their SHA-256 — and the executive announces it, giving the
 * date the results went to the council; from then on it is public for good
 * (/p/<org>/<year>/reports/<id>) with the posting rule shown.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as progress from '../db/progress';
import * as organizations from '../db/organizations';
import * as audit from '../db/audit';
import { newId } from '../ids';
import { sha256Hex } from '../hash';
import type { Actor } from '../policies/plan';
import { authorizeProgress } from '../policies/progress';
import { loadProgressScene } from '../progress/announcedPlan';
import { liveReport } from '../progress/liveReport';
import { canonicalJson } from '$lib/domain/canonicalJson';
import type { FrozenReport } from '$lib/domain/progress/frozen';
import type { ReportPeriod } from '$lib/domain/progress/report';
import { bangkokDate } from '$lib/domain/progress/statuses';
import { parseBeDate } from '$lib/domain/beDateInput';
import type { MessageKey } from '$lib/i18n';

async function scene(db: Database, actor: Actor | null, planId: string) {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	return loaded;
}

export async function makeReport(db: Database, actor: Actor | null, planId: string, period: ReportPeriod, now = new Date()): Promise<string> {
	const { scene: s, announced } = await scene(db, actor, planId);
	authorizeProgress(s, 'makeReport');
	const a = announced!;
	const org = await organizations.byId(db, a.orgId);
	const frozen: FrozenReport = {
		orgName: org?.name ?? '',
		planTitle: a.plan.meta.title,
		fiscalYear: a.fiscalYear,
		period,
		madeAt: now.toISOString(),
		report: await liveReport(db, a, period, now)
	};
	const json = canonicalJson(frozen);
	const id = newId();
	await db.tx(async (tx) => {
		await progress.insertReport(tx, {
			id,
			orgId: a.orgId,
			fiscalYear: a.fiscalYear,
			planId: a.planId,
			period,
			canonicalJson: json,
			sha256: sha256Hex(json),
			createdBy: s.actor!.id,
			createdAt: now,
			presentedOn: null,
			announcedBy: null,
			announcedAt: null
		});
		await audit.record(tx, { orgId: a.orgId, planId: a.planId, actorId: s.actor!.id, action: 'progress.report', data: { reportId: id, period, sha256: sha256Hex(json) } });
	});
	return id;
}

/** A report of this organization's fiscal year, or 404 (also for another organization's report). */
export async function reportOfYear(db: Database, reportId: string, orgId: string, fiscalYear: number) {
	const row = await progress.getReport(db, reportId);
	if (!row || row.orgId !== orgId || row.fiscalYear !== fiscalYear) error(404, 'no such report');
	return row;
}

export type AnnounceResult = { ok: true } | { ok: false; error: MessageKey };

export async function announceReport(db: Database, actor: Actor | null, planId: string, reportId: string, presentedOnTyped: string, now = new Date()): Promise<AnnounceResult> {
	const { scene: s, announced } = await scene(db, actor, planId);
	authorizeProgress(s, 'announceReport');
	const a = announced!;
	await reportOfYear(db, reportId, a.orgId, a.fiscalYear);
	const presented = parseBeDate(presentedOnTyped);
	if (!presented.ok) return { ok: false, error: presented.reason };
	if (presented.iso > bangkokDate(now)) return { ok: false, error: 'reportPresentedInFuture' };
	const done = await db.tx(async (tx) => {
		if (!(await progress.announceReport(tx, reportId, s.actor!.id, now, presented.iso))) return false;
		await audit.record(tx, { orgId: a.orgId, planId: a.planId, actorId: s.actor!.id, action: 'progress.announce', data: { reportId, presentedOn: presented.iso } });
		return true;
	});
	return done ? { ok: true } : { ok: false, error: 'reportAlreadyAnnounced' };
}
