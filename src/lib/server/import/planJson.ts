/**
 * Importing a whole plan from the interchange JSON (docs/INTERCHANGE.md, the shape
 * GET /api/plans/<id>/plan.json exports) into a draft plan.
 *
 * The file is judged in layers, each refusing with a Thai/English reason before anything is
 * written: bytes (size, UTF-8, nesting depth counted before JSON.parse), keys (no
 * __proto__ / constructor / prototype anywhere), shape (valibot: types, lengths, counts,
 * ids), text (no markup tags or control characters), the plan's fiscal year; then every row
 * through the same validation module the editor and the workbook importer use
 * (validation.ts: validatePlanJson → validatePlan → validateRow), which sorts rows into
 * accepted and rejected. `derived` is never read as data: ผด.01 is recomputed from the rows
 * and a disagreeing block is a warning. Revisions are not imported (a draft has none).
 *
 * Applying replaces the plan's content (narrative, catalogue, strategies, rows) in one change
 * through the plan store (writePlan), every id new so nothing left in the plan (comments,
 * history, progress) attaches to a row it never belonged to; the plan's own title, fiscal
 * year, edition and organization stay.
 */
import * as v from 'valibot';
import type { Database } from '../db';
import { writePlan } from '../plan/planStore';
import { replacePlanContent } from '$lib/domain/plan/doc';
import { planFromJson } from '$lib/domain/plan/json';
import { validatePlanJson, type Message } from '$lib/domain/plan/validation';
import { satangToBaht } from '$lib/domain/plan/money';
import type { FrontMatter, Plan, PlanJson, PlanMeta, Project, EquipmentItem } from '$lib/domain/plan/types';
import { IMPORT_MAX_BYTES } from './files';
import { ImportRefusal } from './refusal';

/** Deepest nesting a plan file needs is 7 (revisions → modifyProjects → changes → fundingSource). */
export const JSON_MAX_DEPTH = 20;
/** Most rows (projects + equipment) one file may carry. */
export const JSON_MAX_ROWS = 5000;

const refuse = (th: string, en: string) => new ImportRefusal(th, en);

/** A .json name, or text that opens with "{" (after a BOM and spaces). */
export function looksLikeJson(name: string, bytes: Uint8Array): boolean {
	if (/\.json$/i.test(name)) return true;
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
	return bytes[i] === 0x7b;
}

/** Deepest [ / { nesting of JSON text, strings skipped; stops counting once past `limit`. */
function nestingDepth(text: string, limit: number): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > max) max = depth;
			if (max > limit) return max;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return max;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Bytes → parsed JSON value, or ImportRefusal (size, encoding, depth, syntax, keys). */
