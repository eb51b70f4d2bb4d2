/**
 * What the project table (ผด.02) and the equipment table (ผด.02/1) share: the rows the grid
 * shows, pending invalid inputs, committing typed values through domain/plan/doc with the editor's
 * local origin (so undo sees only my edits), and month ticks.
 */
import { SvelteMap } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { parseBudget, type Message } from '$lib/domain/plan/money';
import { toArabicDigits } from '$lib/domain/thai';
import type { Month } from '$lib/domain/plan/types';
import type { ColumnDef, GridRow } from './grid';
import { TextCellBinding } from './TextCellBinding.svelte';

/** Typed text that could not be stored yet, kept on its cell with the reason. */
export interface Draft {
	text: string;
	error: Message;
}

export type TableName = 'projects' | 'equipment';

export abstract class GridTable {
	abstract readonly table: TableName;
	protected readonly doc: Y.Doc;
	protected readonly origin: unknown;
	protected rowsState = $state.raw<GridRow[]>([]);
	protected columnsState = $state.raw<ColumnDef[]>([]);
	readonly #drafts = new SvelteMap<string, Draft>();

	constructor(doc: Y.Doc, origin: unknown) {
		this.doc = doc;
		this.origin = origin;
	}

	/** Rows in print order: headings, data rows, add-rows. */
	get rows(): GridRow[] {
		return this.rowsState;
	}
	get columns(): ColumnDef[] {
		return this.columnsState;
	}

	/** Runs `fn` as one transaction with my origin (tracked by my undo manager). */
	protected transact<T>(fn: () => T): T {
		let out!: T;
		this.doc.transact(() => (out = fn()), this.origin);
		return out;
	}

	/** Adds an empty row to `target` (a group id, '' for a flat table), below `afterId` if given. */
	abstract add(target: string, afterId?: string): string | null;
	/** Adds a copy right below a row; returns the copy's id. */
	abstract duplicate(id: string): string | null;
	abstract remove(id: string): boolean;
	/** Moves a row one place up (-1) or down (+1) within its group. */
	abstract move(id: string, delta: -1 | 1): boolean;

	/** The Y.Text a text cell binds to, or null (not a text cell, or the row is gone). */
	abstract textFor(rowId: string, col: string): Y.Text | null;
	protected abstract writeBudget(rowId: string, satang: number): boolean;
	protected abstract writePlain(rowId: string, col: string, value: string | number): boolean;
	protected abstract writeMonth(rowId: string, month: Month, on: boolean): boolean;
	protected abstract monthsOf(rowId: string): readonly Month[] | null;

	/**
	 * Binds a field to a text cell's Y.Text with my origin, so my typing merges with others'
	 * and my undo covers it. Null when the cell is not a text cell or the row is gone.
	 */
	bindText(el: HTMLTextAreaElement | HTMLInputElement, rowId: string, col: string): { destroy(): void } | null {
		const text = this.textFor(rowId, col);
		return text ? new TextCellBinding(el, text, this.origin) : null;
	}

	/** The invalid text waiting on a cell, if any. */
	draft(rowId: string, col: string): Draft | undefined {
		return this.#drafts.get(key(rowId, col));
	}

	/** Forgets an invalid input (Esc). */
	discardDraft(rowId: string, col: string) {
		this.#drafts.delete(key(rowId, col));
	}

	/** Number of cells holding invalid input. */
	get draftCount() {
		return this.#drafts.size;
	}

	/**
	 * Stores what a person typed into a non-text cell. Invalid input is never dropped: it
	 * stays on the cell as a draft with the reason, and the reason is returned.
	 */
	commit(rowId: string, col: string, input: string): Message | null {
		const kind = this.columnsState.find((c) => c.key === col)?.kind;
		let error: Message | null = null;
		if (kind === 'budget') {
			const parsed = parseBudget(input);
			if (parsed.ok) this.transact(() => this.writeBudget(rowId, parsed.satang));
			else error = parsed.reason;
		} else if (kind === 'count') {
			const text = toArabicDigits(input).replace(/[,\s]/g, '');
			const n = Number(text);
			if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
				error = { th: 'จำนวนต้องเป็นจำนวนเต็มบวก เช่น 1, 12', en: 'Quantity must be a positive whole number, e.g. 1, 12' };
			} else this.transact(() => this.writePlain(rowId, col, n));
		} else if (kind === 'plain' || kind === 'choice') {
			this.transact(() => this.writePlain(rowId, col, input.trim()));
		}
		if (error) this.#drafts.set(key(rowId, col), { text: input, error });
		else this.#drafts.delete(key(rowId, col));
		return error;
	}

	/** Ticks or unticks one month (other months, and others' ticks, are untouched). */
	toggleMonth(rowId: string, month: Month) {
		const months = this.monthsOf(rowId);
		if (!months) return;
		this.transact(() => this.writeMonth(rowId, month, !months.includes(month)));
	}
}

function key(rowId: string, col: string) {
	return `${rowId}\u0000${col}`;
}
