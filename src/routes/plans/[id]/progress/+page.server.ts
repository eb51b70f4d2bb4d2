import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadProgressScene } from '$lib/server/progress/announcedPlan';
import { authorizeProgress, progressAbilitiesFor } from '$lib/server/policies/progress';
import { progressRows } from '$lib/server/progress/progressView';
import { saveProgress } from '$lib/server/commands/progressReporter';
import { departmentsOfUser } from '$lib/server/db/departments';
import { id, parseInput, readForm, text } from '$lib/server/input';
import { translate } from '$lib/i18n';
import { addEvidence, deleteEvidence } from '$lib/server/commands/evidenceKeeper';
import { evidenceOfYear, lastAnnouncedReportMade } from '$lib/server/db/progress';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const loaded = await loadProgressScene(db, user, params.id);
	if (!loaded) error(404, translate(locals.locale, 'planNotFound'));
	authorizeProgress(loaded.scene, 'readProgress');
	const announced = loaded.announced!;
	const frozenAt = await lastAnnouncedReportMade(db, announced.orgId, announced.fiscalYear);
	return {
		plan: { id: params.id, currentId: announced.planId, title: announced.plan.meta.title, fiscalYear: announced.fiscalYear },
		abilities: progressAbilitiesFor(loaded.scene),
		myDepartments: (await departmentsOfUser(db, user.id)).map((d) => d.name),
		rows: await progressRows(db, loaded.scene, announced),
		evidence: (await evidenceOfYear(db, announced.orgId, announced.fiscalYear)).map((e) => ({
			id: e.id,
			rowId: e.rowId,
			fileName: e.fileName,
			size: e.size,
			// Behind an announced report: kept (evidenceKeeper.deleteEvidence refuses it).
			frozen: frozenAt !== null && e.uploadedAt <= frozenAt
		}))
	};
}

const saveForm = v.object({
	rowId: id(),
	status: text(40),
	contract: text(40),
	disbursed: text(40),
	disbursedOn: text(40),
	startDate: text(40),
	endDate: text(40),
	note: text(2000)
});

const evidenceForm = v.object({ rowId: id() });
const deleteEvidenceForm = v.object({ evidenceId: id() });

export const actions = {
	deleteEvidence: async ({ request, locals, params }) => {
		const input = await readForm(request, deleteEvidenceForm);
		if (!input.ok) return fail(400, { rowId: '', error: input.error, field: 'file' });
		const done = await deleteEvidence((await runtime()).db, locals.user, params.id, input.value.evidenceId);
		if (!done.ok) return fail(400, { rowId: done.rowId, error: done.error, field: 'file' });
		return { savedRow: done.rowId };
	},
	evidence: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = parseInput(evidenceForm, { rowId: form.get('rowId') });
		const file = form.get('file');
		if (!input.ok) return fail(400, { rowId: '', error: input.error, field: 'file' });
		if (!(file instanceof File)) return fail(400, { rowId: input.value.rowId, error: 'evidenceEmpty' as const, field: 'file' });
		const added = await addEvidence((await runtime()).db, locals.user, params.id, input.value.rowId, file);
		if (!added.ok) return fail(400, { rowId: input.value.rowId, error: added.error, field: 'file' });
		return { savedRow: input.value.rowId };
	},
	save: async ({ request, locals, params }) => {
		const input = await readForm(request, saveForm);
		if (!input.ok) return fail(400, { rowId: '', error: input.error, field: input.field });
		const saved = await saveProgress((await runtime()).db, locals.user, params.id, input.value);
		if (!saved.ok) return fail(400, { rowId: input.value.rowId, error: saved.error, field: saved.field });
		return { savedRow: input.value.rowId };
	}
};
