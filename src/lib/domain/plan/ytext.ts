/**
 * Writing a whole new value into a Y.Text as the smallest edit (common prefix and suffix
 * kept), so two people changing different parts of one cell both keep their characters.
 * Replacing the whole text would make the later writer erase the earlier one.
 */
import type * as Y from 'yjs';

/** Replaces the content of `text` with `next` using one delete + one insert at most. */
export function replaceText(text: Y.Text, next: string): void {
	const prev = text.toString();
	if (prev === next) return;
	let start = 0;
	const max = Math.min(prev.length, next.length);
	while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	let end = 0;
	while (
		end < max - start &&
		prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
	) {
		end++;
	}
	// Never cut a surrogate pair in half.
	if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
	if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
	const removed = prev.length - start - end;
	const inserted = next.slice(start, next.length - end);
	if (text.doc) text.doc.transact(() => apply(text, start, removed, inserted));
	else apply(text, start, removed, inserted);
}

function apply(text: Y.Text, at: number, removed: number, inserted: string): void {
	if (removed > 0) text.delete(at, removed);
	if (inserted) text.insert(at, inserted);
}

function isHighSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}
