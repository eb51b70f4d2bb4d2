/**
 * XLSX of a made monitoring report (ExcelJS), for people who go on computing: the print view's
 * tables one per sheet, under the same title and headings (domain/progress/reportText.ts),
 * counts, percentages and baht as numbers with formats (never text), and the month-by-month
 * figures the disbursement chart draws as a table of their own. Printed A4 landscape, one page
 * wide, headings repeated, in TH SarabunPSK like the plan's workbook (xlsx.ts).
 */
import ExcelJS from 'exceljs';
import type { FrozenReport } from '$lib/domain/progress/frozen';
import type { Measures } from '$lib/domain/progress/report';
import { statusLabels } from '$lib/domain/progress/statuses';
import {
	CHART_TITLES,
	equipmentSummary,
	LAGGING_HEAD,
	methodNote,
	OTHER_AGENCY_HEAD,
	otherAgencySummary,
	REPORT_SECTIONS,
	reportSubtitle,
	reportTitle,
	STATUS_HEAD,
	STRATEGY_HEAD
} from '$lib/domain/progress/reportText';
import { THAI_MONTHS_SHORT } from '$lib/domain/thai';
import { fitHeight } from './xlsx';

const FONT = 'TH SarabunPSK';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } };
/** Baht with satang and separators; a dash for none, as printed. */
export const BAHT = '#,##0.00;-#,##0.00;"-"';
const COUNT = '#,##0';
const PERCENT = '0.00';

export const REPORT_SHEETS = {
	strategies: 'ผลการดำเนินงาน',
	statuses: 'สถานะ',
	lagging: 'โครงการล่าช้า',
	otherAgency: 'หน่วยงานอื่น',
	months: 'เบิกจ่ายรายเดือน'
} as const;

type Value = string | number | null;
type Format = typeof BAHT | typeof COUNT | typeof PERCENT | null;

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
	const ws = wb.addWorksheet(name, {
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.4, header: 0.3, footer: 0.3 } }
	});
	ws.columns = widths.map((width) => ({ width }));
	ws.headerFooter.oddHeader = '&C-&P-';
	return ws;
}

/**
 * Title, the lines under it and the section heading, merged across the table and wrapped (a
 * narrow table's title takes two lines rather than running off the printed page). Returns the
 * next row.
 */
function title(ws: ExcelJS.Worksheet, frozen: FrozenReport, section: string, cols: number): number {
	const lines = [reportTitle(frozen), ...reportSubtitle(frozen), '', section];
	lines.forEach((text, i) => {
		const heading = i === lines.length - 1;
		note(ws, i + 1, text, cols, { size: i === 0 ? 18 : 16, bold: i === 0 || heading, center: !heading });
	});
	return lines.length + 1;
}

/** A line of text across the table, wrapped, as tall as it needs. */
function note(ws: ExcelJS.Worksheet, r: number, text: string, cols: number, o: { size?: number; bold?: boolean; center?: boolean } = {}) {
	const size = o.size ?? 14;
	ws.mergeCells(r, 1, r, cols);
	const c = ws.getCell(r, 1);
	c.value = text || null;
	c.font = { name: FONT, size, bold: o.bold };
	c.alignment = { vertical: 'top', wrapText: true, horizontal: o.center ? 'center' : 'left' };
	// Column units per character of TH Sarabun at 14 pt, as xlsx.ts measures (marks take none).
	const chars = text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length * 1.35 * (size / 14);
	const width = ws.columns.slice(0, cols).reduce((s, col) => s + (col.width ?? 10), 0);
	ws.getRow(r).height = Math.max(1, Math.ceil(chars / Math.max(1, width - 2))) * (size * 1.36) + 4;
}

function put(ws: ExcelJS.Worksheet, r: number, values: Value[], formats: Format[] = [], o: { bold?: boolean; head?: boolean } = {}) {
	const row = ws.getRow(r);
	values.forEach((v, i) => {
		const c = row.getCell(i + 1);
		c.value = v;
		c.font = { name: FONT, size: 14, bold: o.bold || o.head };
		c.border = BOX;
		c.alignment = { vertical: 'top', wrapText: true, horizontal: o.head ? 'center' : typeof v === 'number' ? 'right' : 'left' };
		if (o.head) c.fill = SHADE;
		const f = formats[i];
		if (f && typeof v === 'number') c.numFmt = f;
	});
	fitHeight(ws, row, values.length);
	return row;
}

const pct = (s: string) => Number(s);
const baht = (satang: number) => satang / 100;
const MEASURE_FORMATS: Format[] = [null, COUNT, PERCENT, COUNT, PERCENT, BAHT, PERCENT, BAHT, PERCENT, BAHT, PERCENT];
const measureValues = (label: string, m: Measures): Value[] => [
	label,
	m.planned,
	pct(m.plannedPct),
	m.done,
	pct(m.donePct),
	baht(m.budgetSatang),
	pct(m.budgetPct),
	baht(m.contractSatang),
	pct(m.contractPct),
	baht(m.disbursedSatang),
	pct(m.disbursedPct)
];

