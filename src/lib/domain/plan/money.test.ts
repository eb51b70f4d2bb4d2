import { describe, expect, it } from 'vitest';
import { bahtToSatang, formatBaht, parseBudget, satangToDecimal } from './money';

describe('parseBudget', () => {
	const ok: [string, number][] = [
		['1,500,000', 150_000_000],
		[' 1,500,000.00 ', 150_000_000],
		['1500000', 150_000_000],
		['๑,๕๐๐,๐๐๐', 150_000_000],
		['๒๓๘,๖๑๓.๓๘', 23_861_338],
		['238613.38', 23_861_338],
		['0.5', 50],
		['-', 0],
		[' – ', 0],
		['0', 0],
		['12,000 บาท', 1_200_000]
	];
	it.each(ok)('reads %j', (input, satang) => {
		expect(parseBudget(input)).toEqual({ ok: true, satang });
	});

	const bad: [string, string][] = [
		['', 'Enter a budget'],
		['   ', 'Enter a budget'],
		['abc', 'must be a number'],
		['1,50,000', 'separator'],
		['1,500,00', 'separator'],
		['1.2.3', 'must be a number'],
		['1,500.555', 'two decimal'],
		['-500', 'negative'],
		['12e5', 'must be a number'],
		['9999999999999', 'too large']
	];
	it.each(bad)('rejects %j with a Thai and English reason', (input, en) => {
		const r = parseBudget(input);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.reason.en).toContain(en);
			expect(r.reason.th).toMatch(/[ก-๙]/);
		}
	});
});

describe('formatBaht', () => {
	it('groups thousands and prints zero as "-"', () => {
		expect(formatBaht(1_020_000_000)).toBe('10,200,000');
		expect(formatBaht(0)).toBe('-');
		expect(formatBaht(0, { zero: 'number' })).toBe('0');
	});

	it('shows satang only when present, unless asked', () => {
		expect(formatBaht(23_861_338)).toBe('238,613.38');
		expect(formatBaht(150_000_000, { decimals: 'always' })).toBe('1,500,000.00');
		expect(formatBaht(23_861_350, { decimals: 'never' })).toBe('238,614');
		expect(formatBaht(150_000_000, { numerals: 'thai' })).toBe('๑,๕๐๐,๐๐๐');
	});

	it('refuses float money', () => {
		expect(() => formatBaht(1.5)).toThrow(RangeError);
	});
});

describe('baht ↔ satang', () => {
	it('is exact for two decimals and refuses more', () => {
		expect(bahtToSatang(238613.38)).toBe(23_861_338);
		expect(bahtToSatang(0.1 + 0.2)).toBe(30);
		expect(bahtToSatang(1.005)).toBeNull();
		expect(satangToDecimal(1_590_300_000)).toBe('15903000.00');
	});
});
