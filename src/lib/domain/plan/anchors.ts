/**
 * Whether a comment's anchor still points at something in the live document. Rows and cells
 * follow their row by id through moves and regrouping; text anchors are Yjs relative
 * positions, which move with the text and collapse when it is deleted.
 */
import * as Y from 'yjs';
import type { CommentAnchor } from '../comments';
import { getEquipment, getProject, getSectionFragment } from './doc';

export function anchorExists(doc: Y.Doc, anchor: CommentAnchor): boolean {
	switch (anchor.kind) {
		case 'plan':
			return true;
		case 'row':
		case 'cell':
			return (anchor.table === 'projects' ? getProject(doc, anchor.rowId) : getEquipment(doc, anchor.rowId)) !== null;
		case 'text': {
			if (!getSectionFragment(doc, anchor.sectionId)) return false;
			const range = textAnchorRange(doc, anchor);
			return range !== null && range.end > range.start;
		}
	}
}

/** The anchored range as indexes in its type, or null when it cannot be resolved. */
export function textAnchorRange(doc: Y.Doc, anchor: Extract<CommentAnchor, { kind: 'text' }>): { start: number; end: number } | null {
	try {
		const start = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.start), doc);
		const end = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.end), doc);
		if (!start || !end || start.type !== end.type) return null;
		return { start: start.index, end: end.index };
	} catch {
		return null;
	}
}
