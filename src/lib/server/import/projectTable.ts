/**
 * Reads a ผด.02 (projects) or ผด.02/1 (equipment) table out of a text grid: finds the header
 * row by its column names — never by the form code, since "แบบ ผด.2" is also the
 * procurement plan (OPERATIONAL_PLAN.md §3.6) — maps columns (the person may change the
 * mapping), follows strategy / แผนงาน group rows, and turns every other row into an accepted
 * row or a rejected one with its row number and a reason in Thai. Pure: no I/O.
 */
import type { Month, PlanCatalogueEntry, Strategy } from '$lib/domain/plan/types';
import { duplicateRows, nameProblem, parseBudget, validateRow, type Message } from '$lib/domain/plan/validation';
import { formatBaht } from '$lib/domain/plan/money';
import { toArabicDigits } from '$lib/domain/thai';
import { isOwnUnit } from '$lib/domain/plan/funding';
import { EXCEL_ERROR, type SheetGrid } from './files';
import { matchPlan, readHeading, squash, strategyName } from './headings';
import { markSet, monthIndex, rowMonths } from './monthMarks';
import { distinctTexts, isNoteRow, isRepeatedHeader, isTotalRow, type SkipWhy } from './structureRows';

const PROJECT_FIELDS = ['seq', 'strategy', 'plan', 'name', 'detail', 'budget', 'location', 'unit', 'remark'] as const;
const EQUIPMENT_FIELDS = ['seq', 'plan', 'category', 'type', 'item', 'detail', 'quantity', 'quantityUnit', 'budget', 'location', 'unit'] as const;
export type ImportKind = 'projects' | 'equipment';
export type Field = (typeof PROJECT_FIELDS)[number] | (typeof EQUIPMENT_FIELDS)[number];

/** Field labels shown in the mapping (the official column names). */
export const FIELD_LABELS: Record<Field, string> = {
	seq: 'ที่',
	name: 'โครงการ',
	detail: 'รายละเอียด',
	budget: 'งบประมาณ (บาท)',
	location: 'สถานที่ดำเนินการ',
	unit: 'หน่วยงานรับผิดชอบหลัก',
	remark: 'หมายเหตุ',
	plan: 'แผนงาน',
	strategy: 'ยุทธศาสตร์',
	category: 'หมวด',
	type: 'ประเภท',
	item: 'ครุภัณฑ์',
	quantity: 'จำนวน',
	quantityUnit: 'หน่วยนับ'
};

/** Which column holds what; months are the 12 fiscal months ต.ค. … ก.ย. */
export interface ColumnMapping {
	fields: Partial<Record<Field, number>>;
	/** Column of each fiscal month, index 0 = ต.ค. */
	months: (number | null)[];
}

export interface ImportOptions {
	/**
	 * The person's answer for each แผนงาน heading that is not exactly in the catalogue, by the
	 * heading text: a catalogue code, or "new" to add it as a new แผนงาน.
	 */
	planChoices?: Record<string, string>;
	sheet?: number;
	/** 1-based header row; detected when absent. */
	headerRow?: number;
	kind?: ImportKind;
	mapping?: ColumnMapping;
	/** When both sheets are read together: the person's mapping of each, by sheet index. */
	sheetMappings?: Record<number, ColumnMapping>;
}

export interface AcceptedProject {
	rowNo: number;
	/** The sheet, when one import reads two (ผด.02 and ผด.02/1). */
	sheet?: string;
	strategyName: string;
	planName: string;
	/** null while the แผนงาน is a question the person has not answered (or answered "new"). */
	planCode: string | null;
	name: string;
	activityDetail: string;
	budget: number;
	location: string;
	responsibleUnit: string;
	remark: string | null;
	activeMonths: Month[];
	/** Own budget (the unit is one of the organization's departments) or another agency's. */
	own: boolean;
}