function strategiesSheet(wb: ExcelJS.Workbook, frozen: FrozenReport) {
	const r = frozen.report;
	const ws = sheet(wb, REPORT_SHEETS.strategies, [48, 9, 9, 9, 9, 17, 9, 17, 9, 17, 9]);
	let at = title(ws, frozen, REPORT_SECTIONS.strategies(frozen.orgName), 11);
	put(ws, at, [STRATEGY_HEAD.name, STRATEGY_HEAD.projects, null, null, null, STRATEGY_HEAD.budget, null, null, null, null, null], [], { head: true });
	put(ws, at + 1, [null, ...STRATEGY_HEAD.projectColumns, ...STRATEGY_HEAD.budgetColumns], [], { head: true });
	ws.mergeCells(at, 1, at + 1, 1);
	ws.mergeCells(at, 2, at, 5);
	ws.mergeCells(at, 6, at, 11);
	ws.pageSetup.printTitlesRow = `${at}:${at + 1}`;
	ws.views = [{ state: 'frozen', ySplit: at + 1 }];
	at += 2;
	for (const s of r.strategies) {
		const row = put(ws, at++, measureValues(`${s.no}. ${s.name}`, s), MEASURE_FORMATS, { bold: true });
		for (let c = 1; c <= 11; c++) row.getCell(c).fill = SHADE;
		for (const g of s.groups) {
			put(ws, at, measureValues(g.planName, g), MEASURE_FORMATS);
			ws.getCell(at++, 1).alignment = { indent: 2, vertical: 'top', wrapText: true };
		}
	}
	put(ws, at, measureValues(STRATEGY_HEAD.total, r.total), MEASURE_FORMATS, { bold: true });
	ws.getCell(at, 1).alignment = { horizontal: 'center', vertical: 'top' };
	note(ws, at + 2, methodNote(r), 11, { size: 12 });
}

function statusesSheet(wb: ExcelJS.Workbook, frozen: FrozenReport) {
	const ws = sheet(wb, REPORT_SHEETS.statuses, [30, 16, 12]);
	let at = title(ws, frozen, REPORT_SECTIONS.statuses, 3);
	put(ws, at++, [...STATUS_HEAD], [], { head: true });
	for (const s of frozen.report.statuses) put(ws, at++, [statusLabels[s.status].th, s.count, pct(s.pct)], [null, COUNT, PERCENT]);
}

function laggingSheet(wb: ExcelJS.Workbook, frozen: FrozenReport) {
	const ws = sheet(wb, REPORT_SHEETS.lagging, [6, 50, 11, 22, 17, 12, 14]);
	let at = title(ws, frozen, REPORT_SECTIONS.lagging, 7);
	put(ws, at++, [...LAGGING_HEAD], [], { head: true });
	frozen.report.lagging.forEach((l, i) =>
		put(ws, at++, [i + 1, l.name, l.strategyNo, l.responsibleUnit, baht(l.budgetSatang), THAI_MONTHS_SHORT[l.firstMonth - 1], l.monthsPassed], [COUNT, null, COUNT, null, BAHT, null, COUNT])
	);
}

function otherAgencySheet(wb: ExcelJS.Workbook, frozen: FrozenReport) {
	const r = frozen.report;
	const ws = sheet(wb, REPORT_SHEETS.otherAgency, [50, 28, 18, 20]);
	let at = title(ws, frozen, REPORT_SECTIONS.otherAgency, 4);
	note(ws, at++, otherAgencySummary(r), 4);
	put(ws, at++, [...OTHER_AGENCY_HEAD], [], { head: true });
	for (const p of r.otherAgency.projects) put(ws, at++, [p.name, p.agency, baht(p.budgetSatang), statusLabels[p.status].th], [null, null, BAHT, null]);
	at++;
	note(ws, at, REPORT_SECTIONS.equipment, 4, { size: 16, bold: true });
	note(ws, at + 1, equipmentSummary(r), 4);
	put(ws, at + 2, ['', 'รายการ', 'บาท'], [], { head: true });
	put(ws, at + 3, ['ตามแผน', r.equipment.items, baht(r.equipment.budgetSatang)], [null, COUNT, BAHT]);
	put(ws, at + 4, ['จัดซื้อแล้ว', r.equipment.purchased, baht(r.equipment.purchasedSatang)], [null, COUNT, BAHT]);
}

function monthsSheet(wb: ExcelJS.Workbook, frozen: FrozenReport) {
	const ws = sheet(wb, REPORT_SHEETS.months, [14, 26, 26]);
	let at = title(ws, frozen, CHART_TITLES.months, 3);
	put(ws, at++, ['เดือน', 'ตามแผน (สะสม)', 'เบิกจ่ายสะสม'], [], { head: true });
	for (const m of frozen.report.months) put(ws, at++, [THAI_MONTHS_SHORT[m.month - 1], baht(m.plannedSatang), baht(m.disbursedSatang)], [null, BAHT, BAHT]);
}

/** Builds the XLSX of a made report. */
export async function renderReportXlsx(frozen: FrozenReport): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'ร่วมแผน (Ruamphaen)';
	wb.title = reportTitle(frozen);
	strategiesSheet(wb, frozen);
	statusesSheet(wb, frozen);
	laggingSheet(wb, frozen);
	otherAgencySheet(wb, frozen);
	monthsSheet(wb, frozen);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
