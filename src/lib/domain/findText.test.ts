import { describe, expect, it } from 'vitest';
import { findAll, replaceFound } from './findText';

describe('find', () => {
	it('matches Thai digits with Arabic ones and Latin letters in any case', () => {
		expect(findAll('ปีงบประมาณ ๒๕๖๙ และ 2569', '2569')).toEqual([11, 20]);
		expect(findAll('ระบบ CCTV และ cctv', 'Cctv')).toEqual([5, 14]);
	});
	it('finds non-overlapping occurrences, nothing for an empty query', () => {
		expect(findAll('ถนนถนนถนน', 'ถนนถนน')).toEqual([0]);
		expect(findAll('ถนน', '')).toEqual([]);
		expect(findAll('', 'ถนน')).toEqual([]);
	});
	it('treats the query as text, not as a pattern', () => {
		expect(findAll('ค่า (ก) และ ค่า .*', '.*')).toEqual([16]);
		expect(findAll('a+b', '+')).toEqual([1]);
	});
});

describe('replace', () => {
	it('replaces every occurrence, keeping the rest of the text as it was', () => {
		expect(replaceFound('หมู่ที่ ๑ และหมู่ที่ 1', 'หมู่ที่ 1', 'ม.1')).toEqual({ text: 'ม.1 และม.1', count: 2 });
	});
	it('replaces only the occurrence asked for', () => {
		expect(replaceFound('ถนน ถนน ถนน', 'ถนน', 'ทาง', 4)).toEqual({ text: 'ถนน ทาง ถนน', count: 1 });
		expect(replaceFound('ถนน', 'ถนน', 'ทาง', 2)).toEqual({ text: 'ถนน', count: 0 });
	});
	it('inserts a replacement containing markup or $ patterns as plain text', () => {
		expect(replaceFound('ก ข', 'ข', '<img src=x onerror=alert(1)> $& $1').text).toBe('ก <img src=x onerror=alert(1)> $& $1');
	});
});
