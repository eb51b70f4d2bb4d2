/**
 * Keeping a text field's caret where the person left it when someone else's characters
 * arrive in the same Y.Text (TextCellBinding). Pure, so it is unit-tested in node.
 */

/** One Yjs text delta op, as in Y.YTextEvent.delta. */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where position `pos` of the old text is in the new text after `delta`. An insert exactly
 * at the caret goes before it when `bias` is 'after' (remote typing ahead of my caret
 * pushes it), after it when 'before'.
 */
export function transformPosition(pos: number, delta: readonly DeltaOp[], bias: 'before' | 'after' = 'after'): number {
	let oldIndex = 0; // position in the old text
	let shift = 0;
	for (const op of delta) {
		if (oldIndex > pos) break;
		if (op.retain !== undefined) {
			oldIndex += op.retain;
		} else if (op.insert !== undefined) {
			const len = typeof op.insert === 'string' ? op.insert.length : 1;
			if (oldIndex < pos || (oldIndex === pos && bias === 'after')) shift += len;
		} else if (op.delete !== undefined) {
			const from = oldIndex;
			const to = oldIndex + op.delete;
			if (to <= pos) shift -= op.delete;
			else if (from < pos) shift -= pos - from;
			oldIndex = to;
		}
	}
	return Math.max(0, pos + shift);
}
