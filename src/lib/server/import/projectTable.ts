/**
 * Reads a ผด.02 (projects) or ผด.02/1 (equipment) table out of a text grid: finds the header
 * row by its column names — never by the form code, since "แบบ ผด.2" is also the
 * procurement plan (OPERATIONAL_PLAN.md §3.6) — maps columns (the person may change the
 * mapping), follows strategy / แผนงาน group rows, and turns every other row into an accepted
 * row or a rejected one with its row number and a reason in Thai. Pure: no I/O.
 */
import { FISCAL_MONTHS, type Month, type PlanCatalogueEntry, type Strategy } from '$lib/domain/plan/types';
import { parseBudget } from '$lib/domain/plan/money';
import { nameProblem } from '$lib/domain/plan/validation';
import { THAI_MONTHS, THAI_MONTHS_SHORT, toArabicDigits } from '$lib/domain/thai';
import type { SheetGrid } from './files';

const PROJECT_FIELDS = ['seq', 'name', 'detail', 'budget', 'location', 'unit', 'remark'] as const;
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
	sheet?: number;
	/** 1-based header row; detected when absent. */
	headerRow?: number;
	kind?: ImportKind;
	mapping?: ColumnMapping;
}

export interface AcceptedProject {
	rowNo: number;
	strategyName: string;
	planName: string;
	planCode: string | null;
	name: string;
	activityDetail: string;
	budget: number;
	location: string;
	responsibleUnit: string;
	remark: string | null;
	activeMonths: Month[];
}

export interface AcceptedEquipment {
	rowNo: number;
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
}

export interface RejectedRow {
	rowNo: number;
	reason: string;
	text: string;
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
	/** Strategy → แผนงาน groups met, with counts, in order. */
	groups: { strategyName: string; planName: string; planCode: string | null; count: number; isNewStrategy: boolean; isNewPlan: boolean }[];
	totalBudget: number;
	/** Fatal problem (no header row, procurement plan …) in Thai; rows are empty then. */
	problem: string | null;
}

/** Context of the plan being imported into: its strategies and แผนงาน catalogue. */
export interface ImportTarget {
	strategies: Strategy[];
	catalogue: PlanCatalogueEntry[];
}

// ───────────────────────────── text helpers ─────────────────────────────

/** Header/label comparison form: Arabic digits, no spaces or line breaks, no dots before digits. */
export function squash(text: string): string {
	return toArabicDigits(text).replace(/[\s\u00a0\u200b]+/g, '').toLowerCase();
}

