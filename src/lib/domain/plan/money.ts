/**
 * Money in the plan is an integer number of satang. Float baht only exist at the JSON
 * boundary (json.ts) and are converted here, exactly.
 */
import { groupThousands, toArabicDigits, withNumerals, type Numerals } from '../thai';
import type { Satang } from './types';

/** A Thai + English message, shown to the person who typed the value. */
export interface Message {
	th: string;
	en: string;
}

/** Largest budget accepted from a person: 999,999,999,999.99 baht (far above any LAO). */
export const MAX_BUDGET_SATANG: Satang = 99_999_999_999_999;

/**
 * Baht from JSON → satang. Returns null when the number is not finite or has more than
 * two decimals (so the caller can report it instead of rounding money silently).
 */
export function bahtToSatang(baht: number): Satang | null {
	if (!Number.isFinite(baht)) return null;
	const scaled = baht * 100;
	const satang = Math.round(scaled);
	// 1e-6 satang tolerance absorbs binary representation (e.g. 238613.38 * 100).
	if (Math.abs(scaled - satang) > 1e-6) return null;
	return satang === 0 ? 0 : satang; // no -0
}

/** Satang → baht as a JSON number; n / 100 is the double nearest the decimal value. */
export function satangToBaht(satang: Satang): number {
	return satang / 100;
}

/** "15903000.00": exact decimal baht with no grouping (machine-readable exports, tests). */
export function satangToDecimal(satang: Satang): string {
	assertSatang(satang);
	const sign = satang < 0 ? '-' : '';
	const abs = Math.abs(satang);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface FormatBahtOptions {
	/** 'auto' (default): ".xx" only when there are satang; 'always'; 'never' (rounds half-up). */
	decimals?: 'auto' | 'always' | 'never';
	/** Zero prints "-" by default, as in ผด.02 (§3, §8.3). */
	zero?: 'dash' | 'number';
	numerals?: Numerals;
}

/** "1,500,000", "238,613.38", "-" for zero; satang in, never a float. */
export function formatBaht(satang: Satang, options: FormatBahtOptions = {}): string {
	assertSatang(satang);
	const { decimals = 'auto', zero = 'dash', numerals = 'arabic' } = options;
	if (satang === 0 && zero === 'dash') return '-';
	const sign = satang < 0 ? '-' : '';
	let abs = Math.abs(satang);
	if (decimals === 'never') abs = Math.floor((abs + 50) / 100) * 100;
	const whole = groupThousands(String(Math.floor(abs / 100)));
	const cents = abs % 100;
	const showCents = decimals === 'always' || (decimals === 'auto' && cents !== 0);
	const text = sign + whole + (showCents ? '.' + String(cents).padStart(2, '0') : '');
	return withNumerals(text, numerals);
}

export type ParseBudgetResult = { ok: true; satang: Satang } | { ok: false; reason: Message };

const DASHES = /^[-–—−]$/;
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads a budget typed by a person: "1,500,000", " 1,500,000.00 ", Thai digits
 * ("๑,๕๐๐,๐๐๐"), an optional "บาท" suffix, and "-" for none (zero, as printed).
 * Rejects anything else with a reason in Thai and English.
 */
export function parseBudget(input: string): ParseBudgetResult {
	let text = toArabicDigits(input).replace(/[\s\u00a0]+/g, ' ').trim();
	text = text.replace(/\s*บาท$/, '').trim();
	if (text === '') return fail('กรุณากรอกงบประมาณ หรือใส่ "-" หากไม่มี', 'Enter a budget, or "-" for none');
	if (DASHES.test(text)) return { ok: true, satang: 0 };
	if (/^[-–—−]\s*\d/.test(text)) return fail('งบประมาณต้องไม่ติดลบ', 'The budget cannot be negative');
	const m = AMOUNT.exec(text);
	if (!m) {
		if (/^[\d,]+(\.\d+)?$/.test(text)) {
			return fail('ตำแหน่งเครื่องหมายจุลภาคไม่ถูกต้อง', 'Misplaced thousands separator');
		}
		return fail('งบประมาณต้องเป็นตัวเลข เช่น 1,500,000', 'The budget must be a number, e.g. 1,500,000');
	}
	const fraction = m[2] ?? '';
	if (fraction.length > 2) {
		return fail('งบประมาณมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง', 'At most two decimal places (satang)');
	}
	const wholeDigits = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
	if (wholeDigits.length > 12) return tooLarge();
	const satang = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, '0'));
	if (satang > MAX_BUDGET_SATANG) return tooLarge();
	return { ok: true, satang };
}

function tooLarge(): ParseBudgetResult {
	return fail('งบประมาณสูงเกินกว่าที่ระบบรองรับ', 'The budget is too large');
}

function fail(th: string, en: string): ParseBudgetResult {
	return { ok: false, reason: { th, en } };
}

function assertSatang(satang: number): void {
	if (!Number.isSafeInteger(satang)) throw new RangeError(`satang must be a safe integer: ${satang}`);
}
