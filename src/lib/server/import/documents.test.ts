/** Documents that are not a ผด.02 are named, and the other shapes a ผด.02 arrives in are read. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ImportRefusal, readUpload } from './files';
import { previewWorkbook, type ImportTarget } from './projectTable';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import { formHeader, heading, project, shade } from '../../../../tests/import/workbooks';

const target: ImportTarget = { strategies: [], catalogue: [...STANDARD_PLAN_CATALOGUE] };

async function refusalOf(name: string, bytes: Uint8Array): Promise<ImportRefusal> {
	try {
		await readUpload(name, bytes);
	} catch (e) {
		if (e instanceof ImportRefusal) return e;
		throw e;
	}
	throw new Error('not refused');
}

const book = async (fill: (wb: ExcelJS.Workbook) => void) => {
	const wb = new ExcelJS.Workbook();
	fill(wb);
	return new Uint8Array(await wb.xlsx.writeBuffer());
};

/** windows-874: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
function windows874(text: string): Buffer {
	return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x0e01 + 0xa1)));
}

describe('other documents get their own message', () => {
	it('a procurement plan (แบบ ผด.2 แผนการจัดหาพัสดุ)', async () => {
		const bytes = await book((wb) => {
			const ws = wb.addWorksheet('ผด.2');
			ws.addRow(['แบบ ผด.2']);
			ws.addRow(['แผนการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. 2569']);
			ws.addRow(['ที่', 'งาน/โครงการ', 'วงเงินงบประมาณ (บาท)', 'วิธีจัดหา', 'กำหนดส่งมอบ (ภายในวัน)', 'หน่วยงานรับผิดชอบ']);
			ws.addRow([1, 'จัดซื้อวัสดุสำนักงาน', 20000, 'เฉพาะเจาะจง', 30, 'สำนักปลัด']);
		});
		const p = previewWorkbook(await readUpload('ผด2.xlsx', bytes), target);
		expect(p.problem?.th).toMatch(/แผนการจัดหาพัสดุ/);
		expect(p.problem?.en).toMatch(/procurement plan/);
	});
	it('a budget ordinance', async () => {
		const bytes = await book((wb) => {
			const ws = wb.addWorksheet('รายจ่าย');
			ws.addRow(['เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569']);
			ws.addRow(['รายจ่ายจำแนกตามแผนงาน']);
			ws.addRow(['แผนงาน', 'งบกลาง', 'งบบุคลากร', 'งบดำเนินงาน', 'รวม']);
			ws.addRow(['แผนงานบริหารงานทั่วไป', 0, 12000000, 3000000, 15000000]);
		});
		const p = previewWorkbook(await readUpload('budget.xlsx', bytes), target);
		expect(p.problem?.th).toMatch(/เทศบัญญัติ\/ข้อบัญญัติงบประมาณรายจ่าย/);
		expect(p.problem?.en).toMatch(/budget ordinance/);
	});
	it('a text file renamed .xlsx', async () => {
		const r = await refusalOf('plan.xlsx', Buffer.from('ที่,โครงการ,งบประมาณ\n1,ถนน,100\n'));
		expect(r.th).toMatch(/ไม่ใช่สมุดงาน Excel .*เปลี่ยนนามสกุล/);
		expect(r.en).toMatch(/renamed/);
	});
	it('an empty workbook', async () => {
		const r = await refusalOf('empty.xlsx', await book((wb) => void wb.addWorksheet('Sheet1')));
		expect(r.th).toMatch(/สมุดงานนี้ว่างเปล่า/);
		expect(r.en).toMatch(/empty/);
	});
	it('a workbook without a ผด.02 table', async () => {
		const bytes = await book((wb) => wb.addWorksheet('x').addRow(['รายชื่อผู้เข้าร่วมประชุม']));
		const p = previewWorkbook(await readUpload('x.xlsx', bytes), target);
		expect(p.problem?.th).toMatch(/ไม่พบแถวหัวตารางของ ผด.02/);
	});
});

describe('the shapes a ผด.02 arrives in', () => {
	it('reads ผด.02 and ผด.02/1 (equipment) from one workbook in one import', async () => {
		const bytes = await book((wb) => {
			const ws = wb.addWorksheet('ผด.02');
			let r = formHeader(ws, 1);
			heading(ws, r++, 'ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน');
			heading(ws, r++, '1.1 แผนงานเคหะและชุมชน');
			project(ws, r, [1, 'โครงการไฟฟ้าส่องสว่าง', 'โคม 20 ชุด', '150,000', 'หมู่ที่ 5', 'กองช่าง']);
			shade(ws, r, [1, 2]);
			const eq = wb.addWorksheet('ผด.02-1');
			eq.addRow(['แบบ ผด.02/1']);
			eq.addRow(['ที่', 'แผนงาน', 'หมวด', 'ประเภท', 'ครุภัณฑ์', 'รายละเอียดของครุภัณฑ์', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก', ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']]);
			eq.addRow([1, 'แผนงานบริหารงานทั่วไป', 'ค่าครุภัณฑ์', 'ครุภัณฑ์สำนักงาน', 'เครื่องปรับอากาศ', 'ขนาด 24,000 BTU\nจำนวน 2 เครื่อง', '56,000', 'สำนักงาน', 'สำนัก\nปลัด']);
			eq.getCell(3, 10 + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
		});
		const p = previewWorkbook(await readUpload('plan.xlsx', bytes), target);
		expect(p.problem).toBeNull();
		expect(p.parts?.map((x) => [p.sheets[x.sheet], x.kind])).toEqual([
			['ผด.02', 'projects'],
			['ผด.02-1', 'equipment']
		]);
		expect(p.projects.map((r) => [r.sheet, r.rowNo, r.name, r.planCode, r.activeMonths])).toEqual([['ผด.02', 7, 'โครงการไฟฟ้าส่องสว่าง', '00240', [11, 12]]]);
		expect(p.equipment.map((r) => [r.sheet, r.rowNo, r.item, r.planCode, r.detail, r.budget, r.responsibleUnit, r.activeMonths])).toEqual([
			['ผด.02-1', 3, 'เครื่องปรับอากาศ', '00110', 'ขนาด 24,000 BTU\nจำนวน 2 เครื่อง', 5_600_000, 'สำนัก ปลัด', [1]]
		]);
		expect(p.totalBudget).toBe(15_000_000 + 5_600_000);
	});

	it('with both sheets read together, each sheet keeps its own column mapping', async () => {
		const bytes = await book((wb) => {
			const ws = wb.addWorksheet('ผด.02');
			let r = formHeader(ws, 1);
			heading(ws, r++, 'ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน');
			heading(ws, r++, '1.1 แผนงานเคหะและชุมชน');
			project(ws, r, [1, 'โครงการไฟฟ้าส่องสว่าง', 'โคม 20 ชุด', '150,000', 'หมู่ที่ 5', 'กองช่าง']);
			shade(ws, r, [1, 2]);
			const eq = wb.addWorksheet('ผด.02-1');
			eq.addRow(['ที่', 'แผนงาน', 'หมวด', 'ประเภท', 'ครุภัณฑ์', 'รายละเอียดของครุภัณฑ์', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก', ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']]);
			eq.addRow([1, 'แผนงานบริหารงานทั่วไป', 'ค่าครุภัณฑ์', 'ครุภัณฑ์สำนักงาน', 'เครื่องปรับอากาศ', 'ขนาด 24,000 BTU', '56,000', 'สำนักงาน', 'สำนักปลัด', 'x']);
		});
		const grids = await readUpload('plan.xlsx', bytes);
		const first = previewWorkbook(grids, target);
		const [projects, equipment] = first.parts!;
		expect(equipment.mapping.fields).toMatchObject({ item: 4, location: 7, unit: 8 });
		expect(projects.columns[1]).toBe('โครงการ');
		// Swap location and unit in the equipment sheet only: the projects sheet reads as before.
		const swapped = { ...equipment.mapping, fields: { ...equipment.mapping.fields, location: 8, unit: 7 } };
		const p = previewWorkbook(grids, target, { sheetMappings: { [equipment.sheet]: swapped } });
		expect(p.parts?.length).toBe(2);
		expect(p.equipment.map((e) => [e.location, e.responsibleUnit])).toEqual([['สำนักปลัด', 'สำนักงาน']]);
		expect(p.projects.map((r) => [r.location, r.responsibleUnit])).toEqual([['หมู่ที่ 5', 'กองช่าง']]);
		expect(p.parts?.[1].mapping.fields.unit).toBe(7);
	});

	it('maps ยุทธศาสตร์ and แผนงาน columns of a flat CSV in windows-874 (TIS-620)', async () => {
		const months = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];
		const csv = [
			['ยุทธศาสตร์', 'แผนงาน', 'โครงการ', 'รายละเอียด', 'งบประมาณ', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก', ...months].join(','),
			['ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการถนน', 'ยาว 100 เมตร', '"1,000,000"', 'หมู่ที่ 1', 'กองช่าง', 'x', 'x', '', '', '', '', '', '', '', '', '', ''].join(','),
			['2. การพัฒนาด้านการศึกษา', 'การศึกษา', 'โครงการอาหารกลางวัน', 'นักเรียน 120 คน', '"๔๕๐,๐๐๐.๕๐"', 'โรงเรียน', 'กองการศึกษา', '', '', '', '✓', '', '', '', '', '', '', '', ''].join(',')
		].join('\r\n');
		const p = previewWorkbook(await readUpload('projects.csv', windows874(csv)), target);
		expect(p.rejected).toEqual([]);
		expect(p.projects.map((r) => [r.rowNo, r.strategyName, r.planName, r.planCode, r.name, r.budget, r.activeMonths])).toEqual([
			[2, 'ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', '00310', 'โครงการถนน', 100_000_000, [10, 11]],
			[3, 'ยุทธศาสตร์การพัฒนาด้านการศึกษา', 'แผนงานการศึกษา', '00210', 'โครงการอาหารกลางวัน', 45_000_050, [1]]
		]);
	});

	it('reads the same flat file in UTF-8', async () => {
		const csv = '\uFEFFยุทธศาสตร์,แผนงาน,โครงการ,งบประมาณ,หน่วยงานรับผิดชอบหลัก,สถานที่ดำเนินการ,ต.ค.,พ.ย.,ธ.ค.,ม.ค.,ก.พ.,มี.ค.,เม.ย.,พ.ค.,มิ.ย.,ก.ค.,ส.ค.,ก.ย.\nยุทธศาสตร์การพัฒนาด้านสังคม,แผนงานสังคมสงเคราะห์,โครงการเบี้ยยังชีพ,"12,000",สำนักปลัด,ตำบล,,,,,,,,,,,,x\n';
		const p = previewWorkbook(await readUpload('p.csv', Buffer.from(csv)), target);
		expect(p.projects.map((r) => [r.strategyName, r.planCode, r.budget, r.activeMonths])).toEqual([['ยุทธศาสตร์การพัฒนาด้านสังคม', '00230', 1_200_000, [9]]]);
	});
});
