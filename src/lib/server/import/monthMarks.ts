/**
 * Which months a row marks, the ways people mark them in the twelve month columns (fiscal
 * order ต.ค. … ก.ย.): a shaded cell, a drawn arrow or line (both arrive as grid marks from
 * files.ts), a merged cell across months (every covered column reads the master), or a text
 * mark — ✓, x, •, −, ←→, the month's name. A number in a month cell is read as a month
 * number: 1–12 marks the column, anything else (13) goes to the validation as it is, which
 * names it out of range.
 */
import { FISCAL_MONTHS, type Month } from '$lib/domain/plan/types';
import { THAI_MONTHS, THAI_MONTHS_SHORT, toArabicDigits } from '$lib/domain/thai';
import { squash } from './headings';

const MONTH_KEYS: string[][] = FISCAL_MONTHS.map((m) => [squash(THAI_MONTHS_SHORT[m - 1]), squash(THAI_MONTHS[m - 1])]);

/** Fiscal index (0 = ต.ค.) of a month header such as "ต.ค.", "ต.ค. 68", "ตุลาคม", else -1. */
export function monthIndex(header: string): number {
	const s = squash(header).replace(/\d+$/, '');
	return MONTH_KEYS.findIndex((keys) => keys.some((k) => s === k || s === k.replace(/\.$/, '') || (k.length > 4 && s.startsWith(k))));
}

/** Set of "row:col" keys of marked cells, for constant-time lookups. */
export function markSet(marks: readonly (readonly [number, number])[] | undefined): Set<string> {
	return new Set((marks ?? []).map(([r, c]) => `${r}:${c}`));
}

/**
 * Month numbers a row marks, in fiscal order; out-of-range numbers typed in a month cell
 * are kept (after the marked months) for the validation to name.
 */
export function rowMonths(row: readonly string[], rowIndex: number, monthCols: readonly (number | null)[], marks: Set<string>): number[] {
	const months: number[] = [];
	const odd: number[] = [];
	monthCols.forEach((col, k) => {
		if (col === null) return;
		const text = toArabicDigits(row[col] ?? '').replace(/[\s\u00a0\u200b]+/g, '');
		const n = /^\d+$/.test(text) ? Number(text) : null;
		if (n !== null && (n < 1 || n > 12)) odd.push(n);
		else if (text !== '' || marks.has(`${rowIndex}:${col}`)) months.push(FISCAL_MONTHS[k] as Month);
	});
	return [...months, ...odd];
}
