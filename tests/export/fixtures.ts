/** Files for the export/import tests: a messy real-looking ผด.02 workbook and hostile files. */
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';

/**
 * A ผด.02 workbook as people really send them: title lines, the form code, a two-row header
 * with line breaks and "ต.ค.68"-style months, merged group rows, blank stub rows, text budgets
 * with commas, spaces and Thai digits, and a few broken rows.
 * Returns the buffer and the rows the importer must accept / reject (1-based row numbers).
 */
export async function messyWorkbook(): Promise<{ file: Buffer; accepted: { name: string; satang: number; months: number[] }[]; rejected: Record<number, RegExp> }> {
	const wb = new ExcelJS.Workbook();
	const other = wb.addWorksheet('หมายเหตุ');
	other.getCell('A1').value = 'ข้อมูลประกอบ ไม่ใช่ตาราง';
	const ws = wb.addWorksheet('ผด02 (แก้ไข)');
	ws.getCell('R1').value = 'แบบ ผด.02';
	ws.mergeCells('A2:R2');
	ws.getCell('A2').value = 'บัญชีโครงการ/กิจกรรม/งบประมาณ';
	ws.mergeCells('A3:R3');
	ws.getCell('A3').value = 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙';
	const head = ['ที่', 'โครงการ', 'รายละเอียดของกิจกรรม\nที่เกิดขึ้นจากโครงการ', 'งบประมาณ\n(บาท)', 'สถานที่\nดำเนินการ', 'หน่วยงาน\nรับผิดชอบหลัก'];
	head.forEach((h, i) => {
		ws.getCell(5, i + 1).value = h;
		ws.mergeCells(5, i + 1, 6, i + 1);
	});
	ws.getCell(5, 7).value = 'พ.ศ. ๒๕๖๘';
	ws.mergeCells(5, 7, 5, 9);
	ws.getCell(5, 10).value = 'พ.ศ. ๒๕๖๙';
	ws.mergeCells(5, 10, 5, 18);
	['ต.ค.68', 'พ.ย.68', 'ธ.ค.68', 'ม.ค.69', 'ก.พ.69', 'มี.ค.69', 'เม.ย.69', 'พ.ค.69', 'มิ.ย.69', 'ก.ค.69', 'ส.ค.69', 'ก.ย.69'].forEach(
		(m, i) => (ws.getCell(6, 7 + i).value = m)
	);
	const put = (r: number, cells: (string | number | null)[], months: number[] = []) => {
		cells.forEach((v, i) => (ws.getCell(r, i + 1).value = v));
		for (const k of months) ws.getCell(r, 7 + k).value = k % 2 ? 'x' : '←→';
	};
	// Row 7: a project before any strategy row → rejected.
	put(7, [1, 'โครงการหลงมาก่อนหัวข้อ', 'ทดสอบ', '10,000', 'หมู่ที่ 1', 'กองช่าง'], [3]);
	ws.mergeCells('A8:R8');
	ws.getCell('A8').value = '๑. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน';
	ws.mergeCells('A9:R9');
	ws.getCell('A9').value = '๑.๑ แผนงานอุตสาหกรรมและการโยธา';
	put(10, [1, 'โครงการก่อสร้างถนน คสล. หมู่ที่ ๓', 'กว้าง ๔ เมตร', '1,632,820', 'หมู่ที่ ๓', 'กองช่าง'], [3, 4, 5]);
	put(11, [2, 'โครงการวางท่อระบายน้ำ', 'ยาว 100 เมตร', ' 1,632,820.00 ', 'หมู่ที่ 2', 'กองช่าง'], [6]);
	put(12, [null, null, null, null, null, null]); // blank stub row
	put(13, [3, null, null, null, null, null]); // stub with only a number → rejected (no name)
	put(14, [4, 'โครงการซ่อมแซมถนนลูกรัง', '-', '-', 'ทุกหมู่บ้าน', 'กองช่าง'], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
	put(15, [5, 'โครงการงบผิด', 'ทดสอบ', 'ประมาณ 5 แสน', 'หมู่ที่ 1', 'กองช่าง'], [1]); // rejected: budget
	put(16, [6, 'โครงการไม่มีเดือน', 'ทดสอบ', '5,000', 'หมู่ที่ 1', 'กองช่าง']); // rejected: months
	ws.mergeCells('A17:R17');
	ws.getCell('A17').value = '๑.๒ แผนงานเคหะและชุมชน';
	put(18, [1, 'โครงการไฟฟ้าส่องสว่าง', 'ติดตั้งโคม ๒๐ ชุด', '๑๕๐,๐๐๐', 'หมู่ที่ ๕', 'กองช่าง'], [1, 2]);
	put(19, [null, 'รวม', null, '3,415,640', null, null]); // a total line: skipped, not an error
	put(20, [2, 'โครงการงบติดลบ', 'ทดสอบ', '-2,000', 'หมู่ที่ 1', 'กองช่าง'], [2]); // rejected: negative
	put(21, [3, 'โครงการงบทศนิยมเกิน', 'ทดสอบ', '1,000.555', 'หมู่ที่ 1', 'กองช่าง'], [2]); // rejected: 3 decimals
	const file = Buffer.from(await wb.xlsx.writeBuffer());
	return {
		file,
		accepted: [
			{ name: 'โครงการก่อสร้างถนน คสล. หมู่ที่ 3', satang: 163_282_000, months: [1, 2, 3] },
			{ name: 'โครงการวางท่อระบายน้ำ', satang: 163_282_000, months: [4] },
			{ name: 'โครงการซ่อมแซมถนนลูกรัง', satang: 0, months: [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
			{ name: 'โครงการไฟฟ้าส่องสว่าง', satang: 15_000_000, months: [11, 12] }
		],
		rejected: { 7: /ยุทธศาสตร์/, 13: /ต้องระบุชื่อโครงการ/, 15: /งบประมาณ/, 16: /เดือน/, 20: /ติดลบ/, 21: /ทศนิยม/ }
	};
}

/** A minimal ZIP writer (stored or deflated entries), for hostile containers. */
export function zip(entries: { name: string; data: Buffer; deflate?: boolean; encrypted?: boolean; claimSize?: number }[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
		const crc = zlib.crc32 ? zlib.crc32(e.data) : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(e.encrypted ? 1 : 0, 6);
		local.writeUInt16LE(e.deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc >>> 0, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(e.claimSize ?? e.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(e.encrypted ? 1 : 0, 8);
		central.writeUInt16LE(e.deflate ? 8 : 0, 10);
		central.writeUInt32LE(crc >>> 0, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(e.claimSize ?? e.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

/** A workbook-shaped ZIP whose sheet inflates to 100 MB of zeros (about 100 KB on disk). */
export function zipBomb(): Buffer {
	return zip([
		{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
		{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
		{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 * 1024 * 1024), deflate: true }
	]);
}

/** The first bytes of a password-protected .xlsx (an OLE compound file). */
export function encryptedWorkbook(): Buffer {
	const b = Buffer.alloc(4096);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
	Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1200);
	return b;
}
