import { error, fail } from '@sveltejs/kit';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { importTargetOf } from '$lib/server/import/importTarget';
import { IMPORT_MAX_BYTES, ImportRefusal, MAX_COLS, MAX_ROWS, readUpload, sniffFile, type SheetGrid } from '$lib/server/import/files';
import { withParseSlot } from '$lib/server/import/parseSlots';
import { readImportForm } from '$lib/server/import/uploadForm';
import { FIELD_LABELS, mappingFromForm, previewWorkbook, type ImportKind } from '$lib/server/import/projectTable';
import { applyImport } from '$lib/server/import/importApplier';
import { PlanWriteRefused } from '$lib/server/plan/writeRefusal';
import { translate } from '$lib/i18n';
import { loadCurrentPlan } from '$lib/server/planSnapshot';
import { applyPlanJson, checkPlanFile, jsonPreviewReport, looksLikeJson, parsePlanJsonBytes, previewPlanJson } from '$lib/server/import/planJson';

/** Only the planning officer, only while the plan is a draft (policy: importProjects). */
async function guard(event: { locals: App.Locals; url: URL; params: { id: string } }) {
	const user = requireUser(event.locals, event.url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, event.params.id);
	if (!scene) error(404, translate(event.locals.locale, 'planNotFound'));
	authorize(scene, 'importProjects');
	return { user, db, scene };
}

/**
 * The parsed grids travel with the form (gzip + base64), so preview and confirm work on any
 * server instance and nothing is stored before the person confirms. It is only data: confirm
 * parses and validates it again exactly like a fresh upload.
 */
const pack = (grids: SheetGrid[]) => gzipSync(Buffer.from(JSON.stringify(grids))).toString('base64');
function unpack(payload: string): SheetGrid[] | null {
	try {
		// The payload comes back from the browser: bounded like an upload (bytes, rows, columns).
		const grids = JSON.parse(gunzipSync(Buffer.from(payload, 'base64'), { maxOutputLength: 16 * 1024 * 1024 }).toString()) as SheetGrid[];
		const cell = (m: unknown) => Array.isArray(m) && m.length === 2 && m.every((n) => Number.isInteger(n) && n >= 0 && n < MAX_ROWS);
		const fits = (g: SheetGrid) =>
			typeof g?.name === 'string' &&
			Array.isArray(g.rows) &&
			g.rows.length <= MAX_ROWS &&
			g.rows.every((r) => Array.isArray(r) && r.length <= MAX_COLS && r.every((c) => typeof c === 'string')) &&
			(g.marks === undefined || (Array.isArray(g.marks) && g.marks.length <= MAX_ROWS * MAX_COLS && g.marks.every(cell)));
		return Array.isArray(grids) && grids.length <= 255 && grids.every(fits) ? grids : null;
	} catch {
		return null;
	}
}

async function gridsFrom(form: FormData): Promise<{ grids: SheetGrid[] } | { refusal: ImportRefusal }> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > IMPORT_MAX_BYTES) return { refusal: sniffError(new Uint8Array(IMPORT_MAX_BYTES + 1)) };
		try {
			return { grids: await readUpload(file.name, new Uint8Array(await file.arrayBuffer())) };
		} catch (e) {
			if (e instanceof ImportRefusal) return { refusal: e };
			throw e;
		}
	}
	let grids: SheetGrid[] | null;
	try {
		grids = await withParseSlot(async () => unpack(String(form.get('payload') ?? '')));
	} catch (e) {
		if (e instanceof ImportRefusal) return { refusal: e };
		throw e;
	}
	return grids ? { grids } : { refusal: new ImportRefusal('ไฟล์ตัวอย่างหมดอายุหรือไม่ถูกต้อง กรุณาเลือกไฟล์อีกครั้ง', 'Choose the file again') };
}

function sniffError(bytes: Uint8Array): ImportRefusal {
	try {
		sniffFile('', bytes);
	} catch (e) {
		if (e instanceof ImportRefusal) return e;
	}
	return new ImportRefusal('ไฟล์ใช้ไม่ได้', 'Unusable file');
}

