import { describe, expect, it } from 'vitest';
import { addDaysIso, formatThaiDate, parseIsoDate, toArabicDigits, toBuddhistYear, toThaiDigits } from './thai';

describe('digits', () => {
	it('converts both ways and leaves other text alone', () => {
		expect(toThaiDigits('หมู่ที่ 3 ปี 2569')).toBe('หมู่ที่ ๓ ปี ๒๕๖๙');
		expect(toArabicDigits('๑,๕๐๐,๐๐๐.๒๕ บาท')).toBe('1,500,000.25 บาท');
		expect(toArabicDigits(toThaiDigits('0123456789'))).toBe('0123456789');
	});
});

describe('formatThaiDate', () => {
	it('prints a Buddhist-era date with Thai digits by default', () => {
		expect(formatThaiDate('2025-10-01')).toBe('๑ ตุลาคม ๒๕๖๘');
	});

	it('has an Arabic-digit, era and abbreviated variant', () => {
		expect(formatThaiDate('2025-10-15', { numerals: 'arabic', era: true })).toBe('15 ตุลาคม พ.ศ. 2568');
		expect(formatThaiDate('2026-09-30', { numerals: 'arabic', month: 'short' })).toBe('30 ก.ย. 2569');
	});

	it('reads a Date on the local calendar', () => {
		expect(formatThaiDate(new Date(2025, 9, 1), { numerals: 'arabic' })).toBe('1 ตุลาคม 2568');
	});

	it('rejects impossible dates', () => {
		expect(parseIsoDate('2025-02-30')).toBeNull();
		expect(() => formatThaiDate('2025-13-01')).toThrow(RangeError);
	});
});

describe('calendar helpers', () => {
	it('adds days across months and years', () => {
		expect(addDaysIso('2025-09-22', 30)).toBe('2025-10-22');
		expect(addDaysIso('2025-12-15', 30)).toBe('2026-01-14');
		expect(toBuddhistYear(2025)).toBe(2568);
	});
});
