/**
 * Find and replace as Thai users expect it: Latin letters match in any case and Thai digits
 * match Arabic ones (๒๕๖๙ finds 2569), because the same plan mixes both. Folding keeps every
 * character in place, so a match's offsets are offsets in the original text.
 */
import { toArabicDigits } from './thai';

/** The text as compared: one character for one character. */
export function foldForFind(text: string): string {
	return toArabicDigits(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Start offsets of every non-overlapping occurrence of `needle` in `haystack`. */
export function findAll(haystack: string, needle: string): number[] {
	const wanted = foldForFind(needle);
	if (!wanted) return [];
	const text = foldForFind(haystack);
	const starts: number[] = [];
	for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length)) starts.push(at);
	return starts;
}

/** `haystack` with every occurrence of `needle` replaced (or only the one starting at `only`). */
export function replaceFound(haystack: string, needle: string, replacement: string, only?: number): { text: string; count: number } {
	const starts = findAll(haystack, needle).filter((s) => only === undefined || s === only);
	let text = haystack;
	for (const start of [...starts].reverse()) text = text.slice(0, start) + replacement + text.slice(start + needle.length);
	return { text, count: starts.length };
}