function optionsFrom(form: FormData, previous: ReturnType<typeof previewWorkbook> | null) {
	const num = (name: string) => {
		const v = Number(form.get(name));
		return form.get(name) !== null && form.get(name) !== '' && Number.isInteger(v) ? v : undefined;
	};
	const kind = form.get('kind');
	// The person's answers to the แผนงาน questions: fields "plan:<heading as written>" = code | "new".
	const planChoices: Record<string, string> = {};
	for (const [key, value] of form) {
		if (key.startsWith('plan:') && typeof value === 'string' && key.length <= 1005 && value.length <= 16) planChoices[key.slice(5)] = value;
	}
	// Both sheets were read together: each sheet's mapping is its own (`map.<sheet>.<field>`).
	if (form.get('allSheets') === '1' && form.get('sheetChanged') !== '1') {
		const sheetMappings: Record<number, NonNullable<ReturnType<typeof mappingFromForm>>> = {};
		if (form.get('remap') === '1') {
			for (const part of form.getAll('part')) {
				const i = Number(part);
				if (!Number.isInteger(i) || i < 0 || i > 255) continue;
				const m = mappingFromForm(form, null, `${i}.`);
				if (m) sheetMappings[i] = m;
			}
		}
		return { planChoices, sheetMappings };
	}
	return {
		planChoices,
		sheet: num('sheet'),
		headerRow: num('headerRow'),
		kind: kind === 'projects' || kind === 'equipment' ? (kind as ImportKind) : undefined,
		mapping: form.get('remap') === '1' ? mappingFromForm(form, previous?.mapping ?? null) : undefined
	};
}

/**
 * A whole-plan JSON upload (or its payload coming back with the confirm form): the raw bytes,
 * gzip + base64 in the form like the grids, and judged again in full on confirm.
 */
async function jsonFrom(form: FormData): Promise<{ bytes: Uint8Array } | { refusal: ImportRefusal } | null> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > IMPORT_MAX_BYTES) return null;
		const bytes = new Uint8Array(await file.arrayBuffer());
		return looksLikeJson(file.name, bytes) ? { bytes } : null;
	}
	const payload = form.get('jsonPayload');
	if (typeof payload !== 'string' || !payload) return null;
	try {
		return { bytes: new Uint8Array(gunzipSync(Buffer.from(payload, 'base64'), { maxOutputLength: IMPORT_MAX_BYTES })) };
	} catch {
		return { refusal: new ImportRefusal('ไฟล์ตัวอย่างหมดอายุหรือไม่ถูกต้อง กรุณาเลือกไฟล์อีกครั้ง', 'Choose the file again') };
	}
}

/** The JSON's preview against the plan as it is now (ImportRefusal for a file refused whole). */
async function jsonPreview(db: Awaited<ReturnType<typeof runtime>>['db'], planId: string, bytes: Uint8Array) {
	const current = await loadCurrentPlan(db, planId);
	const target = { meta: current.meta, front: current.front, projects: current.projects.length, equipment: current.equipment.length };
	return withParseSlot(async () => previewPlanJson(checkPlanFile(parsePlanJsonBytes(bytes)), target));
}

const refusalOf = (e: unknown) => {
	if (e instanceof ImportRefusal) return { refusal: { th: e.th, en: e.en } };
	throw e;
};

export async function load(event) {
	const { scene, db } = await guard(event);
	const target = await importTargetOf(db, scene.plan.id, scene.plan.orgId);
	return {
		catalogue: target.catalogue,
		hasDepartments: (target.departments ?? []).length > 0,
		planId: scene.plan.id,
		planTitle: scene.row.title,
		maxMb: IMPORT_MAX_BYTES / 1024 / 1024,
		fieldLabels: FIELD_LABELS
	};
}

