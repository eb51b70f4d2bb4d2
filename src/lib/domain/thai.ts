/**
 * Generic Thai formatting: digits, month names, Buddhist-era dates. Pure and isomorphic;
 * used by the plan renderer, exports and the budget parser.
 */

const THAI_ZERO = 0x0e50; // '๐'

/** Which digits to print. Plan text is stored with Arabic digits; rendering picks per part. */
export type Numerals = 'thai' | 'arabic';

/** Replaces 0–9 by ๐–๙; everything else is left untouched. */
export function toThaiDigits(input: string): string {
	return input.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
}

/** Replaces ๐–๙ by 0–9, so parsers and search only ever see Arabic digits. */
export function toArabicDigits(input: string): string {
	return input.replace(/[๐-๙]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/** Applies the numeral choice to an already formatted string. */
export function withNumerals(input: string, numerals: Numerals): string {
	return numerals === 'thai' ? toThaiDigits(input) : input;
}

/** Full month names, index 0 = January (calendar order, not fiscal order). */
export const THAI_MONTHS = [
	'มกราคม',
	'กุมภาพันธ์',
	'มีนาคม',
	'เมษายน',
	'พฤษภาคม',
	'มิถุนายน',
	'กรกฎาคม',
	'สิงหาคม',
	'กันยายน',
	'ตุลาคม',
	'พฤศจิกายน',
	'ธันวาคม'
] as const;

/** Abbreviations used in the month grid of ผด.02, index 0 = January. */
export const THAI_MONTHS_SHORT = [
	'ม.ค.',
	'ก.พ.',
	'มี.ค.',
	'เม.ย.',
	'พ.ค.',
	'มิ.ย.',
	'ก.ค.',
	'ส.ค.',
	'ก.ย.',
	'ต.ค.',
	'พ.ย.',
	'ธ.ค.'
] as const;

/** Offset between the Buddhist era and the Gregorian year. */
const BE_OFFSET = 543;

export function toGregorianYear(buddhistYear: number): number {
	return buddhistYear - BE_OFFSET;
}

export function toBuddhistYear(gregorianYear: number): number {
	return gregorianYear + BE_OFFSET;
}

/** A calendar date without time zone: what plan documents mean by a date. */
export interface CalendarDate {
	year: number; // Gregorian
	month: number; // 1–12
	day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads "2025-10-01" as a calendar date. Returns null for anything else, including
 * impossible dates such as 2025-02-30.
 */
export function parseIsoDate(iso: string): CalendarDate | null {
	const m = ISO_DATE.exec(iso);
	if (!m) return null;
	const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
	const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
	if (
		check.getUTCFullYear() !== date.year ||
		check.getUTCMonth() !== date.month - 1 ||
		check.getUTCDate() !== date.day
	) {
		return null;
	}
	return date;
}

/** Formats a calendar date as "2025-10-01". */
export function toIsoDate(date: CalendarDate): string {
	const pad = (n: number, w: number) => String(n).padStart(w, '0');
	return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Adds calendar days (negative allowed) to an ISO date; UTC arithmetic avoids DST surprises. */
export function addDaysIso(iso: string, days: number): string {
	const d = parseIsoDate(iso);
	if (!d) throw new RangeError(`not an ISO date: ${iso}`);
	const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
	return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

export interface ThaiDateOptions {
	/** Default 'thai' (๑ ตุลาคม ๒๕๖๘), as official prose uses. */
	numerals?: Numerals;
	/** 'full' month name (default) or the grid abbreviation (ต.ค.). */
	month?: 'full' | 'short';
	/** Prefix the year with "พ.ศ. " (e.g. "15 ตุลาคม พ.ศ. 2568"). Default false. */
	era?: boolean;
}

/**
 * Buddhist-era date as printed in Thai documents: "๑ ตุลาคม ๒๕๖๘".
 * A string must be an ISO date ("2025-10-01"); a Date is read in local time, because a
 * Date typed by a person means the day on their calendar.
 */
export function formatThaiDate(date: Date | string, options: ThaiDateOptions = {}): string {
	const cal = typeof date === 'string' ? parseIsoDate(date) : fromLocalDate(date);
	if (!cal) throw new RangeError(`not a date: ${String(date)}`);
	const months = options.month === 'short' ? THAI_MONTHS_SHORT : THAI_MONTHS;
	const era = options.era ? 'พ.ศ. ' : '';
	const text = `${cal.day} ${months[cal.month - 1]} ${era}${toBuddhistYear(cal.year)}`;
	return withNumerals(text, options.numerals ?? 'thai');
}

function fromLocalDate(date: Date): CalendarDate | null {
	if (Number.isNaN(date.getTime())) return null;
	return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Groups an unsigned run of digits with commas: "1500000" → "1,500,000". */
export function groupThousands(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
