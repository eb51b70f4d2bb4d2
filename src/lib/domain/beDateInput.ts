/**
 * Dates as Thai users type them: day, month and a Buddhist-era year ("20/11/2569",
 * "20-11-2569", "20 พ.ย. 2569", "๒๐ พฤศจิกายน ๒๕๖๙", or ISO order "2569-11-20"). Storage keeps
 * ISO Gregorian dates; only what people see and type is in the Buddhist era.
 */
import { THAI_MONTHS, THAI_MONTHS_SHORT, parseIsoDate, toArabicDigits, toBuddhistYear, toGregorianYear, toIsoDate } from './thai';

/** Buddhist-era years the forms accept: the plan's era, with room either side. */
export const BE_YEAR_MIN = 2500;
export const BE_YEAR_MAX = 2700;

export type BeDateParse = { ok: true; iso: string } | { ok: false; reason: 'badDate' | 'badYear' };

const monthNumber = (word: string): number | null => {
	const w = word.replace(/\s+/g, '');
	const full = THAI_MONTHS.findIndex((m) => m === w);
	if (full >= 0) return full + 1;
	const short = THAI_MONTHS_SHORT.findIndex((m) => m.replace(/\s+/g, '') === w || m.replace(/\./g, '') === w.replace(/\./g, ''));
	return short >= 0 ? short + 1 : null;
};

/** Reads a typed date; a year is read as Buddhist era and must lie in BE_YEAR_MIN–BE_YEAR_MAX. */
export function parseBeDate(input: string): BeDateParse {
	const text = toArabicDigits(input).trim().replace(/^วันที่\s*/, '').replace(/\s*พ\.?\s*ศ\.?\s*/, ' ');
	let day: number, month: number | null, year: number;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text))) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else if ((m = /^(\d{1,2})\s+(\S+(?:\s\S+)?)\s+(\d{4})$/.exec(text))) [day, month, year] = [Number(m[1]), monthNumber(m[2]), Number(m[3])];
	else return { ok: false, reason: 'badDate' };
	if (year < BE_YEAR_MIN || year > BE_YEAR_MAX) return { ok: false, reason: 'badYear' };
	if (!month) return { ok: false, reason: 'badDate' };
	const iso = toIsoDate({ year: toGregorianYear(year), month, day });
	return parseIsoDate(iso) ? { ok: true, iso } : { ok: false, reason: 'badDate' };
}

/** An ISO date as it is typed back into a form: "20/11/2569"; '' for none. */
export function formatBeInput(iso: string | null | undefined): string {
	const d = iso ? parseIsoDate(iso) : null;
	return d ? `${d.day}/${d.month}/${toBuddhistYear(d.year)}` : '';
}
