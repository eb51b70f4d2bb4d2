import { describe, expect, it } from 'vitest';
import { formatBeInput, parseBeDate } from './beDateInput';

describe('Buddhist-era date input', () => {
	it.each([
		['20/11/2569', '2026-11-20'],
		['20-11-2569', '2026-11-20'],
		['2569-11-20', '2026-11-20'],
		['๒๐/๑๑/๒๕๖๙', '2026-11-20'],
		['20 พ.ย. 2569', '2026-11-20'],
		['วันที่ 20 พฤศจิกายน พ.ศ. 2569', '2026-11-20'],
		['1/10/2568', '2025-10-01']
	])('reads %s as %s', (typed, iso) => {
		expect(parseBeDate(typed)).toEqual({ ok: true, iso });
	});

	it('refuses Gregorian or impossible years with their own reason, and impossible days', () => {
		expect(parseBeDate('2026-11-20')).toEqual({ ok: false, reason: 'badYear' });
		expect(parseBeDate('20/11/3112')).toEqual({ ok: false, reason: 'badYear' });
		expect(parseBeDate('30/2/2569')).toEqual({ ok: false, reason: 'badDate' });
		expect(parseBeDate('<script>')).toEqual({ ok: false, reason: 'badDate' });
		expect(parseBeDate('20 ธันวา 2569')).toEqual({ ok: false, reason: 'badDate' });
	});

	it('shows a stored date back in the Buddhist era', () => {
		expect(formatBeInput('2026-11-20')).toBe('20/11/2569');
		expect(formatBeInput(null)).toBe('');
	});
});
