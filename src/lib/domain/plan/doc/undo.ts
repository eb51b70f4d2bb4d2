import * as Y from 'yjs';
import { ROOT, root } from './keys';

/**
 * An undo manager over the plan that records only transactions whose origin is one of
 * `origins` — an editor passes its own local origin, so undo never reverts other people's
 * edits. Narrative section bodies are covered by Tiptap's own undo (its origin is not
 * tracked here); the section list (add, rename, move, delete) is.
 */
export function createPlanUndoManager(doc: Y.Doc, origins: readonly unknown[], captureTimeout = 500): Y.UndoManager {
	const scope = Object.values(ROOT)
		.filter((name) => name !== ROOT.meta)
		.map((name) => root(doc, name));
	return new Y.UndoManager(scope, { trackedOrigins: new Set(origins), captureTimeout });
}