export function parsePlanJsonBytes(bytes: Uint8Array): unknown {
	if (bytes.length === 0) throw refuse('ไฟล์ว่างเปล่า', 'The file is empty');
	if (bytes.length > IMPORT_MAX_BYTES) {
		throw refuse(`ไฟล์มีขนาดเกิน ${IMPORT_MAX_BYTES / 1024 / 1024} MB`, `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw refuse('ไฟล์ JSON ต้องเข้ารหัสแบบ UTF-8', 'The JSON file must be UTF-8');
	}
	if (nestingDepth(text, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) {
		throw refuse(`ไฟล์ JSON ซ้อนกันลึกเกิน ${JSON_MAX_DEPTH} ชั้น ไม่ใช่รูปแบบไฟล์แผนของระบบ`, `The JSON nests deeper than ${JSON_MAX_DEPTH} levels; it is not a plan file`);
	}
	let bad: string | null = null;
	let value: unknown;
	try {
		value = JSON.parse(text, (key, v) => {
			if (FORBIDDEN_KEYS.has(key)) bad = key;
			return v;
		});
	} catch (e) {
		const where = /position (\d+)/.exec(String((e as Error).message))?.[1];
		throw refuse(`ไฟล์ JSON ไม่ถูกต้องตามไวยากรณ์${where ? ` (ตำแหน่งที่ ${where})` : ''}`, `The file is not valid JSON${where ? ` (at position ${where})` : ''}`);
	}
	if (bad !== null) {
		throw refuse(`ไฟล์มีชื่อข้อมูลต้องห้าม "${bad}" ระบบไม่รับไฟล์นี้`, `The file uses the forbidden key "${bad}"; it is refused`);
	}
	return value;
}

// ───────────────────────────── shape ─────────────────────────────

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/));
const CODE = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,16}$/));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const CELL = text(5000);
const SHORT = text(1000);
const PARA = text(20000);
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const paras = list(PARA, 500);
const num = v.pipe(v.number(), v.check((n) => !Number.isNaN(n)));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
/** Any number: a month outside 1–12 or not whole is the row's problem (validation.ts), not the file's. */
const month = v.number();

const funding = v.object({
	type: v.picklist(['own', 'otherAgency']),
	category: SHORT,
	detail: SHORT,
	agency: v.nullable(SHORT)
});
const ref = v.nullable(v.object({ plan: SHORT, form: text(50), page: count }));
const project = v.object({
	id: ID,
	seq: v.optional(v.unknown()),
	name: CELL,
	activityDetail: CELL,
	budget: num,
	location: CELL,
	responsibleUnit: SHORT,
	activeMonths: list(month, 12),
	guidelineId: v.optional(v.nullable(ID), null),
	fundingSource: funding,
	localDevPlanRef: v.optional(ref, null),
	remark: v.optional(v.nullable(CELL), null)
});
const equipment = v.object({
	id: ID,
	seq: v.optional(v.unknown()),
	planCode: CODE,
	planName: v.optional(SHORT),
	category: SHORT,
	type: SHORT,
	item: CELL,
	detail: CELL,
	quantity: num,
	unit: SHORT,
	budget: num,
	location: CELL,
	responsibleUnit: SHORT,
	activeMonths: list(month, 12),
	fundingSource: funding,
	localDevPlanRef: v.optional(ref, null)
});
const strategy = v.object({
	id: ID,
	no: v.optional(v.unknown()),
	name: SHORT,
	guidelines: v.optional(list(v.object({ id: ID, no: v.optional(v.unknown()), name: SHORT }), 200), []),
	planGroups: list(v.object({ id: v.optional(text(100)), planCode: CODE, planName: v.optional(SHORT), projects: list(project, JSON_MAX_ROWS) }), 500)
});
const date = text(40);
const step = v.object({ no: count, actor: SHORT, text: PARA });

const planFile = v.object({
	schemaVersion: v.literal('1.0'),
	document: v.object({
		kind: v.optional(v.literal('แผนการดำเนินงาน')),
		title: v.optional(SHORT),
		fiscalYear: v.pipe(v.number(), v.integer(), v.minValue(2400), v.maxValue(2800)),
		localDevelopmentPlan: v.optional(SHORT),
		regulationBasis: v.optional(PARA),
		numerals: v.optional(v.picklist(['thai', 'arabic'])),
		preparedBy: v.optional(SHORT)
	}),
	workflow: v.optional(
		v.object({
			budgetOrdinance: v.object({ name: SHORT, announcedISO: date }),
			deadlineRule: v.optional(PARA, ''),
			events: v.optional(
				list(v.object({ step: SHORT, actor: SHORT, dateISO: v.optional(date), fromISO: v.optional(date), toISO: v.optional(date), note: v.optional(PARA) }), 200),
				[]
			)
		})
	),
	cover: v.optional(v.object({ lines: list(SHORT, 50), footerLines: list(SHORT, 50), emblem: SHORT })),
	announcement: v.optional(
		v.object({ heading: SHORT, subject: SHORT, paragraphs: paras, dateText: SHORT, dateISO: date, signatory: v.object({ name: SHORT, position: SHORT }) })
	),
	preface: v.optional(v.object({ heading: SHORT, paragraphs: paras, signature: SHORT })),
	introduction: v.optional(
		v.object({
			partTitle: SHORT,
			sections: list(
				v.object({ no: v.optional(v.unknown()), heading: SHORT, paragraphs: v.optional(paras), items: v.optional(paras), steps: v.optional(list(step, 200)), closing: v.optional(PARA) }),
				50
			)
		})
	),
	planCatalogue: list(v.object({ code: CODE, name: SHORT, sector: SHORT }), 1000),
	strategies: list(strategy, 100),
	equipment: v.optional(list(equipment, JSON_MAX_ROWS), []),
	revisions: v.optional(list(v.unknown(), 100), []),
	derived: v.optional(v.unknown())
});
type PlanFile = v.InferOutput<typeof planFile>;

/** What validation.ts reads of a `derived` block; anything else in it is never looked at. */
const derivedNumbers = v.object({
	planGroupId: v.optional(text(200)),
	projectCount: v.optional(v.number()),
	projectPct: v.optional(v.number()),
	budget: v.optional(v.number()),
	budgetPct: v.optional(v.number())
});
const derivedBlock = v.object({
	pd01: v.object({
		strategies: v.optional(list(v.object({ strategyId: text(200), rows: v.optional(list(derivedNumbers, 1000)), subtotal: v.optional(derivedNumbers) }), 1000)),
		grandTotal: v.optional(derivedNumbers)
	})
});

const pathOf = (issue: v.BaseIssue<unknown>) =>
	(issue.path ?? [])
		.map((p) => p.key)
		.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

/** Markup a person would call a tag (<script>, <img …>, </b>, <!-- …). */
const MARKUP = /<\s*[/!?]?\s*[A-Za-z][^<>]*>|<!--/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Every string of the parsed file with its path; the first with markup or control characters refuses. */
function checkStrings(value: unknown, path: string): void {
	if (typeof value === 'string') {
		if (MARKUP.test(value)) {
			throw refuse(`ข้อความที่ ${path} มีแท็ก HTML/มาร์กอัป ("${value.slice(0, 60)}") ระบบไม่รับ กรุณาลบแท็กออก`, `The text at ${path} contains HTML/markup ("${value.slice(0, 60)}"); remove it`);
		}
		if (CONTROL.test(value)) throw refuse(`ข้อความที่ ${path} มีอักขระควบคุมที่ไม่ใช่ข้อความ`, `The text at ${path} contains control characters`);
		return;
	}
	if (Array.isArray(value)) value.forEach((x, i) => checkStrings(x, `${path}[${i}]`));
	else if (value && typeof value === 'object') {
		for (const [k, x] of Object.entries(value)) if (k !== 'derived') checkStrings(x, path ? `${path}.${k}` : k);
	}
}

/** The parsed value as a plan file, or ImportRefusal naming the first problem. */
export function checkPlanFile(value: unknown): PlanFile {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw refuse('ไฟล์ JSON นี้ไม่ใช่ไฟล์แผนการดำเนินงาน (ต้องเป็นอ็อบเจกต์ตามรูปแบบ docs/INTERCHANGE.md)', 'This JSON is not a plan file (an object in the shape of docs/INTERCHANGE.md)');
	}
	const got = v.safeParse(planFile, value);
	if (!got.success) {
		const first = got.issues[0];
		const at = pathOf(first) || '(root)';
		throw refuse(
			`ไฟล์ JSON ไม่ตรงกับรูปแบบไฟล์แผน: ข้อมูลที่ ${at} ไม่ถูกต้อง (${first.message})`,
			`The JSON does not have the plan file's shape: ${at} is invalid (${first.message})`
		);
	}
	checkStrings(got.output, '');
	const rows = got.output.strategies.reduce((n, s) => n + s.planGroups.reduce((m, g) => m + g.projects.length, 0), 0) + got.output.equipment.length;
	if (rows > JSON_MAX_ROWS) {
		throw refuse(`ไฟล์มีรายการมากกว่า ${JSON_MAX_ROWS.toLocaleString('en-US')} รายการ`, `The file has more than ${JSON_MAX_ROWS.toLocaleString('en-US')} rows`);
	}
	const ids = new Set<string>();
	const twice = (id: string) => (ids.has(id) ? true : (ids.add(id), false));
	for (const s of got.output.strategies) {
		if (twice(`s:${s.id}`)) throw refuse(`รหัสยุทธศาสตร์ "${s.id}" ซ้ำกัน`, `Strategy id "${s.id}" appears twice`);
		for (const g of s.guidelines) if (twice(`g:${g.id}`)) throw refuse(`รหัสแนวทางการพัฒนา "${g.id}" ซ้ำกัน`, `Guideline id "${g.id}" appears twice`);
		for (const g of s.planGroups) {
			if (twice(`pg:${s.id}-${g.planCode}`)) throw refuse(`แผนงาน ${g.planCode} อยู่ใต้ยุทธศาสตร์ ${s.id} สองครั้ง`, `แผนงาน ${g.planCode} appears twice under strategy ${s.id}`);
			for (const p of g.projects) if (twice(`p:${p.id}`)) throw refuse(`รหัสโครงการ "${p.id}" ซ้ำกัน`, `Project id "${p.id}" appears twice`);
		}
	}
	for (const e of got.output.equipment) if (twice(`e:${e.id}`)) throw refuse(`รหัสครุภัณฑ์ "${e.id}" ซ้ำกัน`, `Equipment id "${e.id}" appears twice`);
	return got.output;
}

