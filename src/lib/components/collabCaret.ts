/**
 * How another person's caret and selection look in a text editor (Tiptap's
 * CollaborationCaret). Built as DOM: the name is a text node, and the colour goes into CSS
 * only after `safeColor` (`#rrggbb`), whatever the awareness state carried.
 */
import { safeColor } from '$lib/domain/colors';
import { afterPaint } from '$lib/state/afterPaint';

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

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };
type Listener = (change: AwarenessChange, origin: unknown) => void;

/**
 * The awareness the text editors' caret plugin listens to: the plan's awareness, but its
 * 'change' and 'update' events fire only when another person's caret or name changed. Every
 * awareness change made each section editor rebuild its caret decorations — four editors,
 * on every keystroke (my own caret moved) and every grid move of anyone — 6 ms a keystroke
 * spent redrawing carets nobody else had moved. One per awareness, shared by the editors.
 */
export function caretAwareness(awareness: Awareness) {
	let view = views.get(awareness);
	if (!view) views.set(awareness, (view = filteredAwareness(awareness)));
	return view;
}

type Awareness = import('y-protocols/awareness').Awareness;
const views = new WeakMap<Awareness, ReturnType<typeof filteredAwareness>>();

function filteredAwareness(awareness: Awareness) {
	const listeners = { change: new Set<Listener>(), update: new Set<Listener>() };
	let caretWaiting: { value: unknown } | null = null;
	const sendCaret = () => {
		const waiting = caretWaiting;
		caretWaiting = null;
		if (waiting) awareness.setLocalStateField('cursor', waiting.value);
	};
	/** What each other client last showed the editors: its caret and its name, as JSON. */
	const shown = new Map<number, string>();
	const caretsChanged = ({ added, updated, removed }: AwarenessChange) => {
		let changed = false;
		for (const id of removed) changed = shown.delete(id) || changed;
		for (const id of [...added, ...updated]) {
			if (id === awareness.clientID) continue;
			const state = awareness.getStates().get(id);
			const seen = JSON.stringify([state?.cursor ?? null, state?.user ?? null]);
			if (shown.get(id) === seen) continue;
			shown.set(id, seen);
			changed = true;
		}
		return changed;
	};
	awareness.on('change', (change: AwarenessChange, origin: unknown) => {
		if (!caretsChanged(change)) return;
		for (const event of ['change', 'update'] as const) for (const fn of listeners[event]) fn(change, origin);
	});
	return {
		get clientID() {
			return awareness.clientID;
		},
		get states() {
			return awareness.getStates();
		},
		getStates: () => awareness.getStates(),
		getLocalState: () => awareness.getLocalState(),
		setLocalStateField: (field: string, value: unknown) => {
			if (field !== 'cursor') return awareness.setLocalStateField(field, value);
			// My caret, sent once per painted frame (the last position wins) rather than inside
			// every keystroke's task: others see it a frame later, my key shows a frame sooner.
			if (!caretWaiting) afterPaint(sendCaret);
			caretWaiting = { value };
		},
		on: (event: 'change' | 'update', fn: Listener) => void listeners[event]?.add(fn),
		off: (event: 'change' | 'update', fn: Listener) => void listeners[event]?.delete(fn)
	};
}
