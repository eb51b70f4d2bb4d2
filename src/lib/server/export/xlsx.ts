/**
 * XLSX of the plan (ExcelJS): one sheet per form — ผด.01, ผด.02, ผด.02/1 — with the official
 * header rows (form code, title lines, column headings with the two BE super-headers), group
 * rows merged across the table, budgets and counts as numbers with formats, and month marks as
 * cells ("✓", shaded). The layout is also what the importer reads back (round trip).
 *
 * Excel forbids "/" in sheet names, so the ผด.02/1 sheet is named "ผด.02-1"; the form code
 * inside the sheet reads "แบบ ผด.02/1".
 */
import ExcelJS from 'exceljs';
import type { MonthGrid, PrintModel } from '$lib/domain/print/model';

const SHEET_NAMES = { pd01: 'ผด.01', pd02: 'ผด.02', pd021: 'ผด.02-1' } as const;
const MONTH_MARK = '✓';
/** Extra column after the official ones: the project's own remark (not the funding note). */
const REMARK_HEADER = 'หมายเหตุ';
/** Extra ผด.02/1 column: unit of the quantity (the print joins it to the quantity). */
const QUANTITY_UNIT_HEADER = 'หน่วยนับ';

const FONT = 'TH SarabunPSK';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
const GROUP_SHADE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } };
const MONEY = '#,##0;-#,##0;"-"';
const MONEY_SATANG = '#,##0.00;-#,##0.00;"-"';
const PERCENT = '0.00';

/** Wide enough for "มิ.ย." in bold at 12 pt. */
const MONTH_WIDTH = 4.6;

const moneyFormat = (satang: number) => (satang % 100 === 0 ? MONEY : MONEY_SATANG);

function newSheet(wb: ExcelJS.Workbook, name: string, headerRows: number, widths: number[]): ExcelJS.Worksheet {
	const ws = wb.addWorksheet(name, {
		pageSetup: {
			paperSize: 9,
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: `1:${headerRows}`,
			margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.4, header: 0.3, footer: 0.3 }
		},
		views: [{ state: 'frozen', ySplit: headerRows }],
		properties: { defaultRowHeight: 21 }
	});
	ws.columns = widths.map((w) => ({ width: w }));
	ws.headerFooter.oddHeader = '&C-&P-';
	return ws;
}

/** Marks above and below the line take no width of their own. */
const THAI_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
/** Column-width units (a "0" of the default font) per character of TH Sarabun at 14 pt. */
const UNITS_PER_CHAR = 1.35;
const LINE_PT = 19;

/**
 * Row height for its wrapped text: spreadsheet readers do not grow rows on opening (LibreOffice
 * prints one clipped line otherwise), so the height is set from the longest cell's line count.
 */
export function fitHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row, cols: number) {
	let lines = 1;
	for (let c = 1; c <= cols; c++) {
		const cell = row.getCell(c);
		if (cell.isMerged && cell.master !== cell) continue;
		const value = cell.value;
		if (typeof value !== 'string' || !value) continue;
		const width = cell.isMerged ? cols * 4 : (ws.getColumn(c).width ?? 10);
		const chars = value.replace(THAI_MARKS, '').length;
		lines = Math.max(lines, Math.ceil((chars * UNITS_PER_CHAR) / Math.max(1, width - 1)));
	}
	row.height = lines * LINE_PT + 4;
}

function styleRow(row: ExcelJS.Row, cols: number, o: { bold?: boolean; fill?: ExcelJS.Fill; border?: boolean; size?: number } = {}) {
	for (let c = 1; c <= cols; c++) {
		const cell = row.getCell(c);
		cell.font = { name: FONT, size: o.size ?? 14, bold: o.bold };
		cell.alignment = { ...(cell.alignment ?? {}), vertical: cell.alignment?.vertical ?? 'top', wrapText: true };
		if (o.border !== false) cell.border = BOX;
		if (o.fill) cell.fill = o.fill;
	}
}

