/**
 * Rows of a printed ผด.02 that are not projects: subtotal and total lines, the title and
 * header rows Excel repeats at every page break, page numbers, notes and signature lines.
 * They are skipped and listed apart from errors, so a planning officer sees "skipped:
 * subtotal" rather than "no month" for a line that was never a project.
 */
import { monthIndex } from './monthMarks';
import { squash } from './headings';

export type SkipWhy = 'blank' | 'subtotal' | 'header' | 'note';

/** First words of a total line: "รวม", "รวมทั้งสิ้น", "รวมแผนงาน…", "ยอดรวม", "Total". */
const TOTAL = /^(รวม|ยอดรวม|total|subtotal|grandtotal)/i;
/** Title lines of the form, repeated above the header on every page. */
const TITLE = /^(แบบผด\.?0?2(\/1)?|ผด\.?0?2(\/1)?|บัญชีโครงการ|บัญชีครุภัณฑ์|บัญชีจำนวนครุภัณฑ์|แผนการดำเนินงาน|แผนดำเนินงาน|ประจำปีงบประมาณ|หน้า\d+|-\d+-)$|^(แผนการดำเนินงาน|แผนดำเนินงาน|บัญชีโครงการ|บัญชีครุภัณฑ์)/;
/** Notes, sources and signature lines below or beside the table. */
const NOTE = /^(หมายเหตุ|หมายเหต|ที่มา|\*|※|ข้อมูลณ|ลงชื่อ|\(ลงชื่อ\)|ผู้จัดทำ|ผู้ตรวจ|ผู้เสนอ|ผู้เห็นชอบ|ผู้อนุมัติ|ผู้รับรอง|ตรวจแล้ว|note)/i;
const YEAR = /^พ\.?ศ\.?\d{4}$/;

/** The distinct non-empty texts of a row, in column order. */
export function distinctTexts(row: readonly string[]): string[] {
	return [...new Set(row.map((c) => c.replace(/[\s\u00a0\u200b]+/g, ' ').trim()).filter(Boolean))];
}

/** A total line: its first text (after a lone sequence number) starts with "รวม". */
export function isTotalRow(row: readonly string[], unitCol: number | undefined): boolean {
	const texts = distinctTexts(row).filter((t) => !/^\d+\.?$/.test(t));
	if (!texts.length || !TOTAL.test(squash(texts[0]))) return false;
	// A project is never without its unit; a total line never has one.
	return unitCol === undefined || !row[unitCol]?.trim() || TOTAL.test(squash(row[unitCol]));
}

/** A header or title row repeated at a page break (`headers`: the table's own header rows). */
export function isRepeatedHeader(row: readonly string[], headers: readonly (readonly string[])[]): boolean {
	const cells = row.map(squash);
	const texts = cells.filter(Boolean);
	if (!texts.length) return false;
	if (texts.length >= 3 && cells.every((c, i) => !c || headers.some((h) => c === squash(h[i] ?? '')))) return true;
	if (texts.filter((t) => monthIndex(t) >= 0 || YEAR.test(t)).length >= Math.max(3, texts.length - 1)) return true;
	if (texts.every((t) => YEAR.test(t))) return true;
	const distinct = [...new Set(texts)];
	return distinct.length === 1 && TITLE.test(distinct[0]);
}

/** A note, source or signature line (one text, or a text starting with a note word). */
export function isNoteRow(row: readonly string[]): boolean {
	const texts = distinctTexts(row);
	return texts.length > 0 && NOTE.test(squash(texts[0])) && texts.length <= 2;
}
