/**
 * Binds a <textarea>/<input> to the Y.Text of one cell (the binding point domain/plan/doc hands out):
 * my typing is applied as the smallest edit with my local origin, so concurrent typing in
 * the same cell merges character by character; others' characters appear in the field
 * while I type, with my caret kept in place.
 */
import type * as Y from 'yjs';
import { replaceText } from '$lib/domain/plan/ytext';
import { transformPosition, type DeltaOp } from './caret';

type Field = HTMLTextAreaElement | HTMLInputElement;

export class TextCellBinding {
	readonly #text: Y.Text;
	readonly #origin: unknown;
	readonly #el: Field;
	#composing = false;

	readonly #onInput = () => {
		if (!this.#composing) this.#push();
	};
	readonly #onCompositionStart = () => (this.#composing = true);
	readonly #onCompositionEnd = () => {
		this.#composing = false;
		this.#push();
	};
	readonly #onRemote = (event: Y.YTextEvent, tr: Y.Transaction) => {
		if (tr.origin === this.#origin && tr.local) return; // my own edit: the field already shows it
		const el = this.#el;
		const next = this.#text.toString();
		if (el.value === next) return;
		// While composing, let the IME finish; the next input event reconciles.
		if (this.#composing) return;
		const delta = event.delta as DeltaOp[];
		const focused = document.activeElement === el;
		// Text someone inserts exactly at my caret stays after it, so my next characters do
		// not interleave with theirs when two people type at the same spot.
		const start = transformPosition(el.selectionStart ?? 0, delta, 'before');
		const end = transformPosition(el.selectionEnd ?? 0, delta, 'before');
		el.value = next;
		if (focused) el.setSelectionRange(start, end);
	};

	constructor(el: Field, text: Y.Text, origin: unknown) {
		this.#el = el;
		this.#text = text;
		this.#origin = origin;
		el.value = text.toString();
		el.addEventListener('input', this.#onInput);
		el.addEventListener('compositionstart', this.#onCompositionStart);
		el.addEventListener('compositionend', this.#onCompositionEnd);
		text.observe(this.#onRemote);
	}

	/** Applies the field's value to the Y.Text as one minimal edit. */
	#push() {
		const doc = this.#text.doc;
		const value = this.#el.value;
		if (doc) doc.transact(() => replaceText(this.#text, value), this.#origin);
		else replaceText(this.#text, value);
	}

	destroy() {
		this.#el.removeEventListener('input', this.#onInput);
		this.#el.removeEventListener('compositionstart', this.#onCompositionStart);
		this.#el.removeEventListener('compositionend', this.#onCompositionEnd);
		this.#text.unobserve(this.#onRemote);
	}
}
