/** A ผด.02 as LAOs really keep it, read row by row. */
import { describe, expect, it } from 'vitest';
import { readGrids } from './files';
import { previewImport, type ImportTarget } from './projectTable';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import { commonLayoutWorkbook } from '../../../../tests/import/workbooks';

const target: ImportTarget = {
	strategies: [
		{ id: 'S1', name: 'ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', guidelines: [] },
		{ id: 'S2', name: 'ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต', guidelines: [] }
	],
	catalogue: [...STANDARD_PLAN_CATALOGUE],
	departments: ['สำนักปลัด', 'กอง ช่าง']
};

async function preview(options = {}) {
	const grids = await readGrids('xlsx', await commonLayoutWorkbook());
	return previewImport(grids, target, options);
}

describe('a ผด.02 in the common layout', () => {
	it('reads months marked by shading, patterned fills, merged text marks, drawn arrows and bars, and text marks', async () => {
		const p = await preview();
		expect(p.problem).toBeNull();
		expect(p.headerRow).toBe(3);
		const months = Object.fromEntries(p.projects.map((r) => [r.rowNo, r.activeMonths]));
		expect(months[7]).toEqual([10, 11, 12]); // solid fill
		expect(months[8]).toEqual([1, 2]); // pattern fill in a tinted theme colour; the white one is not a mark
		expect(months[9]).toEqual([1, 2, 3]); // ←→ merged across Jan–Mar
		expect(months[10]).toEqual([4, 5, 6]); // arrow from Apr to Jul's left edge
		expect(months[11]).toEqual([7, 8, 9]); // bar over Jul–Sep
		expect(months[12]).toEqual([10, 12, 1, 2]); // ✓ • − ม.ค., in fiscal order
		expect(months[30]).toEqual([4]); // x; a formula cell without a value marks nothing
	});

	it('keeps cells faithfully: line breaks, units broken across lines, formulas, Thai digits and NBSP, satang', async () => {
		const p = await preview();
		const row = (n: number) => p.projects.find((r) => r.rowNo === n)!;
		expect(row(7)).toMatchObject({
			name: 'โครงการก่อสร้างถนน คสล. หมู่ที่ 3',
			activityDetail: 'ผิวจราจรกว้าง 4 เมตร\nยาว 180 เมตร',
			budget: 163_282_000,
			location: 'หมู่ที่ 3',
			responsibleUnit: 'กอง ช่าง'
		});
		expect(row(8).budget).toBe(25_000_050); // a number cell with satang, exact
		expect(row(9).budget).toBe(15_000_000); // the formula's cached value
		expect(row(10).budget).toBe(4_500_075); // "\u00a0๔๕,๐๐๐.๗๕\u00a0"
	});

	it('skips subtotals, the header repeated at the page break, notes and blanks apart from errors, and checks the totals', async () => {
		const p = await preview();
		expect(p.skipped.map((s) => [s.rowNo, s.why])).toEqual([
			[13, 'subtotal'],
			[14, 'header'],
			[15, 'header'],
			[16, 'header'],
			[17, 'header'],
			[21, 'subtotal'],
			[28, 'blank'],
			[29, 'note'],
			[31, 'subtotal']
		]);
		const warnings = Object.fromEntries(p.warnings.map((w) => [w.rowNo, w.message.th]));
		expect(warnings[21]).toMatch(/ยอดรวมในแถวนี้ \(170,000 บาท\) ไม่ตรง.*160,000/);
		expect(warnings[13]).toBeUndefined();
		expect(warnings[31]).toBeUndefined();
		expect(warnings[20]).toMatch(/ซ้ำกับแถวที่ 19/);
		expect(p.warnings.map((w) => w.rowNo)).toEqual([20, 21]);
	});

	it('rejects only real errors, with every reason in Thai and English', async () => {
		const p = await preview();
		const reasons = Object.fromEntries(p.rejected.map((r) => [r.rowNo, r.reasons]));
		expect(Object.keys(reasons).map(Number)).toEqual([24, 25, 26, 27]);
		expect(reasons[24][0].th).toMatch(/สูตร.*#REF!/);
		expect(reasons[24][0].en).toMatch(/#REF!/);
		expect(reasons[25].map((r) => r.th).join()).toMatch(/เดือนต้องอยู่ระหว่าง 1–12/);
		expect(reasons[26].map((r) => r.th)).toEqual([expect.stringMatching(/ติดลบ/), expect.stringMatching(/หน่วยงานรับผิดชอบ/)]);
		expect(reasons[26].map((r) => r.en)).toEqual([expect.stringMatching(/negative/), expect.stringMatching(/responsible unit/)]);
		expect(reasons[27][0].th).toMatch(/ทศนิยมได้ไม่เกิน 2 ตำแหน่ง/);
	});

	it('matches headings in their usual forms and asks about near misses and unknown แผนงาน', async () => {
		const p = await preview();
		expect(p.groups.map((g) => [g.strategyName, g.planName, g.planCode, g.isNewStrategy])).toEqual([
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', '00310', false],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมโยธา', null, false],
			['ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต', 'แผนงานพัฒนาหมู่บ้านอัจฉริยะ', null, false]
		]);
		expect(p.questions.map((q) => [q.text, q.match, q.suggestion?.code ?? null, q.choice])).toEqual([
			['แผนงานอุตสาหกรรมโยธา', 'near', '00310', null],
			['แผนงานพัฒนาหมู่บ้านอัจฉริยะ', 'unknown', null, null]
		]);
		const answered = await preview({ planChoices: { แผนงานอุตสาหกรรมโยธา: '00310', แผนงานพัฒนาหมู่บ้านอัจฉริยะ: 'new' } });
		expect(answered.questions.map((q) => q.choice)).toEqual(['00310', 'new']);
		expect(answered.projects.filter((r) => r.rowNo === 19 || r.rowNo === 20).map((r) => r.planCode)).toEqual(['00310', '00310']);
		expect(answered.projects.find((r) => r.rowNo === 30)!.planName).toBe('แผนงานพัฒนาหมู่บ้านอัจฉริยะ');
	});

	it('accepts every valid project row', async () => {
		const p = await preview();
		expect(p.projects.map((r) => r.rowNo)).toEqual([7, 8, 9, 10, 11, 12, 19, 20, 30]);
	});

	it('marks a row own when its unit is one of the departments, whitespace and line breaks ignored', async () => {
		const p = await preview();
		expect(p.projects.filter((r) => !r.own).map((r) => [r.rowNo, r.responsibleUnit])).toEqual([[11, 'สำนักงานทางหลวง ชนบทจังหวัด']]);
		expect(p.projects.find((r) => r.rowNo === 7)).toMatchObject({ responsibleUnit: 'กอง ช่าง', own: true });
		// Without a department list nothing can be told apart: every row is own.
		const none = previewImport(await readGrids('xlsx', await commonLayoutWorkbook()), { ...target, departments: [] });
		expect(none.projects.every((r) => r.own)).toBe(true);
	});
});
