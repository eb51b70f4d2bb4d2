/**
 * Workbooks shaped like the ones LAOs really hold, built with ExcelJS in the test: a ผด.02 in
 * the common layout (title lines, a two-row header, months marked by shading, merged cells,
 * text marks and drawn arrows, subtotals, headers repeated at a page break, variant headings,
 * units broken across lines, formula cells, Thai digits). ExcelJS cannot write shapes, so
 * arrows are added to the zip afterwards as a drawing part with two-cell anchors.
 */
import ExcelJS from 'exceljs';
import { readPartText } from '../../src/lib/server/import/xlsxScan';
import { xlsxParts } from '../../src/lib/server/import/files';
import { zip } from '../export/fixtures';

export const MONTH_HEADERS = ['ต.ค.68', 'พ.ย.68', 'ธ.ค.68', 'ม.ค.69', 'ก.พ.69', 'มี.ค.69', 'เม.ย.69', 'พ.ค.69', 'มิ.ย.69', 'ก.ค.69', 'ส.ค.69', 'ก.ย.69'];
/** Column (1-based) of fiscal month k (0 = ต.ค.) in the common layout. */
export const monthCol = (k: number) => 7 + k;

/** Title lines and the two-row header of the printed form, from row `at`; returns the next row. */
export function formHeader(ws: ExcelJS.Worksheet, at: number, title = 'แบบ ผด.02'): number {
	ws.getCell(at, 18).value = title;
	ws.mergeCells(at + 1, 1, at + 1, 18);
	ws.getCell(at + 1, 1).value = 'บัญชีโครงการ/กิจกรรม/งบประมาณ';
	const h = at + 2;
	const head = ['ที่', 'โครงการ', 'รายละเอียดของกิจกรรม\nที่เกิดขึ้นจากโครงการ', 'งบประมาณ\n(บาท)', 'สถานที่\nดำเนินการ', 'หน่วยงาน\nรับผิดชอบหลัก'];
	head.forEach((text, i) => {
		ws.getCell(h, i + 1).value = text;
		ws.mergeCells(h, i + 1, h + 1, i + 1);
	});
	ws.getCell(h, 7).value = 'พ.ศ. ๒๕๖๘';
	ws.mergeCells(h, 7, h, 9);
	ws.getCell(h, 10).value = 'พ.ศ. ๒๕๖๙';
	ws.mergeCells(h, 10, h, 18);
	MONTH_HEADERS.forEach((m, k) => (ws.getCell(h + 1, monthCol(k)).value = m));
	for (let c = 1; c <= 18; c++) {
		// Header cells are shaded too: that must not read as month marks.
		ws.getCell(h, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
		ws.getCell(h + 1, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
	}
	return h + 2;
}

export const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A heading merged across the table. */
export function heading(ws: ExcelJS.Worksheet, row: number, text: string): void {
	ws.mergeCells(row, 1, row, 18);
	ws.getCell(row, 1).value = text;
}

/** A project row: seq, name, detail, budget, location, unit. */
export function project(ws: ExcelJS.Worksheet, row: number, cells: ExcelJS.CellValue[]): void {
	cells.forEach((v, i) => (ws.getCell(row, i + 1).value = v));
}

export function shade(ws: ExcelJS.Worksheet, row: number, months: number[], fill: ExcelJS.Fill = solid('FFFFFF00')): void {
	for (const k of months) ws.getCell(row, monthCol(k)).fill = fill;
}

/** A drawn shape anchored from (row, col) to (row, col), 0-based, as Excel stores it. */
export interface Anchor {
	row: number;
	fromCol: number;
	toCol: number;
	/** Offset into the to-column; 0 means the shape ends on that column's left edge. */
	toColOff?: number;
	/** 'arrow' (a connector line with an arrow head) or 'rect' (a filled bar). */
	shape?: 'arrow' | 'rect';
}

function anchorXml(a: Anchor, id: number): string {
	const from = `<xdr:from><xdr:col>${a.fromCol}</xdr:col><xdr:colOff>38100</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>76200</xdr:rowOff></xdr:from>`;
	const to = `<xdr:to><xdr:col>${a.toCol}</xdr:col><xdr:colOff>${a.toColOff ?? 0}</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>76200</xdr:rowOff></xdr:to>`;
	const body =
		a.shape === 'rect'
			? `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="Rectangle ${id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp>`
			: `<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="${id}" name="Straight Arrow Connector ${id}"/><xdr:cNvCxnSpPr/></xdr:nvCxnSpPr><xdr:spPr><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:ln><a:headEnd type="triangle"/><a:tailEnd type="triangle"/></a:ln></xdr:spPr></xdr:cxnSp>`;
	return `<xdr:twoCellAnchor>${from}${to}${body}<xdr:clientData/></xdr:twoCellAnchor>`;
}

/** Adds arrows/bars as a drawing of sheet `sheetNo` (1-based part number) of an ExcelJS-written file. */
export async function withShapes(file: Buffer, sheetNo: number, anchors: Anchor[]): Promise<Buffer> {
	const parts = xlsxParts(file);
	const entries: { name: string; data: Buffer; deflate: boolean }[] = [];
	for (const p of parts) entries.push({ name: p.name, data: Buffer.from(await readPartText(file, p, 64 * 1024 * 1024)), deflate: true });
	const get = (name: string) => entries.find((e) => e.name === name);
	const edit = (name: string, f: (xml: string) => string) => {
		const e = get(name)!;
		e.data = Buffer.from(f(e.data.toString()));
	};
	const drawing = `xl/drawings/drawingShapes${sheetNo}.xml`;
	const sheet = `xl/worksheets/sheet${sheetNo}.xml`;
	const rels = `xl/worksheets/_rels/sheet${sheetNo}.xml.rels`;
	entries.push({
		name: drawing,
		data: Buffer.from(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.map((a, i) => anchorXml(a, i + 2)).join('')}</xdr:wsDr>`
		),
		deflate: true
	});
	const rel = `<Relationship Id="rIdShapes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawingShapes${sheetNo}.xml"/>`;
	if (get(rels)) edit(rels, (x) => x.replace('</Relationships>', `${rel}</Relationships>`));
	else entries.push({ name: rels, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`), deflate: true });
	edit(sheet, (x) => x.replace('</worksheet>', '<drawing r:id="rIdShapes"/></worksheet>'));
	edit('[Content_Types].xml', (x) => x.replace('</Types>', `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`));
	return zip(entries);
}

/**
 * A ผด.02 in the common layout, every way of marking months and every kind of structure row.
 * Rows (Excel numbering) are fixed so tests can assert row by row.
 */
export async function commonLayoutWorkbook(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('ผด.02');
	let r = formHeader(ws, 1); // title 1–2, header 3–4, data from 5
	heading(ws, r++, 'ยุทธศาสตร์ที่ ๑   การพัฒนาด้านโครงสร้างพื้นฐาน'); // 5
	heading(ws, r++, '๑.๑ แผนงาน อุตสาหกรรม และการโยธา'); // 6: spacing variant of a standard name
	// 7: months by solid shading, activity detail on two lines, the unit broken across lines.
	project(ws, r, [1, 'โครงการก่อสร้างถนน คสล. หมู่ที่ ๓', 'ผิวจราจรกว้าง ๔ เมตร\nยาว ๑๘๐ เมตร', '1,632,820', 'หมู่ที่ ๓', 'กอง\nช่าง']);
	shade(ws, r++, [0, 1, 2]);
	// 8: months by a patterned fill in a theme colour; a white-filled month is not a mark.
	project(ws, r, [2, 'โครงการวางท่อระบายน้ำ', 'ยาว 100 เมตร', 250000.5, 'หมู่ที่ 2', 'กองช่าง']);
	shade(ws, r, [3, 4], { type: 'pattern', pattern: 'darkGray', fgColor: { theme: 4, tint: 0.4 } as never });
	shade(ws, r++, [5], solid('FFFFFFFF'));
	// 9: a text mark merged across Jan–Mar.
	project(ws, r, [3, 'โครงการขุดลอกคลอง', '-', { formula: 'SUM(100000,50000)', result: 150000 }, 'หมู่ที่ 4', 'กองช่าง']);
	ws.mergeCells(r, monthCol(3), r, monthCol(5));
	ws.getCell(r++, monthCol(3)).value = '←→';
	// 10: an arrow drawn over Apr–Jun (added by withShapes); 11: a rectangle bar over Jul–Sep.
	project(ws, r++, [4, 'โครงการซ่อมแซมถนนลูกรัง', 'ลงหินคลุก', '\u00a0๔๕,๐๐๐.๗๕\u00a0', 'ทุกหมู่บ้าน', 'กองช่าง']);
	project(ws, r++, [5, 'โครงการติดตั้งกระจกโค้ง', 'จำนวน ๑๐ จุด', 30000, 'หมู่ที่ 1', 'สำนักงานทางหลวง\nชนบทจังหวัด']); // another agency
	// 12: text marks ✓ • − and a month name.
	project(ws, r, [6, 'โครงการตีเส้นจราจร', 'ถนนสายหลัก', 12000, 'หมู่ที่ 5', 'กองช่าง']);
	['✓', '•', '−', 'ม.ค.'].forEach((m, i) => (ws.getCell(r, monthCol([0, 2, 4, 3][i])).value = m));
	r++;
	project(ws, r++, [null, 'รวม', null, { formula: 'SUM(D7:D12)', result: 2_119_821.25 }, null, null]); // 13: subtotal, right
	// 14–17: the page break: title and header again.
	r = formHeader(ws, r, 'แบบ ผด.02'); // 14 title, 15 บัญชี…, 16–17 header → data from 18
	heading(ws, r++, 'แผนงานอุตสาหกรรมโยธา'); // 18: a word missing → near miss
	project(ws, r, [1, 'โครงการก่อสร้างรางระบายน้ำ', 'รางวี', '80,000', 'หมู่ที่ 6', 'กองช่าง']);
	shade(ws, r++, [6]); // 19
	project(ws, r, [2, 'โครงการก่อสร้างรางระบายน้ำ', 'รางวี', '80,000', 'หมู่ที่ 6', 'กองช่าง']);
	shade(ws, r++, [7]); // 20: duplicate of 19 → warning, both kept
	project(ws, r++, [null, 'รวมแผนงาน', null, '170,000', null, null]); // 21: subtotal, wrong (160,000)
	heading(ws, r++, '2.  การพัฒนาด้านคุณภาพชีวิต'); // 22: "1." form of a strategy heading
	heading(ws, r++, '๒.๑ แผนงานพัฒนาหมู่บ้านอัจฉริยะ'); // 23: unknown แผนงาน → asked
	project(ws, r, [1, 'โครงการหมู่บ้านอัจฉริยะ', 'ติดตั้งกล้อง', { formula: 'D99/0', result: { error: '#REF!' } }, 'หมู่ที่ 7', 'สำนักปลัด']);
	shade(ws, r++, [1]); // 24: formula error → rejected, named
	project(ws, r, [2, 'โครงการสำรวจข้อมูล', 'สำรวจ', '5,000', 'หมู่ที่ 7', 'สำนักปลัด']);
	ws.getCell(r++, monthCol(2)).value = '13'; // 25: month out of range → rejected
	project(ws, r, [3, 'โครงการอบรมอาสาสมัคร', 'อบรม ๑ วัน', '-5,000', 'ตำบล', '']);
	shade(ws, r++, [2]); // 26: negative budget and no unit → rejected, both reasons
	project(ws, r, [4, 'โครงการจัดซื้อวัสดุ', 'วัสดุ', '1,000.555', 'ตำบล', 'สำนักปลัด']);
	shade(ws, r++, [2]); // 27: three decimals → rejected
	r++; // 28: blank spacer
	heading(ws, r++, 'หมายเหตุ : โครงการที่ใช้งบประมาณของหน่วยงานอื่นให้ระบุในช่องหมายเหตุ'); // 29: note
	project(ws, r, [4, 'โครงการส่งเสริมอาชีพ', 'ฝึกอาชีพ', 20000, 'หมู่ที่ 8', 'สำนักปลัด']);
	ws.getCell(r, 7).value = { formula: 'SUM(1)', result: undefined } as never; // no cached value: not a mark
	ws.getCell(r++, monthCol(6)).value = 'x'; // 30
	project(ws, r++, [null, 'รวมทั้งสิ้น', null, '2,299,821.25', null, null]); // 31: grand total, right
	const file = Buffer.from(await wb.xlsx.writeBuffer());
	return withShapes(file, 1, [
		{ row: 9, fromCol: monthCol(6) - 1, toCol: monthCol(9) - 1 }, // row 10, Apr–Jun, ends on Jul's left edge
		{ row: 10, fromCol: monthCol(9) - 1, toCol: monthCol(11) - 1, toColOff: 200000, shape: 'rect' } // row 11, Jul–Sep
	]);
}