/** Cell text for storage: Arabic digits (the plan stores text that way), single spaces. */
function cleanText(text: string): string {
	return toArabicDigits(text).replace(/[\u200b]/g, '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, ' ').trim();
}

/** Drops leading numbering: "1.", "1.1", "(1)", "๑.๑ ". */
function stripNumbering(text: string): string {
	return text.replace(/^\(?\d+(\.\d+)*\)?\.?\s*/, '').trim();
}

/** Plan names compare without spaces, "ผง." and the leading "แผนงาน". */
function planKey(name: string): string {
	return squash(stripNumbering(cleanText(name)))
		.replace(/^ผง\./, 'แผนงาน')
		.replace(/^แผนงาน/, '')
		.replace(/[,、]/g, '');
}

function strategyKey(name: string): string {
	return squash(stripNumbering(cleanText(name)));
}

const MONTH_KEYS: string[][] = FISCAL_MONTHS.map((m) => [squash(THAI_MONTHS_SHORT[m - 1]), squash(THAI_MONTHS[m - 1])]);

/** Fiscal index (0 = ต.ค.) of a month header such as "ต.ค.", "ต.ค. 68", "ตุลาคม", else -1. */
export function monthIndex(header: string): number {
	const s = squash(header).replace(/\d+$/, '');
	return MONTH_KEYS.findIndex((keys) => keys.some((k) => s === k || s === k.replace(/\.$/, '') || (k.length > 4 && s.startsWith(k))));
}

const FIELD_TESTS: Record<Field, (h: string) => boolean> = {
	seq: (h) => h === 'ที่' || h === 'ลำดับ' || h === 'ลำดับที่' || h === 'no.',
	name: (h) => (h.includes('โครงการ') || h === 'โครงการ/กิจกรรม') && !h.includes('รายละเอียด') && !h.includes('จำนวน'),
	detail: (h) => h.includes('รายละเอียด') || h.includes('เป้าหมาย'),
	budget: (h) => h.includes('งบประมาณ') || h.includes('วงเงิน'),
	location: (h) => h.includes('สถานที่'),
	unit: (h) => (h.includes('หน่วยงาน') && h.includes('รับผิดชอบ')) || h.includes('หน่วยดำเนินการ') || h === 'หน่วยงาน',
	remark: (h) => h.includes('หมายเหตุ'),
	plan: (h) => h === 'แผนงาน',
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

const TOTAL_ROW = /^(รวม|รวมทั้งสิ้น|รวมทั้งหมด|ยอดรวม|total)$/i;

function classifyGroupRow(cells: string[], target: ImportTarget): { kind: 'strategy' | 'plan'; text: string } | null {
	const distinct = [...new Set(cells.map(cleanText).filter(Boolean))];
	if (distinct.length !== 1) return null;
	const text = distinct[0];
	const bare = stripNumbering(text);
	if (/^ยุทธศาสตร์/.test(bare)) return { kind: 'strategy', text: bare };
	if (/^(แผนงาน|ผง\.)/.test(bare) || target.catalogue.some((c) => planKey(c.name) === planKey(bare))) return { kind: 'plan', text: bare };
	return null;
}

/** Parses one sheet with the given (or detected) header row and mapping. */
export function previewImport(grids: SheetGrid[], target: ImportTarget, options: ImportOptions = {}): ImportPreview {
	const sheetIndex = Math.min(Math.max(options.sheet ?? firstSheetWithHeader(grids), 0), grids.length - 1);
	const rows = grids[sheetIndex]?.rows ?? [];
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
		groups: [],
		totalBudget: 0,
		problem: null
	};
	const found = findHeader(rows);
	if (found.procurement && options.headerRow === undefined) {
		return {
			...base,
			headerRow: found.index + 1,
			problem:
				'ตารางนี้มีคอลัมน์ของแผนการจัดหาพัสดุ (เช่น วิธีจัดหา กำหนดส่งมอบ) ซึ่งเป็นคนละเอกสารกับบัญชีโครงการ ผด.02 — ระบบไม่นำเข้า หากแน่ใจว่าเป็น ผด.02 ให้ระบุแถวหัวตารางเอง'
		};
	}
	const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : found.index;
	if (headerIndex < 0 || headerIndex >= rows.length) {
		return {
			...base,
			problem:
				'ไม่พบแถวหัวตารางของ ผด.02 (ต้องมีคอลัมน์ เช่น "โครงการ", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก" และเดือน ต.ค.–ก.ย.)'
		};
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
	const knownStrategies = new Map(target.strategies.map((s) => [strategyKey(s.name), s.name]));
	const plans = new Map(target.catalogue.map((c) => [planKey(c.name), c]));
	let strategy: string | null = null;
	let planName: string | null = null;
	let planCode: string | null = null;
	let group: ImportPreview['groups'][number] | null = null;
	const col = (r: string[], f: Field) => (mapping.fields[f] === undefined ? '' : (r[mapping.fields[f]!] ?? ''));

	for (let i = first; i < rows.length; i++) {
		const r = rows[i];
		const rowNo = i + 1;
		if (!r.some((c) => cleanText(c))) continue; // blank
		const groupRow = classifyGroupRow(r, target);
		if (groupRow?.kind === 'strategy') {
			strategy = knownStrategies.get(strategyKey(groupRow.text)) ?? groupRow.text;
			planName = null;
			planCode = null;
			group = null;
			continue;
		}
		if (groupRow?.kind === 'plan') {
			const entry = plans.get(planKey(groupRow.text));
			planName = entry?.name ?? groupRow.text;
			planCode = entry?.code ?? null;
			group = null;
			continue;
		}
		const nameCell = cleanText(col(r, kind === 'projects' ? 'name' : 'item'));
		const rowText = r.map(cleanText).filter(Boolean).join(' | ').slice(0, 160);
		if (TOTAL_ROW.test(squash(nameCell)) || r.some((c) => TOTAL_ROW.test(squash(c)))) continue;
		const reject = (reason: string) => preview.rejected.push({ rowNo, reason, text: rowText });
		if (!nameCell) {
			reject(kind === 'projects' ? 'ไม่มีชื่อโครงการ' : 'ไม่มีชื่อครุภัณฑ์');
			continue;
		}
		const nameTooLong = nameProblem(nameCell);
		if (nameTooLong) {
			reject(`ชื่อ${nameTooLong.th}`);
			continue;
		}
		const budgetText = col(r, 'budget');
		const budget = parseBudget(budgetText);
		if (!budget.ok) {
			reject(`งบประมาณ "${cleanText(budgetText)}" ใช้ไม่ได้: ${budget.reason.th}`);
			continue;
		}
		const activeMonths = FISCAL_MONTHS.filter((_, k) => mapping.months[k] !== null && cleanText(r[mapping.months[k]!] ?? '') !== '');
		if (activeMonths.length === 0) {
			reject('ไม่ได้ระบุเดือนที่ดำเนินการ (ช่องเดือน ต.ค.–ก.ย. ว่างทั้งหมด)');
			continue;
		}
		if (kind === 'projects') {
			if (!strategy) {
				reject('ไม่ทราบยุทธศาสตร์ของแถวนี้ (ไม่มีแถวหัวข้อ "ยุทธศาสตร์…" อยู่ก่อนหน้า)');
				continue;
			}
			if (!planName) {
				reject('ไม่ทราบแผนงานของแถวนี้ (ไม่มีแถวหัวข้อ "แผนงาน…" อยู่ก่อนหน้า)');
				continue;
			}
			preview.projects.push({
				rowNo,
				strategyName: strategy,
				planName,
				planCode,
				name: nameCell,
				activityDetail: cleanText(col(r, 'detail')),
				budget: budget.satang,
				location: cleanText(col(r, 'location')),
				responsibleUnit: cleanText(col(r, 'unit')),
				remark: cleanText(col(r, 'remark')) || null,
				activeMonths
			});
			if (!group || group.strategyName !== strategy || group.planName !== planName) {
				group = {
					strategyName: strategy,
					planName,
					planCode,
					count: 0,
					isNewStrategy: !knownStrategies.has(strategyKey(strategy)),
					isNewPlan: planCode === null
				};
				preview.groups.push(group);
			}
			group.count++;
		} else {
			const planCell = cleanText(col(r, 'plan')) || planName || '';
			const entry = plans.get(planKey(planCell));
			if (!planCell) {
				reject('ไม่ทราบแผนงานของครุภัณฑ์รายการนี้');
				continue;
			}
			const qtyText = toArabicDigits(col(r, 'quantity')).replace(/,/g, '').trim();
			const qtyMatch = /^(\d+)\s*(.*)$/.exec(qtyText);
			if (qtyText && !qtyMatch) {
				reject(`จำนวน "${cleanText(col(r, 'quantity'))}" ไม่ใช่ตัวเลข`);
				continue;
			}
			preview.equipment.push({
				rowNo,
				planName: entry?.name ?? planCell,
				planCode: entry?.code ?? null,
				category: cleanText(col(r, 'category')) || 'ค่าครุภัณฑ์',
				type: cleanText(col(r, 'type')),
				item: nameCell,
				detail: cleanText(col(r, 'detail')),
				quantity: qtyMatch ? Number(qtyMatch[1]) : 1,
				unit: cleanText(col(r, 'quantityUnit')) || cleanText(qtyMatch?.[2] ?? ''),
				budget: budget.satang,
				location: cleanText(col(r, 'location')),
				responsibleUnit: cleanText(col(r, 'unit')),
				activeMonths
			});
		}
		preview.totalBudget += budget.satang;
	}
	return preview;
}

function firstSheetWithHeader(grids: SheetGrid[]): number {
	const i = grids.findIndex((g) => findHeader(g.rows).index >= 0 && !findHeader(g.rows).procurement);
	return i < 0 ? 0 : i;
}

/** Mapping from form fields (`map.<field>`, `month.<0-11>`); unset entries fall back to `fallback`. */
export function mappingFromForm(form: FormData, fallback: ColumnMapping | null): ColumnMapping | undefined {
	const fields: Partial<Record<Field, number>> = {};
	let any = false;
	for (const f of Object.keys(FIELD_LABELS) as Field[]) {
		const v = form.get(`map.${f}`);
		if (v === null) continue;
		any = true;
		if (v !== '' && Number.isInteger(Number(v))) fields[f] = Number(v);
	}
	const months = Array.from({ length: 12 }, (_, k) => {
		const v = form.get(`month.${k}`);
		if (v === null) return fallback?.months[k] ?? null;
		any = true;
		return v !== '' && Number.isInteger(Number(v)) ? Number(v) : null;
	});
	return any ? { fields, months } : undefined;
}
