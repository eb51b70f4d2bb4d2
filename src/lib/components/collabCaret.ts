/**
 * How another person's caret and selection look in a text editor (Tiptap's
 * CollaborationCaret). Built as DOM: the name is a text node, and the colour goes into CSS
 * only after `safeColor` (`#rrggbb`), whatever the awareness state carried.
 */
import { safeColor } from '$lib/domain/colors';

export function caretElement(user: Record<string, unknown>): HTMLElement {
	const color = safeColor(user.color);
	const caret = document.createElement('span');
	caret.classList.add('collaboration-carets__caret');
	caret.style.borderColor = color;
	const label = document.createElement('div');
	label.classList.add('collaboration-carets__label');
	label.style.backgroundColor = color;
	label.textContent = typeof user.name === 'string' ? user.name : '';
	caret.append(label);
	return caret;
}

export function caretSelection(user: Record<string, unknown>) {
	return { style: `background-color: ${safeColor(user.color)}70`, class: 'ProseMirror-yjs-selection' };
}
