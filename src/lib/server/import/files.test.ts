import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, ImportRefusal, MAX_ROWS, readGrids, readUpload, sniffFile } from './files';
import { MAX_PARALLEL_PARSES } from './parseSlots';
import { bigWorkbook } from '../../../../tests/security/uploadFixtures';
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

describe('bounded reading', () => {
	it('stops a CSV at the row limit instead of parsing it whole', async () => {
		const csv = Buffer.from(Array.from({ length: MAX_ROWS + 5 }, (_, i) => `${i},a`).join('\n'));
		await expect(readGrids('csv', csv)).rejects.toMatchObject({ th: expect.stringMatching(/มากกว่า 20,000 แถว/) });
		const fits = Buffer.from(Array.from({ length: MAX_ROWS }, (_, i) => `${i},a`).join('\n'));
		expect((await readGrids('csv', fits))[0].rows).toHaveLength(MAX_ROWS);
	});

	it('refuses a sheet over the row limit while it streams, before ExcelJS loads it', async () => {
		const wb = await bigWorkbook(MAX_ROWS + 10);
		await expect(readGrids('xlsx', wb)).rejects.toMatchObject({ th: expect.stringMatching(/มากกว่า 20,000 แถว/) });
	});

	it('counts the real inflated bytes, whatever the ZIP declares', async () => {
		const liar = zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
			{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
			{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20), deflate: true, claimSize: 1000 }
		]);
		expect(sniffFile('liar.xlsx', liar)).toBe('xlsx'); // the central directory alone looks fine
		await expect(readGrids('xlsx', liar)).rejects.toMatchObject({ th: expect.stringMatching(/ขนาดใหญ่ผิดปกติ/) });
	});

	it('refuses merged ranges and far-away cells that would make the parser build millions of cells', async () => {
		const sheet = (body: string) =>
			zip([
				{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
				{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
				{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${body}</worksheet>`), deflate: true }
			]);
		const merged = sheet('<row r="1"><c r="A1"/></row></sheetData><mergeCells><mergeCell ref="A1:XFD1000"/></mergeCells>');
		await expect(readGrids('xlsx', merged)).rejects.toMatchObject({ th: expect.stringMatching(/มากเกินไป/) });
		const far = sheet('<row r="19999"><c r="CZ19999"><v>1</v></c></row></sheetData>');
		await expect(readGrids('xlsx', far)).rejects.toMatchObject({ th: expect.stringMatching(/มากเกินไป/) });
	});

	it('lets only a few uploads parse at once, and says "busy" to the rest', async () => {
		const csv = Buffer.from('ที่,โครงการ\n1,ก');
		const results = await Promise.allSettled(Array.from({ length: MAX_PARALLEL_PARSES + 3 }, () => readUpload('x.csv', csv)));
		const busy = results.filter((r) => r.status === 'rejected' && (r.reason as ImportRefusal).th.includes('ลองใหม่'));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_PARALLEL_PARSES);
		expect(busy).toHaveLength(3);
		// Slots come back once those finished.
		expect((await readUpload('x.csv', csv))[0].rows).toHaveLength(2);
	});
});
