import { describe, expect, it } from 'vitest';
import { clipboardBlock, parseTsv, toHtmlTable, toTsv } from './clipboard';

describe('spreadsheet clipboard text', () => {
	it('reads Excel/LibreOffice TSV: CRLF rows, a trailing line break, empty cells', () => {
		expect(parseTsv('โครงการ ก\t1,500,000\t\r\nโครงการ ข\t\t✓\r\n')).toEqual([
			['โครงการ ก', '1,500,000', ''],
			['โครงการ ข', '', '✓']
		]);
	});
	it('reads a quoted cell holding a line break, a tab and doubled quotes', () => {
		expect(parseTsv('"บรรทัด 1\nบรรทัด 2"\t"มี ""คำพูด"" และ\tแท็บ"\nถัดไป\tx')).toEqual([
			['บรรทัด 1\nบรรทัด 2', 'มี "คำพูด" และ\tแท็บ'],
			['ถัดไป', 'x']
		]);
	});
	it('keeps a quote that does not wrap the whole cell as text', () => {
		expect(parseTsv('"ถนน" สายหลัก\t2')).toEqual([['"ถนน" สายหลัก', '2']]);
	});
	it('round-trips what it writes', () => {
		const block = [
			['ก\tข', 'บรรทัด\nสอง', '"อ้าง"'],
			['', 'ธรรมดา', '1,000']
		];
		expect(parseTsv(toTsv(block))).toEqual(block);
	});
	it('escapes HTML so cell text cannot become markup', () => {
		const html = toHtmlTable([['<img src=x onerror=alert(1)>', 'a & b']]);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('a &amp; b');
	});
	it('falls back to the text when there is no HTML parser or table', () => {
		expect(clipboardBlock({ html: '<p>x</p>', text: 'a\tb' })).toEqual([['a', 'b']]);
		expect(clipboardBlock({ html: '', text: '' })).toEqual([]);
	});
});