export const actions = {
	/** Upload (or re-map) → preview. Nothing is written. */
	preview: async (event) => {
		const { db, scene } = await guard(event);
		const form = await readImportForm(event.request);
		if (form instanceof ImportRefusal) return fail(413, { refusal: { th: form.th, en: form.en } });
		const json = await jsonFrom(form);
		if (json && 'refusal' in json) return fail(400, { refusal: { th: json.refusal.th, en: json.refusal.en } });
		if (json) {
			try {
				const preview = await jsonPreview(db, scene.plan.id, json.bytes);
				return { jsonPreview: jsonPreviewReport(preview), jsonPayload: gzipSync(json.bytes).toString('base64') };
			} catch (e) {
				return fail(400, refusalOf(e));
			}
		}
		const got = await gridsFrom(form);
		if ('refusal' in got) return fail(400, { refusal: { th: got.refusal.th, en: got.refusal.en } });
		const target = await importTargetOf(db, scene.plan.id, scene.plan.orgId);
		const sheetChanged = form.get('sheetChanged') === '1';
		const opts = optionsFrom(form, null);
		const preview = previewWorkbook(got.grids, target, sheetChanged ? { sheet: opts.sheet, planChoices: opts.planChoices } : opts);
		return { preview, payload: pack(got.grids) };
	},
	/** Confirm → parse again with the same choices and apply the accepted rows as one change. */
	confirm: async (event) => {
		const { db, scene, user } = await guard(event);
		const form = await event.request.formData();
		const json = await jsonFrom(form);
		if (json && 'refusal' in json) return fail(400, { refusal: { th: json.refusal.th, en: json.refusal.en } });
		if (json) return confirmJson(db, scene.plan.id, user, json.bytes, form.get('replace') === '1');
		const got = await gridsFrom(form);
		if ('refusal' in got) return fail(400, { refusal: { th: got.refusal.th, en: got.refusal.en } });
		const target = await importTargetOf(db, scene.plan.id, scene.plan.orgId);
		const preview = previewWorkbook(got.grids, target, optionsFrom(form, null));
		if (preview.problem || preview.projects.length + preview.equipment.length === 0) {
			return fail(400, { preview, payload: pack(got.grids), nothing: true });
		}
		// A แผนงาน nobody decided on is never created or guessed: the preview asks again.
		if (preview.questions.some((q) => q.choice === null)) return fail(400, { preview, payload: pack(got.grids), unanswered: true });
		// The draft check above came before the body, which may have taken minutes to arrive:
		// the plan store checks again in the transaction that stores the rows.
		let result;
		try {
			result = await applyImport(db, scene.plan.id, { id: user.id, displayName: user.displayName }, preview);
		} catch (e) {
			if (!(e instanceof PlanWriteRefused)) throw e;
			return fail(409, { refusal: { th: translate('th', e.messageKey), en: translate('en', e.messageKey) } });
		}
		return {
			done: {
				projects: result.projectIds.length,
				equipment: result.equipmentIds.length,
				rejected: preview.rejected.length,
				newStrategies: result.newStrategies,
				newPlans: result.newPlans,
				totalBudget: preview.totalBudget
			}
		};
	}
};

/** Confirm of a whole-plan JSON: judged again in full, then the plan's content replaced in one change. */
async function confirmJson(db: Awaited<ReturnType<typeof runtime>>['db'], planId: string, user: { id: string }, bytes: Uint8Array, replace: boolean) {
	let preview;
	try {
		preview = await jsonPreview(db, planId, bytes);
	} catch (e) {
		return fail(400, refusalOf(e));
	}
	const again = { jsonPreview: jsonPreviewReport(preview), jsonPayload: gzipSync(bytes).toString('base64') };
	if (preview.accepted.length === 0) return fail(400, { ...again, nothing: true });
	if (preview.replaces.projects + preview.replaces.equipment > 0 && !replace) return fail(400, { ...again, notEmpty: true });
	try {
		const applied = await applyPlanJson(db, planId, user, preview);
		return { jsonDone: applied };
	} catch (e) {
		if (!(e instanceof PlanWriteRefused)) throw e;
		return fail(409, { refusal: { th: translate('th', e.messageKey), en: translate('en', e.messageKey) } });
	}
}
