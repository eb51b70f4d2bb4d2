/**
 * Review comments: what a thread can be anchored to, what a comment body may contain, and how
 * it is shown. Shared by the server (validation) and the browser (rendering, anchors).
 */

export const MAX_COMMENT_LENGTH = 4000;
/** Quotes keep the anchored text for when the anchor is deleted; long ones are cut. */
export const MAX_QUOTE_LENGTH = 500;

export type TableName = 'projects' | 'equipment';

/**
 * Where a thread points. Text anchors carry Yjs relative positions (JSON from
 * Y.relativePositionToJSON) so they move with the text as others type.
 */
export type CommentAnchor =
	| { kind: 'plan' }
	| { kind: 'row'; table: TableName; rowId: string }
	| { kind: 'cell'; table: TableName; rowId: string; field: string }
	| { kind: 'text'; sectionId: string; start: unknown; end: unknown };

const ID = /^[A-Za-z0-9_.:-]{1,80}$/;
const FIELD = /^[A-Za-z0-9_.-]{1,40}$/;

function isRelativePositionJson(value: unknown): boolean {
	if (!value || typeof value !== 'object') return false;
	const json = JSON.stringify(value);
	return json.length <= 400 && ('type' in value || 'item' in value || 'tname' in value);
}

/** Checks an anchor from a client; returns it normalised, or null when malformed. */
export function parseAnchor(input: unknown): CommentAnchor | null {
	if (!input || typeof input !== 'object') return null;
	const a = input as Record<string, unknown>;
	const table = a.table === 'projects' || a.table === 'equipment' ? a.table : null;
	switch (a.kind) {
		case 'plan':
			return { kind: 'plan' };
		case 'row':
			return table && typeof a.rowId === 'string' && ID.test(a.rowId) ? { kind: 'row', table, rowId: a.rowId } : null;
		case 'cell':
			return table && typeof a.rowId === 'string' && ID.test(a.rowId) && typeof a.field === 'string' && FIELD.test(a.field)
				? { kind: 'cell', table, rowId: a.rowId, field: a.field }
				: null;
		case 'text':
			return typeof a.sectionId === 'string' && ID.test(a.sectionId) && isRelativePositionJson(a.start) && isRelativePositionJson(a.end)
				? { kind: 'text', sectionId: a.sectionId, start: a.start, end: a.end }
				: null;
		default:
			return null;
	}
}

/** A thread as the server sends it (side panel) and as the register freezes it. */
export interface ThreadView {
	id: string;
	anchor: CommentAnchor;
	quote: string;
	status: 'open' | 'resolved';
	createdAt: string;
	resolvedBy: string | null;
	resolvedAt: string | null;
	comments: CommentView[];
}

export interface CommentView {
	id: string;
	authorId: string;
	authorName: string;
	/** The author's plan role when writing. */
	authorRole: string;
	/** null when the author hid it (the register keeps the text). */
	body: string | null;
	createdAt: string;
	editedAt: string | null;
	hidden: boolean;
	/** Register only: earlier texts of the comment, oldest first. */
	history?: { body: string; change: string; at: string }[];
}

/** Why a body is refused, or null. Bodies are plain text; line breaks are kept. */
export function commentBodyProblem(body: string): 'empty' | 'tooLong' | null {
	if (!body.trim()) return 'empty';
	if (body.length > MAX_COMMENT_LENGTH) return 'tooLong';
	return null;
}

/** Usernames mentioned as @name (the same characters usernames may use). */
export function mentionedUsernames(body: string): string[] {
	const names = new Set<string>();
	for (const m of body.matchAll(/(^|[^\w@])@([a-z0-9._-]{3,40})/gi)) names.add(m[2].toLowerCase().replace(/[.]+$/, ''));
	return [...names];
}

export type BodySegment = { kind: 'text'; text: string } | { kind: 'link'; href: string } | { kind: 'break' };

/**
 * Splits a body for rendering as text nodes, line breaks and http(s) links — never as HTML,
 * so anything else in it (tags, scripts) is shown inert.
 */
export function bodySegments(body: string): BodySegment[] {
	const segments: BodySegment[] = [];
	body.split(/\r?\n/).forEach((line, i) => {
		if (i > 0) segments.push({ kind: 'break' });
		let last = 0;
		for (const m of line.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g)) {
			if (m.index > last) segments.push({ kind: 'text', text: line.slice(last, m.index) });
			segments.push({ kind: 'link', href: m[0] });
			last = m.index + m[0].length;
		}
		if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
	});
	return segments;
}