// ───────────────────────────── preview ─────────────────────────────

/** What the import is applied to: the plan's current document fields and front matter, and how many rows it holds. */
export interface JsonImportTarget {
	meta: PlanMeta;
	front: FrontMatter;
	projects: number;
	equipment: number;
}

export interface JsonAcceptedRow {
	/** 1-based position of the row in the file, per table. */
	row: number;
	table: 'projects' | 'equipment';
	path: string;
	strategyName: string;
	planName: string;
	planCode: string;
	name: string;
	/** Satang. */
	budget: number;
	responsibleUnit: string;
	activeMonths: number[];
	own: boolean;
}

export interface JsonImportPreview {
	kind: 'plan.json';
	title: string;
	fiscalYear: number;
	accepted: JsonAcceptedRow[];
	rejected: { row: number; table: 'projects' | 'equipment'; path: string; reasons: Message[]; text: string }[];
	skipped: { why: 'derived' | 'revisions'; text: Message }[];
	warnings: { row: number | null; table?: 'projects' | 'equipment'; message: Message }[];
	/** What the plan holds now and the import replaces. */
	replaces: { projects: number; equipment: number };
	counts: { strategies: number; sections: number; catalogue: number };
	totalBudget: number;
	/** The content to write (rejected rows left out), ids as in the file. */
	plan: Plan;
}