export interface AcceptedEquipment {
	rowNo: number;
	/** The sheet, when one import reads two (ผด.02 and ผด.02/1). */
	sheet?: string;
	planName: string;
	planCode: string | null;
	category: string;
	type: string;
	item: string;
	detail: string;
	quantity: number;
	unit: string;
	budget: number;
	location: string;
	responsibleUnit: string;
	activeMonths: Month[];
	own: boolean;
}

export interface RejectedRow {
	rowNo: number;
	/** The sheet, when one import reads two (ผด.02 and ผด.02/1). */
	sheet?: string;
	/** Every reason, Thai and English. */
	reasons: Message[];
	text: string;
}

export interface SkippedRow {
	rowNo: number;
	/** The sheet, when one import reads two (ผด.02 and ผด.02/1). */
	sheet?: string;
	why: SkipWhy;
	text: string;
}

export interface RowWarning {
	rowNo: number;
	/** The sheet, when one import reads two (ผด.02 and ผด.02/1). */
	sheet?: string;
	message: Message;
}

/** A แผนงาน heading not exactly in the catalogue: a near miss to confirm, or unknown. */
export interface PlanQuestion {
	/** The heading as written. */
	text: string;
	match: 'near' | 'unknown';
	/** The catalogue entry proposed for a near miss. */
	suggestion: PlanCatalogueEntry | null;
	/** The answer given (code or "new"), null while unanswered. */
	choice: string | null;
	rows: number;
}

export interface ImportPreview {
	sheets: string[];
	sheet: number;
	kind: ImportKind;
	/** 1-based; 0 when no header row was found. */
	headerRow: number;
	/** Header text per column (for the mapping selects). */
	columns: string[];
	mapping: ColumnMapping;
	projects: AcceptedProject[];
	equipment: AcceptedEquipment[];
	rejected: RejectedRow[];
	/** Structure rows (subtotal, repeated header, note, blank): not projects, not errors. */
	skipped: SkippedRow[];
	/** Accepted rows worth a look: a subtotal that disagrees with its rows, a duplicate. */
	warnings: RowWarning[];
	/** แผนงาน headings to confirm or decide before applying. */
	questions: PlanQuestion[];
	/** Strategy → แผนงาน groups met, with counts, in order. */
	groups: { strategyName: string; planName: string; planCode: string | null; count: number; isNewStrategy: boolean; isNewPlan: boolean }[];
	totalBudget: number;
	/** The tables read when one import reads both sheets (ผด.02 and ผด.02/1); absent for one. */
	parts?: { sheet: number; kind: ImportKind; headerRow: number; columns: string[]; mapping: ColumnMapping }[];
	/** Fatal problem (no header row, procurement plan …); rows are empty then. */
	problem: Message | null;
}

/** Context of the plan being imported into: its strategies and แผนงาน catalogue. */
export interface ImportTarget {
	strategies: Strategy[];
	catalogue: PlanCatalogueEntry[];
	/**
	 * The organization's departments (กอง/สำนัก): a row whose unit is one of them is its own;
	 * any other unit is another agency's. Empty: every row counts as own (nothing to tell by).
	 */
	departments?: readonly string[];
}

// ───────────────────────────── text helpers ─────────────────────────────

export { squash, monthIndex };

