import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/input';
import { IMPORT_MAX_BYTES, ImportRefusal, readUpload } from '$lib/server/import/files';
import { readImportForm, tooLarge } from '$lib/server/import/uploadForm';
import { previewWorkbook } from '$lib/server/import/projectTable';
import { importTargetOf } from '$lib/server/import/importTarget';
import { previewReport } from '$lib/server/import/importReport';
import { applyImport } from '$lib/server/import/importApplier';
import { PlanWriteRefused } from '$lib/server/plan/writeRefusal';
import { translate } from '$lib/i18n';
import { withParseSlot } from '$lib/server/import/parseSlots';
import { loadCurrentPlan } from '$lib/server/planSnapshot';
import { applyPlanJson, checkPlanFile, jsonPreviewReport, looksLikeJson, parsePlanJsonBytes, previewPlanJson } from '$lib/server/import/planJson';
import type { Database } from '$lib/server/db';

const query = v.object({
	dryRun: v.optional(v.picklist(['0', '1'], 'invalidInput'), '0'),
	acceptRejected: v.optional(v.picklist(['0', '1'], 'invalidInput'), '0'),
	/** A whole-plan JSON replaces the plan's content: required while the plan has rows. */
	replace: v.optional(v.picklist(['0', '1'], 'invalidInput'), '0')
});
const form = v.object({
	file: v.instance(File, 'required'),
	/** Answers to the แผนงาน questions: "plan:<heading as written>" = catalogue code | "new". */
	plans: v.pipe(
		v.record(v.pipe(v.string(), v.maxLength(1000, 'textTooLong')), v.pipe(v.string('invalidInput'), v.regex(/^(new|[A-Za-z0-9]{1,16})$/, 'invalidInput'))),
		v.check((r) => Object.keys(r).length <= 200, 'invalidInput')
	)
});

const refused = (status: number, r: { th: string; en: string }) => json({ error: 'refused', message: { th: r.th, en: r.en } }, { status });

/**
 * multipart `file` → the preview (?dryRun=1), or the import applied all-or-nothing; refused
 * while any row is rejected (unless acceptRejected=1) or a แผนงาน question is unanswered.
 * Policy: importProjects (the planning officer, while the plan is a draft).
 */
export async function POST({ params, locals, request, url }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'importProjects');
	const flags = parseInput(query, Object.fromEntries(url.searchParams));
	if (!flags.ok) return json({ error: flags.error, field: flags.field }, { status: 400 });

	const body = await readImportForm(request).catch(() => null);
	if (body === null) return json({ error: 'invalidInput', field: 'file' }, { status: 400 });
	if (body instanceof ImportRefusal) return refused(413, body);
	const plans: Record<string, unknown> = {};
	for (const [key, value] of body) if (key.startsWith('plan:')) plans[key.slice(5)] = value;
	const input = parseInput(form, { file: body.get('file'), plans });
	if (!input.ok) return json({ error: input.error, field: input.field }, { status: 400 });

	if (input.value.file.size > IMPORT_MAX_BYTES) return refused(413, tooLarge());
	const bytes = new Uint8Array(await input.value.file.arrayBuffer());
	if (looksLikeJson(input.value.file.name, bytes)) return importPlanJson(db, scene, user, bytes, flags.value);
	let grids;
	try {
		grids = await readUpload(input.value.file.name, bytes);
	} catch (e) {
		if (e instanceof ImportRefusal) return refused(422, e);
		throw e;
	}
	const preview = previewWorkbook(grids, await importTargetOf(db, scene.plan.id, scene.plan.orgId), { planChoices: input.value.plans });
	const report = previewReport(preview);
	if (flags.value.dryRun === '1') return json(report);

	if (preview.problem) return json({ error: 'problem', ...report }, { status: 422 });
	if (preview.projects.length + preview.equipment.length === 0) return json({ error: 'nothingToImport', ...report }, { status: 422 });
	if (preview.rejected.length && flags.value.acceptRejected !== '1') return json({ error: 'rejectedRows', ...report }, { status: 409 });
	if (preview.questions.some((q) => q.choice === null)) return json({ error: 'unansweredPlans', ...report }, { status: 409 });
	try {
		const result = await applyImport(db, scene.plan.id, { id: user.id, displayName: user.displayName }, preview);
		return json({ applied: { projects: result.projectIds.length, equipment: result.equipmentIds.length, newStrategies: result.newStrategies, newPlans: result.newPlans }, ...report });
	} catch (e) {
		if (!(e instanceof PlanWriteRefused)) throw e;
		return json({ error: 'planWriteRefused', message: { th: translate('th', e.messageKey), en: translate('en', e.messageKey) } }, { status: 409 });
	}
}

/** A whole-plan interchange JSON (docs/INTERCHANGE.md): the preview, or the plan's content replaced. */
async function importPlanJson(
	db: Database,
	scene: { plan: { id: string } },
	user: { id: string },
	bytes: Uint8Array,
	flags: { dryRun: string; acceptRejected: string; replace: string }
) {
	let preview;
	try {
		const current = await loadCurrentPlan(db, scene.plan.id);
		const target = { meta: current.meta, front: current.front, projects: current.projects.length, equipment: current.equipment.length };
		preview = await withParseSlot(async () => previewPlanJson(checkPlanFile(parsePlanJsonBytes(bytes)), target));
	} catch (e) {
		if (e instanceof ImportRefusal) return refused(422, e);
		throw e;
	}
	const report = jsonPreviewReport(preview);
	if (flags.dryRun === '1') return json(report);
	if (preview.accepted.length === 0) return json({ error: 'nothingToImport', ...report }, { status: 422 });
	if (preview.rejected.length && flags.acceptRejected !== '1') return json({ error: 'rejectedRows', ...report }, { status: 409 });
	if (preview.replaces.projects + preview.replaces.equipment > 0 && flags.replace !== '1') return json({ error: 'planNotEmpty', ...report }, { status: 409 });
	try {
		const applied = await applyPlanJson(db, scene.plan.id, user, preview);
		return json({ applied: { ...applied, replaced: preview.replaces }, ...report });
	} catch (e) {
		if (!(e instanceof PlanWriteRefused)) throw e;
		return json({ error: 'planWriteRefused', message: { th: translate('th', e.messageKey), en: translate('en', e.messageKey) } }, { status: 409 });
	}
}
