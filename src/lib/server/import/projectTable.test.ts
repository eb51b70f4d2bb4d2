import { describe, expect, it } from 'vitest';
import { readGrids } from './files';
import { findHeader, monthIndex, previewImport, type ImportTarget } from './projectTable';
import { STANDARD_PLAN_CATALOGUE } from '$lib/domain/plan/catalogue';
import { messyWorkbook } from '../../../../tests/export/fixtures';

const target: ImportTarget = { strategies: [], catalogue: [...STANDARD_PLAN_CATALOGUE] };

describe('header recognition', () => {
	it('reads month headers in every usual spelling', () => {
		expect(monthIndex('ต.ค.')).toBe(0);
		expect(monthIndex('ต.ค. 68')).toBe(0);
		expect(monthIndex('ต.ค.๖๘')).toBe(0);
		expect(monthIndex('มกราคม')).toBe(3);
		expect(monthIndex('ก.ย.')).toBe(11);
		expect(monthIndex('โครงการ')).toBe(-1);
	});
	it('finds the ผด.02 header by its column names, not by the form code', () => {
		const rows = [['แบบ ผด.02'], ['อะไรก็ได้'], ['ที่', 'โครงการ', 'รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ', 'งบประมาณ (บาท)', 'สถานที่ดำเนินการ', 'หน่วยงานรับผิดชอบหลัก']];
		expect(findHeader(rows).index).toBe(2);
	});
	it('does not take the procurement plan (แบบ ผด.2) for ผด.02', () => {
		const rows = [['แบบ ผด.2'], ['ที่', 'งาน/โครงการ', 'วงเงินงบประมาณ (บาท)', 'วิธีจัดหา', 'กำหนดส่งมอบ', 'หน่วยงานรับผิดชอบ']];
		const p = previewImport([{ name: 'ผด.2', rows }], target);
		expect(p.problem?.th).toMatch(/จัดหาพัสดุ/);
		expect(p.projects).toEqual([]);
	});
});

describe('a messy workbook', () => {
	it('imports the good rows and names every bad row with a Thai reason', async () => {
		const { file, accepted, rejected } = await messyWorkbook();
		const grids = await readGrids('xlsx', file);
		const p = previewImport(grids, target);
		expect(p.problem).toBeNull();
		expect(p.sheets[p.sheet]).toBe('ผด02 (แก้ไข)');
		expect(p.headerRow).toBe(5);
		expect(p.projects.map((r) => ({ name: r.name, satang: r.budget, months: r.activeMonths }))).toEqual(accepted);
		expect(p.projects.map((r) => r.planCode)).toEqual(['00310', '00310', '00310', '00240']);
		expect(p.projects[0].strategyName).toBe('ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน');
		expect(Object.fromEntries(p.rejected.map((r) => [r.rowNo, r.reasons.map((x) => x.th).join(' / ')]))).toEqual(
			Object.fromEntries(Object.entries(rejected).map(([k, re]) => [Number(k), expect.stringMatching(re)]))
		);
	});
	it('follows a changed mapping', async () => {
		const { file } = await messyWorkbook();
		const grids = await readGrids('xlsx', file);
		const first = previewImport(grids, target);
		const swapped = previewImport(grids, target, {
			sheet: first.sheet,
			mapping: { ...first.mapping, fields: { ...first.mapping.fields, location: first.mapping.fields.unit, unit: first.mapping.fields.location } }
		});
		expect(swapped.projects[0].location).toBe('กองช่าง');
		expect(swapped.projects[0].responsibleUnit).toBe('หมู่ที่ 3');
	});
});
