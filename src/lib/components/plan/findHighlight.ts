/**
 * Marks the current find match inside a narrative section with the CSS Custom Highlight API:
 * nothing is added to the document (so collaborators see nothing and the text stays as it is)
 * and the section need not have focus while the find bar keeps it.
 */
import type { Editor } from '@tiptap/core';

const NAME = 'plan-find';

export function clearFindHighlight() {
	if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(NAME);
}

export function highlightInSection(editor: Editor, from: number, to: number) {
	clearFindHighlight();
	const start = editor.view.domAtPos(from);
	const end = editor.view.domAtPos(to);
	const range = document.createRange();
	range.setStart(start.node, start.offset);
	range.setEnd(end.node, end.offset);
	if ('highlights' in CSS) CSS.highlights.set(NAME, new Highlight(range));
	(range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.scrollIntoView({ block: 'center' });
}
