/** Upload files for the import-limit tests: big but well-formed ผด.02 tables, as CSV and XLSX. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

const MONTHS = ['ต.ค.68', 'พ.ย.68', 'ธ.ค.68', 'ม.ค.69', 'ก.พ.69', 'มี.ค.69', 'เม.ย.69', 'พ.ค.69', 'มิ.ย.69', 'ก.ค.69', 'ส.ค.69', 'ก.ย.69'];
/** The 18 columns of a real ผด.02. */
const REAL_HEADER = ['ที่', 'โครงการ', 'รายละเอียดของกิจกรรม', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก', ...MONTHS];
/** Four short columns, so 200,000 rows stay under the 5 MB upload limit (as an attacker would). */
const NARROW_HEADER = ['ที่', 'โครงการ', 'งบประมาณ (บาท)', 'ต.ค.'];

function narrowRow(i: number): (string | number)[] {
	return [i % 100, `โครงการ ${i % 100}`, 10_000, 'x'];
}

function realRow(i: number): (string | number)[] {
	return [i, `โครงการที่ ${i}`, `รายละเอียดกิจกรรม ${i}`, 10_000 + i, `หมู่ที่ ${(i % 12) + 1}`, 'กองช่าง', ...MONTHS.map((_, m) => (m === i % 12 ? 'x' : ''))];
}

/** A CSV whose table has `rows` project rows under one strategy heading. */
export function bigCsv(rows: number): Buffer {
	const lines = [NARROW_HEADER.join(','), '๑. ยุทธศาสตร์ทดสอบ', '๑.๑ แผนงานทดสอบ'];
	for (let i = 1; i <= rows; i++) lines.push(narrowRow(i).join(','));
	return Buffer.from(lines.join('\n'));
}

/**
 * The table as an XLSX workbook (streamed out, so the test process stays small): `narrow`
 * for the attacker's many short rows, `real` for a full ผด.02 whose rows all import.
 */
export async function bigWorkbook(rows: number, shape: 'narrow' | 'real' = 'narrow'): Promise<Buffer> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise((resolve) => out.on('end', resolve));
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
	const ws = wb.addWorksheet('ผด.02');
	ws.addRow(shape === 'real' ? REAL_HEADER : NARROW_HEADER).commit();
	ws.addRow(['๑. ยุทธศาสตร์ทดสอบ']).commit();
	ws.addRow(['๑.๑ แผนงานทดสอบ']).commit();
	for (let i = 1; i <= rows; i++) ws.addRow(shape === 'real' ? realRow(i) : narrowRow(i)).commit();
	ws.commit();
	await wb.commit();
	await done;
	return Buffer.concat(chunks);
}
