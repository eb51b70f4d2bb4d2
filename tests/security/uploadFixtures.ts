/** Upload files for the import-limit tests: big but well-formed ผด.02 tables, as CSV and XLSX. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

const HEADER = ['ที่', 'โครงการ', 'งบประมาณ (บาท)', 'ต.ค.'];

function row(i: number): (string | number)[] {
	// Few distinct strings, so 200,000 rows stay under the 5 MB upload limit (as an attacker would).
	return [i % 100, `โครงการ ${i % 100}`, 10_000, 'x'];
}

/** A CSV whose table has `rows` project rows under one strategy heading. */
export function bigCsv(rows: number): Buffer {
	const lines = [HEADER.join(','), '๑. ยุทธศาสตร์ทดสอบ', '๑.๑ แผนงานทดสอบ'];
	for (let i = 1; i <= rows; i++) lines.push(row(i).join(','));
	return Buffer.from(lines.join('\n'));
}

/** The same table as an XLSX workbook (streamed out, so the test process stays small). */
export async function bigWorkbook(rows: number): Promise<Buffer> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise((resolve) => out.on('end', resolve));
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
	const ws = wb.addWorksheet('ผด.02');
	ws.addRow(HEADER).commit();
	ws.addRow(['๑. ยุทธศาสตร์ทดสอบ']).commit();
	ws.addRow(['๑.๑ แผนงานทดสอบ']).commit();
	for (let i = 1; i <= rows; i++) ws.addRow(row(i)).commit();
	ws.commit();
	await wb.commit();
	await done;
	return Buffer.concat(chunks);
}
