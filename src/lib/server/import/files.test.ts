import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, ImportRefusal, readGrids, sniffFile } from './files';
import { encryptedWorkbook, zip, zipBomb } from '../../../../tests/export/fixtures';

function refusal(fn: () => unknown): ImportRefusal {
	try {
		fn();
	} catch (e) {
		if (e instanceof ImportRefusal) return e;
		throw e;
	}
	throw new Error('not refused');
}

describe('sniffFile', () => {
	it('refuses files over the size limit', () => {
		expect(refusal(() => sniffFile('big.csv', new Uint8Array(IMPORT_MAX_BYTES + 1))).th).toMatch(/เกิน 5 MB/);
	});
	it('refuses encrypted workbooks (OLE container)', () => {
		expect(refusal(() => sniffFile('secret.xlsx', encryptedWorkbook())).th).toMatch(/เข้ารหัส/);
	});
	it('refuses a zip bomb from the central directory, before inflating', () => {
		const bomb = zipBomb();
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(refusal(() => sniffFile('bomb.xlsx', bomb)).th).toMatch(/ขนาดใหญ่ผิดปกติ/);
	});
	it('refuses a zip whose central directory lies about sizes too (claimed size counts)', () => {
		const liar = zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
			{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
			{ name: 'xl/x.xml', data: Buffer.from('x'), claimSize: 0xfffffff0 }
		]);
		expect(refusal(() => sniffFile('liar.xlsx', liar)).th).toMatch(/ขนาดใหญ่ผิดปกติ/);
	});
	it('refuses encrypted zip entries and zips that are not workbooks', () => {
		const enc = zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>'), encrypted: true },
			{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }
		]);
		expect(refusal(() => sniffFile('e.xlsx', enc)).th).toMatch(/เข้ารหัส/);
		const docx = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w/>') }]);
		expect(refusal(() => sniffFile('x.xlsx', docx)).th).toMatch(/ไม่ใช่สมุดงาน/);
	});
	it('refuses binary non-spreadsheets and accepts CSV text', () => {
		expect(refusal(() => sniffFile('x.pdf', Buffer.from('%PDF-1.7\n\0\0binary'))).th).toMatch(/ไม่ใช่ตาราง/);
		expect(sniffFile('x.csv', Buffer.from('ที่,โครงการ\n1,ก'))).toBe('csv');
	});
});

describe('readGrids', () => {
	it('reads CSV in UTF-8 (with BOM) and in windows-874', async () => {
		const utf8 = Buffer.from('\uFEFFที่,โครงการ,งบประมาณ\n1,"โครงการ ก, ข"," 1,500 "\n');
		const [g] = await readGrids('csv', utf8);
		expect(g.rows[1]).toEqual(['1', 'โครงการ ก, ข', '1,500']);
		// "ที่" in TIS-620 / windows-874
		const tis = Buffer.from([0xb7, 0xd5, 0xe8, 0x2c, 0x41, 0x0a]);
		const [g2] = await readGrids('csv', tis);
		expect(g2.rows[0]).toEqual(['ที่', 'A']);
	});
});
