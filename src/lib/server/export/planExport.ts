/**
 * What every export route does first: sign-in, the plan policy's `read`, the stored plan and
 * the print model with the requested settings. Routes stay thin (parse, call, return).
 */
import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '../auth/guard';
import { loadPlanScene } from '../planAccess';
import { authorize } from '../policies/plan';
import { loadCurrentPlan } from '../planSnapshot';
import * as audit from '../db/audit';
import * as signoff from '../db/signoff';
import { getEmblem } from '../db/emblem';
import { emblemDataUrl } from '$lib/domain/emblem';
import { readAnnouncement } from '$lib/domain/announcement';
import { adoptedMinutesOf } from '../meetingMinutes';
import { translate } from '$lib/i18n';
import { buildPrintModel, parsePrintSettings, type PrintModel, type PrintSettings } from '$lib/domain/print/model';
import type { Plan } from '$lib/domain/plan/types';
import type { PlanState } from '$lib/domain/workflow';

export interface ExportContext {
	plan: Plan;
	state: PlanState;
	settings: PrintSettings;
	model: PrintModel;
}

/**
 * Loads a plan the signed-in user may read and builds its print model. The ประกาศ is printed
 * only once the plan is announced, and it is the text recorded when it was announced (signer,
 * position, date, recital), never the plan's own placeholder. The adopted minutes of the plan's
 * meetings follow the forms as the ภาคผนวก.
 */
export async function loadExportContext(
	event: { locals: App.Locals; url: URL; params: { id: string } },
	/** A downloaded file is recorded in the audit log; the print view is not a copy leaving. */
	format: 'pdf' | 'docx' | 'xlsx' | 'print',
	defaults: Partial<PrintSettings> = {}
): Promise<ExportContext> {
	const user = requireUser(event.locals, event.url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, event.params.id);
	if (!scene) error(404, translate(event.locals.locale, 'planNotFound'));
	authorize(scene, 'read');
	const plan = await loadCurrentPlan(db, scene.plan.id);
	const settings = { ...parsePrintSettings(event.url.searchParams) };
	for (const [k, v] of Object.entries(defaults)) {
		if (!event.url.searchParams.has(k)) (settings as Record<string, unknown>)[k] = v;
	}
	const state = scene.plan.state;
	if (format !== 'print') {
		await db.tx((tx) => audit.record(tx, { orgId: scene.plan.orgId, planId: scene.plan.id, actorId: user.id, action: 'plans.export', data: { format, state } }));
	}
	const recorded = state === 'announced' ? await signoff.announcementOf(db, scene.plan.id) : null;
	const annexMinutes = await adoptedMinutesOf(db, { ...scene, actor: user });
	const emblem = await getEmblem(db, scene.plan.orgId);
	const model = buildPrintModel(plan, {
		settings,
		announcement: recorded ? readAnnouncement(recorded.text) : null,
		annexMinutes,
		emblem: emblem && emblemDataUrl(emblem.data)
	});
	return { plan, state, settings, model };
}

/** "แผนการดำเนินงาน-2569.pdf" with an ASCII fallback, for Content-Disposition. */
export function attachment(plan: Plan, ext: string): string {
	const year = plan.meta.fiscalYear || '';
	const utf = `แผนการดำเนินงาน-${year}.${ext}`;
	return `attachment; filename="operational-plan-${year}.${ext}"; filename*=UTF-8''${encodeURIComponent(utf)}`;
}
