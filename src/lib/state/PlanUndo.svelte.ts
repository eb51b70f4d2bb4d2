/**
 * Undo/redo of my own edits to the plan's tables, outline and section list. The undo
 * manager tracks only transactions with this editor's local origins, so other people's
 * edits are never reverted (narrative text has Tiptap's own undo, also mine-only).
 */
import type * as Y from 'yjs';
import { createPlanUndoManager } from '$lib/domain/plan/doc';

export class PlanUndo {
	readonly #manager: Y.UndoManager;
	#canUndo = $state(false);
	#canRedo = $state(false);
	readonly #refresh = () => {
		this.#canUndo = this.#manager.undoStack.length > 0;
		this.#canRedo = this.#manager.redoStack.length > 0;
	};

	constructor(doc: Y.Doc, origins: unknown[]) {
		this.#manager = createPlanUndoManager(doc, origins);
		for (const e of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.#manager.on(e, this.#refresh);
	}

	get canUndo() {
		return this.#canUndo;
	}
	get canRedo() {
		return this.#canRedo;
	}

	undo() {
		this.#manager.undo();
	}
	redo() {
		this.#manager.redo();
	}

	/** Starts a new undo step (the next edit is not merged into the previous one). */
	stopCapturing() {
		this.#manager.stopCapturing();
	}

	/** A mark for `undoTo`: the current depth of the undo stack. */
	mark(): number {
		this.#manager.stopCapturing();
		return this.#manager.undoStack.length;
	}

	/**
	 * Undoes my steps back to `mark` (Esc in a text cell: cancel what I typed since I
	 * started editing it, leaving others' concurrent typing alone).
	 */
	undoTo(mark: number) {
		while (this.#manager.undoStack.length > mark) this.#manager.undo();
	}

	destroy() {
		this.#manager.destroy();
	}
}
