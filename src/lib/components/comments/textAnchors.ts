/**
 * Text anchors of comments inside a Tiptap editor bound to Yjs: turning a selection into Yjs
 * relative positions (which move with the text as others type), turning them back into a
 * range, and highlighting every open thread's range.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor } from '$lib/domain/comments';

type TextAnchor = Extract<CommentAnchor, { kind: 'text' }>;

interface SyncState {
	type: Y.XmlFragment;
	doc: Y.Doc;
	binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
	const s = ySyncPluginKey.getState(state) as SyncState | undefined;
	return s?.binding ? s : null;
}

/** The current selection as a text anchor of `sectionId`, with its text; null when empty. */
export function selectionAnchor(editor: Editor, sectionId: string): { anchor: TextAnchor; quote: string } | null {
	const { from, to } = editor.state.selection;
	const sync = syncState(editor.state);
	if (from === to || !sync) return null;
	const mapping = sync.binding!.mapping as never;
	const start = absolutePositionToRelativePosition(from, sync.type, mapping) as Y.RelativePosition;
	const end = absolutePositionToRelativePosition(to, sync.type, mapping) as Y.RelativePosition;
	return {
		anchor: { kind: 'text', sectionId, start: Y.relativePositionToJSON(start), end: Y.relativePositionToJSON(end) },
		quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500)
	};
}

/** The editor range an anchor covers now, or null when its text is gone. */
function anchorRange(state: EditorState, anchor: TextAnchor): { from: number; to: number } | null {
	const sync = syncState(state);
	if (!sync) return null;
	const mapping = sync.binding!.mapping as never;
	try {
		const from = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(anchor.start), mapping);
		const to = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(anchor.end), mapping);
		return from !== null && to !== null && to > from ? { from, to } : null;
	} catch {
		return null;
	}
}

/** Selects and scrolls to an anchor's text. */
export function revealAnchor(editor: Editor, anchor: TextAnchor): boolean {
	const range = anchorRange(editor.state, anchor);
	if (!range) return false;
	editor.chain().focus().setTextSelection(range).scrollIntoView().run();
	return true;
}

const highlightKey = new PluginKey('commentHighlights');

/**
 * Highlights the ranges of the anchors `getAnchors` returns (open threads of this section).
 * Call `editor.view.dispatch(editor.state.tr.setMeta('commentHighlights', true))` after the
 * threads change, so the highlights redraw.
 *
 * The ranges are read from the anchors (Yjs relative positions, a walk of the section each)
 * when the threads change or text arrives from Yjs (someone else, an undo, the first render);
 * my own typing only moves them along with the text, so a keystroke costs the same with one
 * open thread or fifty.
 */
export function commentHighlights(getAnchors: () => { id: string; anchor: TextAnchor }[]) {
	const read = (state: EditorState) =>
		DecorationSet.create(
			state.doc,
			getAnchors().flatMap(({ id, anchor }) => {
				const range = anchorRange(state, anchor);
				return range ? [Decoration.inline(range.from, range.to, { class: 'comment-highlight', 'data-thread-id': id })] : [];
			})
		);
	return Extension.create({
		name: 'commentHighlights',
		addProseMirrorPlugins() {
			return [
				new Plugin<DecorationSet>({
					key: highlightKey,
					state: {
						init: (_config, state) => read(state),
						apply(tr, highlights, _old, state) {
							const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
							if (tr.getMeta('commentHighlights') || fromYjs) return read(state);
							return tr.docChanged ? highlights.map(tr.mapping, tr.doc) : highlights;
						}
					},
					props: {
						decorations: (state) => highlightKey.getState(state) as DecorationSet
					}
				})
			];
		}
	});
}