const fileYearRefusal = (file: number, plan: number) =>
	refuse(
		`ไฟล์นี้เป็นแผนของปีงบประมาณ พ.ศ. ${file} แต่แผนที่กำลังนำเข้าเป็นปีงบประมาณ พ.ศ. ${plan} — ระบบไม่นำเข้า`,
		`The file is a plan for fiscal year ${file} (BE) but this plan is for fiscal year ${plan}; it is not imported`
	);

/**
 * The file as a preview against the target plan: refused as a whole (ImportRefusal) for a
 * wrong fiscal year; otherwise every row accepted or rejected by the validation module.
 */
export function previewPlanJson(file: PlanFile, target: JsonImportTarget): JsonImportPreview {
	if (file.document.fiscalYear !== target.meta.fiscalYear) throw fileYearRefusal(file.document.fiscalYear, target.meta.fiscalYear);
	const m = target.meta;
	const derived = v.safeParse(derivedBlock, file.derived);
	const json: PlanJson = {
		schemaVersion: '1.0',
		document: {
			kind: 'แผนการดำเนินงาน',
			title: file.document.title ?? m.title,
			fiscalYear: file.document.fiscalYear,
			fiscalYearSpan: { startBE: '', endBE: '', startISO: '', endISO: '' },
			edition: m.edition,
			localDevelopmentPlan: file.document.localDevelopmentPlan ?? m.localDevelopmentPlan,
			regulationBasis: file.document.regulationBasis ?? m.regulationBasis,
			numerals: file.document.numerals ?? m.numerals,
			preparedBy: file.document.preparedBy ?? m.preparedBy
		},
		organization: m.organization,
		workflow: file.workflow ? { ...file.workflow, deadlineISO: '' } : { ...target.front.workflow, deadlineISO: '' },
		cover: file.cover ?? target.front.cover,
		announcement: file.announcement ?? target.front.announcement,
		preface: file.preface ?? target.front.preface,
		introduction: file.introduction
			? { partTitle: file.introduction.partTitle, sections: file.introduction.sections.map((s, i) => ({ ...s, no: `1.${i + 1}` })) }
			: { partTitle: target.front.introductionTitle, sections: [] },
		planCatalogue: file.planCatalogue,
		strategies: file.strategies.map((s, i) => ({
			id: s.id,
			no: i + 1,
			name: s.name,
			guidelines: s.guidelines.map((g, k) => ({ id: g.id, no: `${i + 1}.${k + 1}`, name: g.name })),
			planGroups: s.planGroups.map((g) => ({
				id: `${s.id}-${g.planCode}`,
				planCode: g.planCode,
				planName: g.planName ?? '',
				projects: g.projects.map((p, k) => ({ ...p, seq: k + 1, activeMonths: p.activeMonths as Project['activeMonths'] }))
			}))
		})),
		equipment: file.equipment.map((e, k) => ({ ...e, seq: k + 1, planName: e.planName ?? '', activeMonths: e.activeMonths as EquipmentItem['activeMonths'] })),
		revisions: [],
		derived: derived.success ? derived.output : undefined
	};
	// The same checks as the editor and the workbook importer (validation.ts).
	const issues = validatePlanJson(json).filter((i) => i.code !== 'project.localDevPlanRef.missing' && !i.code.endsWith('.seq.mismatch'));
	const plan = planFromJson(json);
	const catalogueName = (code: string) => plan.catalogue.find((c) => c.code === code)?.name ?? code;
	const strategyName = (id: string) => plan.strategies.find((s) => s.id === id)?.name ?? id;

	const preview: JsonImportPreview = {
		kind: 'plan.json',
		title: json.document.title,
		fiscalYear: json.document.fiscalYear,
		accepted: [],
		rejected: [],
		skipped: [],
		warnings: [],
		replaces: { projects: target.projects, equipment: target.equipment },
		counts: { strategies: plan.strategies.length, sections: plan.sections.length, catalogue: plan.catalogue.length },
		totalBudget: 0,
		plan
	};
	const paths = new Map<string, { row: number; table: 'projects' | 'equipment'; path: string }>();
	let n = 0;
	file.strategies.forEach((s, si) =>
		s.planGroups.forEach((g, gi) => g.projects.forEach((p, pi) => paths.set(`projects.${p.id}`, { row: ++n, table: 'projects', path: `strategies[${si}].planGroups[${gi}].projects[${pi}]` })))
	);
	file.equipment.forEach((e, i) => paths.set(`equipment.${e.id}`, { row: i + 1, table: 'equipment', path: `equipment[${i}]` }));
	const rowOf = (path: string) => paths.get(path.split('.').slice(0, 2).join('.'));

	const errors = new Map<string, Message[]>();
	let derivedMismatch = 0;
	for (const i of issues) {
		const at = rowOf(i.path);
		if (i.code === 'derived.mismatch') {
			derivedMismatch++;
			continue;
		}
		if (i.severity === 'error' && at) errors.set(`${at.table}.${at.row}`, [...(errors.get(`${at.table}.${at.row}`) ?? []), i.message]);
		else if (i.severity === 'error') {
			// An error of no row (a group whose แผนงาน is not in the catalogue, an invalid date):
			// the file as a whole cannot be applied.
			throw refuse(`ไฟล์ไม่ผ่านการตรวจสอบที่ ${i.path}: ${i.message.th}`, `The file fails validation at ${i.path}: ${i.message.en}`);
		} else preview.warnings.push({ row: at?.row ?? null, ...(at ? { table: at.table } : {}), message: i.message });
	}
	if (derivedMismatch) {
		preview.warnings.push({
			row: null,
			message: {
				th: `ข้อมูลสรุป ผด.01 (derived) ที่แนบมาในไฟล์ไม่ตรงกับที่คำนวณจากรายการโครงการ ${derivedMismatch} จุด — ระบบไม่ใช้ข้อมูลสรุปในไฟล์ และคำนวณใหม่จากรายการเสมอ`,
				en: `The file's derived ผด.01 summary disagrees with its rows in ${derivedMismatch} place(s); it is never used: ผด.01 is always recomputed from the rows`
			}
		});
	}
	if (file.derived !== undefined && !derived.success) {
		preview.warnings.push({
			row: null,
			message: { th: 'ข้อมูลสรุป ผด.01 (derived) ในไฟล์อ่านไม่ได้ จึงไม่ได้ตรวจเทียบ — ระบบคำนวณใหม่จากรายการเสมอ', en: 'The file\'s derived block is unreadable and was not compared; ผด.01 is always recomputed from the rows' }
		});
	}
	if (file.derived !== undefined) {
		preview.skipped.push({ why: 'derived', text: { th: 'ข้อมูลสรุป ผด.01 (derived) ไม่นำเข้า ระบบคำนวณใหม่จากรายการ', en: 'The derived ผด.01 block is not imported; it is recomputed from the rows' } });
	}
	if (file.revisions.length) {
		preview.skipped.push({
			why: 'revisions',
			text: {
				th: `ฉบับเพิ่มเติม/แก้ไข ${file.revisions.length} ฉบับ ไม่นำเข้า (ทำหลังประกาศใช้แผนเท่านั้น)`,
				en: `${file.revisions.length} revision(s) not imported (revisions are made after the plan is announced)`
			}
		});
	}

	const keep = new Set<string>();
	for (const p of plan.projects) {
		const at = paths.get(`projects.${p.id}`)!;
		const reasons = errors.get(`projects.${at.row}`);
		if (reasons) preview.rejected.push({ ...at, reasons, text: `${p.name} | ${p.responsibleUnit}`.slice(0, 160) });
		else {
			keep.add(`projects.${p.id}`);
			preview.accepted.push({ ...at, strategyName: strategyName(p.strategyId), planName: catalogueName(p.planCode), planCode: p.planCode, name: p.name, budget: p.budget, responsibleUnit: p.responsibleUnit, activeMonths: p.activeMonths, own: p.fundingSource.type === 'own' });
			preview.totalBudget += p.budget;
		}
	}
	for (const e of plan.equipment) {
		const at = paths.get(`equipment.${e.id}`)!;
		const reasons = errors.get(`equipment.${at.row}`);
		if (reasons) preview.rejected.push({ ...at, reasons, text: `${e.item} | ${e.responsibleUnit}`.slice(0, 160) });
		else {
			keep.add(`equipment.${e.id}`);
			preview.accepted.push({ ...at, strategyName: '', planName: catalogueName(e.planCode), planCode: e.planCode, name: e.item, budget: e.budget, responsibleUnit: e.responsibleUnit, activeMonths: e.activeMonths, own: e.fundingSource.type === 'own' });
			preview.totalBudget += e.budget;
		}
	}
	preview.plan = { ...plan, projects: plan.projects.filter((p) => keep.has(`projects.${p.id}`)), equipment: plan.equipment.filter((e) => keep.has(`equipment.${e.id}`)) };
	return preview;
}