/** One-line cell text for storage: Arabic digits (the plan stores text that way), single spaces. */
function cleanText(text: string): string {
	return toArabicDigits(text).replace(/[\u200b]/g, '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, ' ').trim();
}

/** Cell text whose line breaks are data (activity detail, remarks): each line cleaned, breaks kept. */
function cleanLines(text: string): string {
	return toArabicDigits(text)
		.replace(/[\u200b]/g, '')
		.split(/\r?\n/)
		.map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
		.filter((l, i, all) => l || (i > 0 && i < all.length - 1 && all[i - 1]))
		.join('\n')
		.trim();
}

const FIELD_TESTS: Record<Field, (h: string) => boolean> = {
	seq: (h) => h === 'ที่' || h === 'ลำดับ' || h === 'ลำดับที่' || h === 'no.',
	name: (h) => (h.includes('โครงการ') || h === 'โครงการ/กิจกรรม') && !h.includes('รายละเอียด') && !h.includes('จำนวน'),
	detail: (h) => h.includes('รายละเอียด') || h.includes('เป้าหมาย'),
	budget: (h) => h.includes('งบประมาณ') || h.includes('วงเงิน'),
	location: (h) => h.includes('สถานที่'),
	unit: (h) => (h.includes('หน่วยงาน') && h.includes('รับผิดชอบ')) || h.includes('หน่วยดำเนินการ') || h === 'หน่วยงาน',
	remark: (h) => h.includes('หมายเหตุ'),
	plan: (h) => h === 'แผนงาน' || h === 'ชื่อแผนงาน',
	strategy: (h) => h.startsWith('ยุทธศาสตร์') && h.length <= 24,
	category: (h) => h === 'หมวด',
	type: (h) => h === 'ประเภท' || h === 'ประเภทครุภัณฑ์',
	item: (h) => h === 'ครุภัณฑ์' || h === 'รายการครุภัณฑ์' || h === 'รายการ',
	quantity: (h) => h === 'จำนวน',
	quantityUnit: (h) => h === 'หน่วยนับ' || h === 'หน่วย'
};

/** Words of the procurement plan's header (แบบ ผด.2 แผนการจัดหาพัสดุ), never of ผด.02. */
const PROCUREMENT = ['วิธีจัดหา', 'วิธีการจัดหา', 'กำหนดส่งมอบ', 'วิธีจัดซื้อ', 'จัดซื้อจัดจ้าง'];

function guessMapping(header: string[], below: string[] | undefined, kind: ImportKind): ColumnMapping {
	const fields: Partial<Record<Field, number>> = {};
	const list = kind === 'projects' ? PROJECT_FIELDS : EQUIPMENT_FIELDS;
	header.forEach((raw, c) => {
		const h = squash(raw);
		if (!h) return;
		for (const f of list) {
			if (fields[f] === undefined && FIELD_TESTS[f](h)) {
				// An equipment table's "ครุภัณฑ์" is the item, not a project name.
				fields[f] = c;
				break;
			}
		}
	});
	const months: (number | null)[] = Array(12).fill(null);
	for (const row of [below, header]) {
		row?.forEach((raw, c) => {
			const m = monthIndex(raw);
			if (m >= 0 && months[m] === null) months[m] = c;
		});
	}
	return { fields, months };
}

function scoreHeader(row: string[], below: string[] | undefined): { score: number; kind: ImportKind; procurement: boolean } {
	const cells = row.map(squash);
	const has = (f: Field) => cells.some((h) => h && FIELD_TESTS[f](h));
	const months = [...row, ...(below ?? [])].filter((c) => monthIndex(c) >= 0).length;
	const procurement = cells.some((h) => PROCUREMENT.some((w) => h.includes(w)));
	const equipment = has('item') && (has('type') || has('category')) && !cells.some((h) => h === 'โครงการ');
	const core = equipment ? (['item', 'budget', 'detail', 'location', 'unit'] as Field[]) : (['name', 'budget', 'detail', 'location', 'unit'] as Field[]);
	const score = core.filter(has).length + (months >= 6 ? 2 : 0);
	const required = equipment ? has('item') && has('budget') : has('name') && has('budget');
	return { score: required ? score : 0, kind: equipment ? 'equipment' : 'projects', procurement };
}

/** Finds the header row (0-based) among the first rows; -1 when none looks like ผด.02. */
export function findHeader(rows: string[][]): { index: number; kind: ImportKind; procurement: boolean } {
	let best = { index: -1, score: 0, kind: 'projects' as ImportKind, procurement: false };
	for (let i = 0; i < Math.min(rows.length, 40); i++) {
		const s = scoreHeader(rows[i], rows[i + 1]);
		if (s.procurement && s.score >= 2) return { index: i, kind: s.kind, procurement: true };
		// Needs the key columns plus at least two of detail / location / unit / months.
		if (s.score >= 4 && s.score > best.score) best = { index: i, score: s.score, kind: s.kind, procurement: false };
	}
	return { index: best.index, kind: best.kind, procurement: false };
}

// ───────────────────────────── rows ─────────────────────────────

const PROBLEM_NO_HEADER: Message = {
	th: 'ไม่พบแถวหัวตารางของ ผด.02 (ต้องมีคอลัมน์ เช่น "โครงการ", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก" และเดือน ต.ค.–ก.ย.)',
	en: 'No ผด.02 header row found (columns such as โครงการ, งบประมาณ (บาท), สถานที่ดำเนินการ, หน่วยงานรับผิดชอบหลัก and the months Oct–Sep)'
};
const PROBLEM_ORDINANCE: Message = {
	th: 'ไฟล์นี้เป็นเทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย (รายจ่ายจำแนกตามแผนงาน งบ หมวด) ไม่ใช่บัญชีโครงการ ผด.02 — ระบบไม่นำเข้า',
	en: 'This is a budget ordinance (expenditure by แผนงาน, budget and category), not a ผด.02 project list; it is not imported'
};
/** Words of a budget ordinance (เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย) and its expenditure tables. */
const ORDINANCE = /(เทศบัญญัติ|ข้อบัญญัติ)งบประมาณรายจ่าย|ประมาณการรายจ่าย|รายจ่ายจำแนกตาม|งบประมาณรายจ่ายทั้งสิ้น|ประมาณการรายรับ/;

const PROBLEM_PROCUREMENT: Message = {
	th: 'ไฟล์นี้เป็นแผนการจัดหาพัสดุ (แบบ ผด.2 มีคอลัมน์ เช่น วิธีจัดหา กำหนดส่งมอบ) ซึ่งเป็นคนละเอกสารกับบัญชีโครงการ ผด.02 — ระบบไม่นำเข้า หากแน่ใจว่าเป็น ผด.02 ให้ระบุแถวหัวตารางเอง',
	en: 'This is a procurement plan (แบบ ผด.2: procurement method, delivery date), a different document from the ผด.02 project list; it is not imported. If it really is a ผด.02, give the header row yourself'
};

/** Why a budget cell cannot be read, naming a formula error value. */
function budgetReason(raw: string, reason: Message): Message {
	const text = cleanText(raw);
	if (EXCEL_ERROR.test(text)) {
		return {
			th: `ช่องงบประมาณเป็นสูตรที่คำนวณผิดพลาด (${text}) กรุณาแก้สูตรหรือพิมพ์ตัวเลขแทน`,
			en: `The budget cell is a formula that evaluates to an error (${text}); fix the formula or type the amount`
		};
	}
	return { th: `งบประมาณ "${text}" ใช้ไม่ได้: ${reason.th}`, en: `Budget "${text}" is not usable: ${reason.en}` };
}

const rowMessage = (th: string, en: string): Message => ({ th, en });

/** Parses one sheet with the given (or detected) header row and mapping. */
export function previewImport(grids: SheetGrid[], target: ImportTarget, options: ImportOptions = {}): ImportPreview {
	const sheetIndex = Math.min(Math.max(options.sheet ?? firstSheetWithHeader(grids), 0), grids.length - 1);
	const grid = grids[sheetIndex];
	const rows = grid?.rows ?? [];
	const base: ImportPreview = {
		sheets: grids.map((g) => g.name),
		sheet: sheetIndex,
		kind: options.kind ?? 'projects',
		headerRow: 0,
		columns: [],
		mapping: { fields: {}, months: Array(12).fill(null) },
		projects: [],
		equipment: [],
		rejected: [],
		skipped: [],
		warnings: [],
		questions: [],
		groups: [],
		totalBudget: 0,
		problem: null
	};
	const found = findHeader(rows);
	if (found.procurement && options.headerRow === undefined) {
		return { ...base, headerRow: found.index + 1, problem: PROBLEM_PROCUREMENT };
	}
	const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : found.index;
	if (headerIndex < 0 || headerIndex >= rows.length) {
		const ordinance = rows.slice(0, 60).some((r) => r.some((c) => ORDINANCE.test(squash(c))));
		return { ...base, problem: ordinance ? PROBLEM_ORDINANCE : PROBLEM_NO_HEADER };
	}
	const kind = options.kind ?? found.kind;
	const header = rows[headerIndex];
	const below = rows[headerIndex + 1];
	const mapping = options.mapping ?? guessMapping(header, below, kind);
	// Data starts after the header, and after a second header row of months / BE years.
	const belowIsHeader = below && below.some((c) => monthIndex(c) >= 0) && !below.some((c, i) => i === mapping.fields.name && c && c !== header[i]);
	const first = headerIndex + (belowIsHeader ? 2 : 1);
	const columns = header.map((h, c) => cleanText(below && belowIsHeader && monthIndex(below[c]) >= 0 ? below[c] : h));

	const preview: ImportPreview = { ...base, kind, headerRow: headerIndex + 1, columns, mapping };
	const marks = markSet(grid?.marks);
	const isOwn = (unit: string) => isOwnUnit(unit, target.departments ?? []);
	const questions = new Map<string, PlanQuestion>();
	/** A แผนงาน as written → the name and code it will have (code null while undecided). */
	const resolvePlan = (text: string): { name: string; code: string | null } => {
		const match = matchPlan(text, target.catalogue);
		if (match.kind === 'exact') return { name: match.entry.name, code: match.entry.code };
		let q = questions.get(text);
		if (!q) {
			const answer = options.planChoices?.[text] ?? null;
			const valid = answer === 'new' || target.catalogue.some((c) => c.code === answer);
			q = { text, match: match.kind, suggestion: match.kind === 'near' ? match.entry : null, choice: valid ? answer : null, rows: 0 };
			questions.set(text, q);
		}
		q.rows++;
		const chosen = target.catalogue.find((c) => c.code === q.choice);
		return chosen ? { name: chosen.name, code: chosen.code } : { name: text, code: null };
	};

	let strategy: { name: string; known: boolean } | null = null;
	let planText: string | null = null;
	let group: ImportPreview['groups'][number] | null = null;
	// Running sums a total line may state: its แผนงาน, its strategy, everything so far.
	const sums = { plan: 0, strategy: 0, all: 0, sinceTotal: 0 };
	const col = (r: string[], f: Field) => (mapping.fields[f] === undefined ? '' : (r[mapping.fields[f]!] ?? ''));
	const skip = (rowNo: number, why: SkipWhy, r: string[]) => preview.skipped.push({ rowNo, why, text: rowText(r) });
	const seen: Parameters<typeof duplicateRows>[0][number][] = [];

	for (let i = first; i < rows.length; i++) {
		const r = rows[i];
		const rowNo = i + 1;
		const texts = distinctTexts(r);
		if (!texts.length) {
			skip(rowNo, 'blank', r);
			continue;
		}
		const heading = texts.length === 1 && !onlyInNameColumn(r, mapping, kind) ? readHeading(texts[0], target.catalogue) : null;
		if (heading?.kind === 'strategy') {
			strategy = strategyName(heading.name, target.strategies);
			planText = null;
			group = null;
			sums.strategy = 0;
			sums.plan = 0;
			continue;
		}
		if (heading?.kind === 'plan') {
			planText = heading.name;
			group = null;
			sums.plan = 0;
			continue;
		}
		if (isTotalRow(r, mapping.fields.unit)) {
			skip(rowNo, 'subtotal', r);
			checkTotal(preview, rowNo, col(r, 'budget'), sums);
			continue;
		}
		if (isRepeatedHeader(r, belowIsHeader ? [header, below] : [header])) {
			skip(rowNo, 'header', r);
			continue;
		}
		// One text alone that is no heading is a note — unless it is a bare number: a numbered
		// row whose cells were never filled is a project missing its name.
		const loneText = texts.length === 1 && !/^\d+\.?$/.test(toArabicDigits(texts[0])) && !onlyInNameColumn(r, mapping, kind) && !hasRowData(r, mapping);
		if (isNoteRow(r) || loneText) {
			skip(rowNo, 'note', r);
			continue;
		}

		const nameCell = cleanText(col(r, kind === 'projects' ? 'name' : 'item'));
		const reasons: Message[] = [];
		const budgetText = col(r, 'budget');
		const budget = parseBudget(toArabicDigits(budgetText));
		if (!budget.ok) reasons.push(budgetReason(budgetText, budget.reason));
		const nameTooLong = nameProblem(nameCell);
		if (nameTooLong) reasons.push(rowMessage(`ชื่อ${nameTooLong.th}`, `The name: ${nameTooLong.en.toLowerCase()}`));
		const months = rowMonths(r, i, mapping.months, marks);
		const unit = cleanText(col(r, 'unit'));
		const qtyText = toArabicDigits(col(r, 'quantity')).replace(/,/g, '').trim();
		const qtyMatch = /^(\d+)\s*(.*)$/.exec(qtyText);
		if (kind === 'equipment' && qtyText && !qtyMatch) {
			reasons.push(rowMessage(`จำนวน "${cleanText(col(r, 'quantity'))}" ไม่ใช่ตัวเลข`, `Quantity "${cleanText(col(r, 'quantity'))}" is not a number`));
		}
		for (const problem of validateRow({
			kind: kind === 'projects' ? 'project' : 'equipment',
			name: nameCell,
			responsibleUnit: unit,
			activeMonths: months,
			budget: budget.ok ? budget.satang : 0,
			quantity: qtyMatch ? Number(qtyMatch[1]) : 1
		})) {
			reasons.push(monthsReason(problem.code, problem.message));
		}
		// The flat shape (one row per project, ยุทธศาสตร์ and แผนงาน as columns) names them per row.
		const strategyCell = kind === 'projects' ? cleanText(col(r, 'strategy')) : '';
		const rowStrategy = strategyCell ? strategyName(asStrategyName(strategyCell, target), target.strategies) : strategy;
		const rowPlanText = (kind === 'projects' ? cleanText(col(r, 'plan')) : '') || planText;
		if (kind === 'projects' && !rowStrategy) {
			reasons.push(rowMessage('ไม่ทราบยุทธศาสตร์ของแถวนี้ (ไม่มีแถวหัวข้อ "ยุทธศาสตร์…" อยู่ก่อนหน้า)', 'No strategy heading ("ยุทธศาสตร์…") above this row'));
		} else if (kind === 'projects' && !rowPlanText) {
			reasons.push(rowMessage('ไม่ทราบแผนงานของแถวนี้ (ไม่มีแถวหัวข้อ "แผนงาน…" อยู่ก่อนหน้า)', 'No แผนงาน heading above this row'));
		}
		const planCell = kind === 'equipment' ? cleanText(col(r, 'plan')) || planText || '' : '';
		if (kind === 'equipment' && !planCell) reasons.push(rowMessage('ไม่ทราบแผนงานของครุภัณฑ์รายการนี้', 'No แผนงาน for this equipment row'));
		if (reasons.length || !budget.ok) {
			preview.rejected.push({ rowNo, reasons, text: rowText(r) });
			continue;
		}
		const activeMonths = months as Month[];
		const location = cleanText(col(r, 'location'));
		if (kind === 'projects') {
			const plan = resolvePlan(rowPlanText!);
			const strategy = rowStrategy!;
			preview.projects.push({
				rowNo,
				strategyName: strategy.name,
				planName: plan.name,
				planCode: plan.code,
				name: nameCell,
				activityDetail: cleanLines(col(r, 'detail')),
				budget: budget.satang,
				location,
				responsibleUnit: unit,
				remark: cleanLines(col(r, 'remark')) || null,
				activeMonths,
				own: isOwn(unit)
			});
			group = preview.groups.find((g) => g.strategyName === strategy.name && g.planName === plan.name) ?? null;
			if (!group) {
				group = { strategyName: strategy.name, planName: plan.name, planCode: plan.code, count: 0, isNewStrategy: !strategy.known, isNewPlan: plan.code === null };
				preview.groups.push(group);
			}
			group.count++;
		} else {
			const plan = resolvePlan(planCell);
			preview.equipment.push({
				rowNo,
				planName: plan.name,
				planCode: plan.code,
				category: cleanText(col(r, 'category')) || 'ค่าครุภัณฑ์',
				type: cleanText(col(r, 'type')),
				item: nameCell,
				detail: cleanLines(col(r, 'detail')),
				quantity: qtyMatch ? Number(qtyMatch[1]) : 1,
				unit: cleanText(col(r, 'quantityUnit')) || cleanText(qtyMatch?.[2] ?? ''),
				budget: budget.satang,
				location,
				responsibleUnit: unit,
				activeMonths,
				own: isOwn(unit)
			});
		}
		seen.push({ path: String(rowNo), label: { th: `แถวที่ ${rowNo}`, en: `row ${rowNo}` }, name: nameCell, location, budget: budget.satang });
		preview.totalBudget += budget.satang;
		for (const k of ['plan', 'strategy', 'all', 'sinceTotal'] as const) sums[k] += budget.satang;
	}
	for (const d of duplicateRows(seen)) preview.warnings.push({ rowNo: Number(d.path), message: d.message });
	preview.warnings.sort((a, b) => a.rowNo - b.rowNo);
	preview.questions = [...questions.values()];
	return preview;
}

/** A strategy column's text as a heading would read it ("ยุทธศาสตร์ที่ 1 …" → "ยุทธศาสตร์…"). */
function asStrategyName(text: string, target: ImportTarget): string {
	const heading = readHeading(text, target.catalogue);
	return heading?.kind === 'strategy' ? heading.name : text;
}

/** The validation's month message, naming the typed number when one is out of range. */
function monthsReason(code: string, message: Message): Message {
	if (code !== 'months.outOfRange') return message;
	return { th: `${message.th} (ช่องเดือนมีตัวเลขที่ไม่ใช่เดือน)`, en: `${message.en} (a month cell holds a number that is not a month)` };
}

/** A subtotal / total line states a sum; warn when no running sum it could mean agrees. */
function checkTotal(preview: ImportPreview, rowNo: number, stated: string, sums: { plan: number; strategy: number; all: number; sinceTotal: number }): void {
	const parsed = parseBudget(toArabicDigits(stated));
	if (!stated.trim() || !parsed.ok) return;
	const candidates = [sums.plan, sums.strategy, sums.all, sums.sinceTotal];
	if (!candidates.includes(parsed.satang)) {
		const computed = formatBaht(sums.plan || sums.sinceTotal, { zero: 'number' });
		preview.warnings.push({
			rowNo,
			message: {
				th: `ยอดรวมในแถวนี้ (${formatBaht(parsed.satang, { zero: 'number' })} บาท) ไม่ตรงกับผลรวมของรายการที่นำเข้า (${computed} บาท) — ระบบคำนวณยอดรวมเองจากรายการ`,
				en: `This total (${formatBaht(parsed.satang, { zero: 'number' })} baht) disagrees with the sum of the imported rows (${computed} baht); totals are always computed from the rows`
			}
		});
	}
	sums.sinceTotal = 0;
}

function rowText(r: string[]): string {
	return r.map(cleanText).filter(Boolean).join(' | ').slice(0, 160);
}

/** The only text of the row sits in the name column alone: a project with missing cells. */
function onlyInNameColumn(r: string[], mapping: ColumnMapping, kind: ImportKind): boolean {
	const nameCol = mapping.fields[kind === 'projects' ? 'name' : 'item'];
	const filled = r.map((c, i) => (c.trim() ? i : -1)).filter((i) => i >= 0);
	return nameCol !== undefined && filled.length === 1 && filled[0] === nameCol;
}

/** The row has a budget, unit or location of its own (a project missing its name, not a note). */
function hasRowData(r: string[], mapping: ColumnMapping): boolean {
	const cell = (f: Field) => (mapping.fields[f] === undefined ? '' : (r[mapping.fields[f]!] ?? '').trim());
	const texts = distinctTexts(r);
	return texts.length > 1 || (['budget', 'unit', 'location'] as Field[]).some((f) => cell(f) && !r.every((c) => !c.trim() || c === cell(f)));
}

/**
 * The whole workbook: when it holds both a ผด.02 and a ผด.02/1 table (on two sheets) and the
 * person has not picked a sheet or changed a mapping, both are read into one preview, every
 * row tagged with its sheet; otherwise the one sheet, as previewImport.
 */
export function previewWorkbook(grids: SheetGrid[], target: ImportTarget, options: ImportOptions = {}): ImportPreview {
	const single = () => previewImport(grids, target, options);
	if (options.sheet !== undefined || options.headerRow !== undefined || options.mapping || options.kind) return single();
	const tables = grids.map((g, i) => ({ i, found: findHeader(g.rows) })).filter((t) => t.found.index >= 0 && !t.found.procurement);
	const projects = tables.find((t) => t.found.kind === 'projects');
	const equipment = tables.find((t) => t.found.kind === 'equipment');
	if (!projects || !equipment) return single();
	const [a, b] = [projects, equipment].map((t) => {
		const mapping = options.sheetMappings?.[t.i];
		const p = previewImport(grids, target, { planChoices: options.planChoices, sheet: t.i, ...(mapping ? { mapping } : {}) });
		const sheet = grids[t.i].name;
		const tag = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, sheet }));
		return { ...p, projects: tag(p.projects), equipment: tag(p.equipment), rejected: tag(p.rejected), skipped: tag(p.skipped), warnings: tag(p.warnings) };
	});
	const questions = new Map(a.questions.map((q) => [q.text, { ...q }]));
	for (const q of b.questions) {
		const have = questions.get(q.text);
		if (have) have.rows += q.rows;
		else questions.set(q.text, q);
	}
	return {
		...a,
		parts: [a, b].map((p) => ({ sheet: p.sheet, kind: p.kind, headerRow: p.headerRow, columns: p.columns, mapping: p.mapping })),
		equipment: b.equipment,
		rejected: [...a.rejected, ...b.rejected],
		skipped: [...a.skipped, ...b.skipped],
		warnings: [...a.warnings, ...b.warnings],
		questions: [...questions.values()],
		totalBudget: a.totalBudget + b.totalBudget,
		problem: a.problem ?? b.problem
	};
}

function firstSheetWithHeader(grids: SheetGrid[]): number {
	const i = grids.findIndex((g) => findHeader(g.rows).index >= 0 && !findHeader(g.rows).procurement);
	return i < 0 ? 0 : i;
}

/**
 * Mapping from form fields (`map.<field>`, `month.<0-11>`; with a prefix, e.g. one sheet's
 * `map.1.<field>`); unset entries fall back to `fallback`.
 */
export function mappingFromForm(form: FormData, fallback: ColumnMapping | null, prefix = ''): ColumnMapping | undefined {
	const fields: Partial<Record<Field, number>> = {};
	let any = false;
	for (const f of Object.keys(FIELD_LABELS) as Field[]) {
		const v = form.get(`map.${prefix}${f}`);
		if (v === null) continue;
		any = true;
		if (v !== '' && Number.isInteger(Number(v))) fields[f] = Number(v);
	}
	const months = Array.from({ length: 12 }, (_, k) => {
		const v = form.get(`month.${prefix}${k}`);
		if (v === null) return fallback?.months[k] ?? null;
		any = true;
		return v !== '' && Number.isInteger(Number(v)) ? Number(v) : null;
	});
	return any ? { fields, months } : undefined;
}
