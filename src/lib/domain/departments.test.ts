import { describe, expect, it } from 'vitest';
import { cleanDepartmentName, departmentKey } from './departments';

describe('department names', () => {
	it('match whatever whitespace a plan puts in a responsible unit', () => {
		expect(departmentKey('กอง ช่าง')).toBe(departmentKey('กองช่าง'));
		expect(departmentKey(' กองช่าง\u200b\t')).toBe(departmentKey('กองช่าง'));
		expect(departmentKey('กองช่าง')).not.toBe(departmentKey('กองคลัง'));
	});

	it('are kept as typed, with runs of whitespace folded', () => {
		expect(cleanDepartmentName('  สำนัก   ปลัด\n')).toBe('สำนัก ปลัด');
	});
});