/** The same plan with every id new (strategies, guidelines, groups, rows, sections). */
export function withFreshIds(plan: Plan): Plan {
	const fresh = (prefix: string) => `${prefix}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
	const sIds = new Map(plan.strategies.map((s) => [s.id, fresh('S')]));
	const gIds = new Map(plan.strategies.flatMap((s) => s.guidelines.map((g) => [g.id, fresh('G')] as const)));
	const strategyId = (id: string) => sIds.get(id) ?? id;
	return {
		...plan,
		sections: plan.sections.map((s) => ({ ...s, id: fresh('sec') })),
		strategies: plan.strategies.map((s) => ({ ...s, id: strategyId(s.id), guidelines: s.guidelines.map((g) => ({ ...g, id: gIds.get(g.id) ?? g.id })) })),
		groups: plan.groups.map((g) => ({ ...g, id: `${strategyId(g.strategyId)}-${g.planCode}`, strategyId: strategyId(g.strategyId) })),
		projects: plan.projects.map((p) => ({ ...p, id: fresh('PJ'), strategyId: strategyId(p.strategyId), guidelineId: p.guidelineId === null ? null : (gIds.get(p.guidelineId) ?? null) })),
		equipment: plan.equipment.map((e) => ({ ...e, id: fresh('EQ') })),
		revisions: [],
		pd01UnitOverrides: {}
	};
}

/**
 * Applies a previewed file: the plan's content replaced in one change through the plan store
 * (one log entry attributed to the importer, refused unless the plan is still a draft when it
 * commits). Throws PlanWriteRefused.
 */
export async function applyPlanJson(db: Database, planId: string, actor: { id: string }, preview: JsonImportPreview): Promise<{ projects: number; equipment: number }> {
	const plan = withFreshIds(preview.plan);
	const { meta } = preview.plan;
	await writePlan(
		db,
		planId,
		{
			edit: (doc) =>
				replacePlanContent(doc, plan, {
					localDevelopmentPlan: meta.localDevelopmentPlan,
					regulationBasis: meta.regulationBasis,
					numerals: meta.numerals,
					preparedBy: meta.preparedBy
				})
		},
		{ author: actor.id }
	);
	return { projects: plan.projects.length, equipment: plan.equipment.length };
}

/** The API's and the page's report of a preview: amounts in baht, no model. */
export function jsonPreviewReport(preview: JsonImportPreview) {
	const baht = satangToBaht;
	return {
		kind: preview.kind,
		title: preview.title,
		fiscalYear: preview.fiscalYear,
		sheets: [],
		problem: null,
		accepted: preview.accepted.map((r) => ({ ...r, budget: baht(r.budget) })),
		skipped: preview.skipped.map((s) => ({ row: null, why: s.why, text: s.text })),
		rejected: preview.rejected,
		warnings: preview.warnings,
		questions: [],
		replaces: preview.replaces,
		counts: preview.counts,
		totalBudget: baht(preview.totalBudget)
	};
}