/** Form code (right), three centred title lines, a blank row. Returns the next row number. */
function formHead(ws: ExcelJS.Worksheet, head: PrintModel['pd01']['head'], cols: number): number {
	const code = ws.getRow(1);
	code.getCell(cols).value = head.code;
	code.getCell(cols).alignment = { horizontal: 'right' };
	code.getCell(cols).font = { name: FONT, size: 16, bold: true };
	head.titleLines.forEach((line, i) => {
		const r = 2 + i;
		ws.mergeCells(r, 1, r, cols);
		const cell = ws.getCell(r, 1);
		cell.value = line;
		cell.alignment = { horizontal: 'center' };
		cell.font = { name: FONT, size: 16, bold: true };
	});
	return 2 + head.titleLines.length + 1;
}

/** Two header rows: official headings (rowspan 2) and the BE super-headers over the months. */
function gridHeader(ws: ExcelJS.Worksheet, top: number, model: PrintModel, headers: string[], extra: string[]): number {
	const n = headers.length;
	const r1 = ws.getRow(top);
	const r2 = ws.getRow(top + 1);
	headers.forEach((h, i) => {
		r1.getCell(i + 1).value = h;
		ws.mergeCells(top, i + 1, top + 1, i + 1);
	});
	r1.getCell(n + 1).value = model.yearHeaders[0];
	ws.mergeCells(top, n + 1, top, n + 3);
	r1.getCell(n + 4).value = model.yearHeaders[1];
	ws.mergeCells(top, n + 4, top, n + 12);
	model.monthLabels.forEach((m, i) => (r2.getCell(n + 1 + i).value = m));
	extra.forEach((h, i) => {
		r1.getCell(n + 13 + i).value = h;
		ws.mergeCells(top, n + 13 + i, top + 1, n + 13 + i);
	});
	const cols = n + 12 + extra.length;
	for (const r of [r1, r2]) {
		styleRow(r, cols, { bold: true });
		for (let c = 1; c <= cols; c++) r.getCell(c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
	}
	r2.height = 21;
	// The headings span both rows: room for three wrapped lines; month labels a size smaller.
	r1.height = 3 * LINE_PT + 6 - r2.height;
	for (let i = 0; i < 12; i++) r2.getCell(n + 1 + i).font = { name: FONT, size: 12, bold: true };
	return top + 2;
}

function writeMonths(row: ExcelJS.Row, first: number, grid: MonthGrid) {
	grid.active.forEach((on, i) => {
		const cell = row.getCell(first + i);
		if (!on) return;
		cell.value = MONTH_MARK;
		cell.fill = SHADE;
	});
	for (let i = 0; i < 12; i++) row.getCell(first + i).alignment = { horizontal: 'center', vertical: 'middle' };
}

function pd01Sheet(wb: ExcelJS.Workbook, model: PrintModel) {
	const cols = 6;
	const ws = newSheet(wb, SHEET_NAMES.pd01, 6, [42, 16, 18, 18, 18, 44]);
	const top = formHead(ws, model.pd01.head, cols);
	const header = ws.getRow(top);
	model.pd01.headers.forEach((h, i) => (header.getCell(i + 1).value = h));
	styleRow(header, cols, { bold: true });
	for (let c = 1; c <= cols; c++) header.getCell(c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
	header.height = 2 * LINE_PT + 6;
	let r = top + 1;
	for (const l of model.pd01.lines) {
		const row = ws.getRow(r);
		if (l.kind === 'strategy') {
			row.getCell(1).value = l.label;
			ws.mergeCells(r, 1, r, cols);
			styleRow(row, cols, { bold: true, fill: GROUP_SHADE });
		} else {
			row.getCell(1).value = l.label;
			row.getCell(2).value = l.raw.count;
			row.getCell(3).value = l.raw.countPct;
			row.getCell(4).value = l.raw.budgetSatang / 100;
			row.getCell(5).value = l.raw.budgetPct;
			row.getCell(6).value = l.units || null;
			styleRow(row, cols, { bold: l.kind !== 'group' });
			row.getCell(2).numFmt = '#,##0';
			row.getCell(3).numFmt = PERCENT;
			row.getCell(4).numFmt = moneyFormat(l.raw.budgetSatang);
			row.getCell(5).numFmt = PERCENT;
			if (l.kind !== 'group') row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
			else row.getCell(1).alignment = { indent: 2, vertical: 'top', wrapText: true };
			fitHeight(ws, row, cols);
		}
		r++;
	}
}

function pd02Sheet(wb: ExcelJS.Workbook, model: PrintModel) {
	const n = model.pd02.headers.length;
	const cols = n + 12 + 1;
	// About 160 width units: fit to one page wide, the 14 pt text prints near its size.
	const ws = newSheet(wb, SHEET_NAMES.pd02, 7, [4.5, 24, 30, 11, 14, 13, ...Array(12).fill(MONTH_WIDTH), 14]);
	const top = formHead(ws, model.pd02.head, cols);
	let r = gridHeader(ws, top, model, model.pd02.headers, [REMARK_HEADER]);
	for (const st of model.pd02.strategies) {
		const sRow = ws.getRow(r);
		sRow.getCell(1).value = st.heading;
		ws.mergeCells(r, 1, r, cols);
		styleRow(sRow, cols, { bold: true, fill: GROUP_SHADE });
		r++;
		for (const g of st.groups) {
			const gRow = ws.getRow(r);
			gRow.getCell(1).value = g.heading;
			ws.mergeCells(r, 1, r, cols);
			styleRow(gRow, cols, { bold: true });
			r++;
			for (const p of g.rows) {
				const row = ws.getRow(r);
				row.getCell(1).value = p.raw.seq;
				row.getCell(2).value = p.name;
				row.getCell(3).value = p.detail;
				row.getCell(4).value = p.raw.budgetSatang / 100;
				row.getCell(5).value = p.location;
				row.getCell(6).value = p.unit;
				row.getCell(n + 13).value = p.raw.remark;
				styleRow(row, cols);
				row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
				row.getCell(4).numFmt = moneyFormat(p.raw.budgetSatang);
				writeMonths(row, n + 1, p.months);
				fitHeight(ws, row, cols);
				r++;
			}
		}
	}
	const total = ws.getRow(r);
	total.getCell(2).value = 'รวมทั้งสิ้น';
	total.getCell(4).value = model.pd02.total.budgetSatang / 100;
	styleRow(total, cols, { bold: true });
	total.getCell(4).numFmt = moneyFormat(model.pd02.total.budgetSatang);
}

function pd021Sheet(wb: ExcelJS.Workbook, model: PrintModel) {
	const headers = [...model.pd021.headers];
	// Quantity as a number with its unit in the next column.
	const qi = headers.indexOf('จำนวน');
	headers.splice(qi + 1, 0, QUANTITY_UNIT_HEADER);
	const n = headers.length;
	const cols = n + 12;
	const ws = newSheet(wb, SHEET_NAMES.pd021, 7, [4.5, 14, 10, 12, 18, 24, 6, 7, 11, 12, 12, ...Array(12).fill(MONTH_WIDTH)]);
	const top = formHead(ws, model.pd021.head, cols);
	let r = gridHeader(ws, top, model, headers, []);
	for (const e of model.pd021.rows) {
		const row = ws.getRow(r);
		const values: (string | number)[] = [e.raw.seq, e.planName, e.category, e.type, e.item, e.detail, e.raw.quantity, e.raw.unitName, e.raw.budgetSatang / 100, e.location, e.unit];
		values.forEach((v, i) => (row.getCell(i + 1).value = v));
		styleRow(row, cols);
		row.getCell(9).numFmt = moneyFormat(e.raw.budgetSatang);
		writeMonths(row, n + 1, e.months);
		fitHeight(ws, row, cols);
		r++;
	}
	const total = ws.getRow(r);
	total.getCell(5).value = 'รวมทั้งสิ้น';
	total.getCell(9).value = model.pd021.total.budgetSatang / 100;
	styleRow(total, cols, { bold: true });
	total.getCell(9).numFmt = moneyFormat(model.pd021.total.budgetSatang);
}

/** Builds the XLSX file of a print model. */
export async function renderPlanXlsx(model: PrintModel): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'ร่วมแผน (Ruamphaen)';
	wb.title = model.title;
	pd01Sheet(wb, model);
	pd02Sheet(wb, model);
	pd021Sheet(wb, model);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
