/**
 * Group headings of a ผด.02 as people type them, and แผนงาน names against the catalogue.
 * A strategy heading comes as "ยุทธศาสตร์ที่ ๑ การพัฒนา…", "1. ยุทธศาสตร์…", "๑.  การพัฒนา…";
 * a แผนงาน as "1.1 แผนงานเคหะและชุมชน", "ผง.เคหะและชุมชน", "แผนงาน การศาสนา วัฒนธรรม…".
 * Names compare after normalisation (digits, spaces, ๆ, the word "แผนงาน"); a name a word or
 * a few letters away from a standard one is a near miss the person confirms, and a name far
 * from all is asked about — neither becomes a new แผนงาน without the person saying so.
 */
import type { PlanCatalogueEntry, Strategy } from '$lib/domain/plan/types';
import { toArabicDigits } from '$lib/domain/thai';

/** Comparison form: Arabic digits, no spaces, line breaks or zero-width spaces, lower case. */
export function squash(text: string): string {
	return toArabicDigits(text).replace(/[\s\u00a0\u200b]+/g, '').toLowerCase();
}

/** Leading numbering: "1.", "1.1", "(1)", "๑.๑ " (after Arabic digits); depth 0 when none. */
export function numbering(text: string): { depth: number; rest: string } {
	const m = /^\(?(\d+(?:\.\d+)*)\)?\.?(?=\s|$|[^\d.])\s*/.exec(text);
	if (!m) return { depth: 0, rest: text };
	return { depth: m[1].split('.').length, rest: text.slice(m[0].length).trim() };
}

/** แผนงาน comparison key: no numbering, no "แผนงาน"/"ผง.", no ๆ or punctuation. */
export function planKey(name: string): string {
	return squash(numbering(toArabicDigits(name).trim()).rest)
		.replace(/^ผง\.?/, 'แผนงาน')
		.replace(/^แผนงาน/, '')
		.replace(/[ๆ,、.\-–—:()]/g, '');
}

/** Strategy comparison key: no numbering, no "ยุทธศาสตร์ (ที่ n)". */
export function strategyKey(name: string): string {
	return squash(numbering(toArabicDigits(name).trim()).rest)
		.replace(/^ยุทธศาสตร์(ที่\d+)?[.:\-–]?/, '')
		.replace(/[,.\-–—:()]/g, '');
}

function distance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length];
}

function isSubsequence(short: string, long: string): boolean {
	let i = 0;
	for (const ch of long) if (ch === short[i]) i++;
	return i === short.length;
}

export type PlanMatch =
	| { kind: 'exact'; entry: PlanCatalogueEntry }
	| { kind: 'near'; entry: PlanCatalogueEntry }
	| { kind: 'unknown' };

/** The catalogue entry a แผนงาน name means: exactly, nearly (to confirm), or none. */
export function matchPlan(name: string, catalogue: readonly PlanCatalogueEntry[]): PlanMatch {
	const key = planKey(name);
	if (!key) return { kind: 'unknown' };
	const exact = catalogue.find((c) => planKey(c.name) === key);
	if (exact) return { kind: 'exact', entry: exact };
	let best: { entry: PlanCatalogueEntry; d: number } | null = null;
	for (const entry of catalogue) {
		const k = planKey(entry.name);
		// A missing word ("อุตสาหกรรมโยธา"): the shorter reads inside the longer in order, or a few letters off.
		const [short, long] = k.length <= key.length ? [k, key] : [key, k];
		const contained = short.length >= 4 && short.length >= long.length * 0.6 && isSubsequence(short, long);
		const d = contained ? Math.abs(k.length - key.length) / 4 : distance(key, k);
		const allowed = Math.max(2, Math.floor(Math.max(k.length, key.length) * 0.25));
		if ((contained || d <= allowed) && (!best || d < best.d)) best = { entry, d };
	}
	return best ? { kind: 'near', entry: best.entry } : { kind: 'unknown' };
}

export type Heading = { kind: 'strategy'; name: string } | { kind: 'plan'; name: string };

/**
 * What a one-text row is: a strategy heading, a แผนงาน heading, or neither. `text` is the
 * row's one distinct text.
 */
export function readHeading(text: string, catalogue: readonly PlanCatalogueEntry[]): Heading | null {
	const clean = toArabicDigits(text).replace(/[\s\u00a0]+/g, ' ').trim();
	const { depth, rest } = numbering(clean);
	const s = /^ยุทธศาสตร์\s*(?:ที่\s*(\d+))?\s*[.:\-–]?\s*(.*)$/.exec(rest);
	if (s) {
		const tail = s[2].trim();
		return { kind: 'strategy', name: tail ? (tail.startsWith('ยุทธศาสตร์') ? tail : `ยุทธศาสตร์${tail}`) : `ยุทธศาสตร์ที่ ${s[1] ?? ''}`.trim() };
	}
	if (/^(แผนงาน|ผง\.)/.test(rest)) return { kind: 'plan', name: rest.replace(/^ผง\.\s*/, 'แผนงาน').replace(/^แผนงาน\s+/, 'แผนงาน') };
	if (!rest) return null;
	if (matchPlan(rest, catalogue).kind === 'exact') return { kind: 'plan', name: rest };
	// "1.1 …" under a strategy is a แผนงาน; "1. …" alone is a strategy heading.
	if (depth >= 2) return { kind: 'plan', name: rest };
	// Named as the form names strategies: "ยุทธศาสตร์การพัฒนาด้าน…".
	if (depth === 1 && rest.length >= 6) return { kind: 'strategy', name: /^(การพัฒนา|ด้าน)/.test(rest) ? `ยุทธศาสตร์${rest}` : rest };
	return null;
}

/** The plan's strategy a heading means (by key), or the heading's own name for a new one. */
export function strategyName(name: string, strategies: readonly Strategy[]): { name: string; known: boolean } {
	const key = strategyKey(name);
	const found = strategies.find((s) => strategyKey(s.name) === key);
	return found ? { name: found.name, known: true } : { name, known: false };
}
