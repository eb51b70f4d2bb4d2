/**
 * What the project table (ผด.02) and the equipment table (ผด.02/1) share: the rows the grid
 * shows, pending invalid inputs, committing typed values through domain/plan/doc with the editor's
 * local origin (so undo sees only my edits), and month ticks.
 */
import { SvelteMap } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { parseBudget, type Message } from '$lib/domain/plan/money';
import { nameProblem } from '$lib/domain/plan/validation';
import { toArabicDigits } from '$lib/domain/thai';
import { replaceFound } from '$lib/domain/findText';
import type { Month } from '$lib/domain/plan/types';
import type { CellRef, ColumnDef, DataRow, GridRow } from './grid';
import { TextCellBinding } from './TextCellBinding.svelte';

/** Typed text that could not be stored yet, kept on its cell with the reason. */
export interface Draft {
	text: string;
	error: Message;
}

export type TableName = 'projects' | 'equipment';

/** The origins an editor's own changes carry: its edits, and its typing in text cells. */
export interface LocalOrigins {
	origin: unknown;
	typingOrigin: unknown;
}

export abstract class GridTable {
	abstract readonly table: TableName;
	protected readonly doc: Y.Doc;
	protected readonly origin: unknown;
	/** Origin of my typing in a text cell (tracked by my undo manager too): see PlanEditor. */
	protected readonly typingOrigin: unknown;
	protected rowsState = $state.raw<GridRow[]>([]);
	protected columnsState = $state.raw<ColumnDef[]>([]);
	readonly #drafts = new SvelteMap<string, Draft>();

	constructor(doc: Y.Doc, origins: LocalOrigins) {
		this.doc = doc;
		this.origin = origins.origin;
		this.typingOrigin = origins.typingOrigin;
	}

	/** Rows in print order: headings, data rows, add-rows. */
	get rows(): GridRow[] {
		return this.rowsState;
	}
	get columns(): ColumnDef[] {
		return this.columnsState;
	}

	/**
	 * Sets the columns, keeping the current array when nothing in it changed: a new array
	 * redraws every cell of every rendered row (rows are rebuilt on each add or delete).
	 */
	protected setColumns(columns: ColumnDef[]) {
		if (JSON.stringify(columns) !== JSON.stringify(this.columnsState)) this.columnsState = columns;
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
	/** Sets a text cell to `text` (a minimal character edit, so others' typing survives). */
	protected abstract writeText(rowId: string, col: string, text: string): boolean;
	/** Appends `count` empty rows at the end of `target`'s group; returns their ids in order. */
	protected abstract appendRows(target: string, count: number): string[];

	/**
	 * Binds a field to a text cell's Y.Text with my typing origin, so my typing merges with others'
	 * and my undo covers it. Null when the cell is not a text cell or the row is gone.
	 */
	bindText(el: HTMLTextAreaElement | HTMLInputElement, rowId: string, col: string): { destroy(): void } | null {
		const text = this.textFor(rowId, col);
		return text ? new TextCellBinding(el, text, this.typingOrigin) : null;
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

	/** Columns that hold values (all but the running number "ที่"), in order. */
	get valueColumns(): ColumnDef[] {
		return this.columnsState.filter((c) => c.kind !== 'seq');
	}

	/** Data rows in print order. */
	get dataRows(): DataRow[] {
		return this.rowsState.filter((r): r is DataRow => r.kind === 'data');
	}

	/**
	 * Pastes a block of cells (from a spreadsheet) with its top-left at `at`: the rows below
	 * `at` in its group are overwritten, and rows are added at the end of the group for the
	 * rest. Every value goes through the rules typed input and import follow (parseBudget,
	 * nameProblem, …); an invalid one stays on its cell as a draft with the reason. One
	 * transaction with my origin: one undo step, one update for the others.
	 * Returns the rows and columns written, and how many cells were refused.
	 */
	pasteBlock(at: CellRef, block: readonly (readonly string[])[]): { rows: string[]; cols: string[]; invalid: number } {
		const cols = this.valueColumns;
		const start = cols.findIndex((c) => c.key === at.col);
		const data = this.dataRows;
		const from = data.findIndex((r) => r.key === at.rowId);
		if (start < 0 || from < 0 || block.length === 0) return { rows: [], cols: [], invalid: 0 };
		const group = data[from].group;
		const below = data.slice(from).filter((r, i, all) => r.group === group && (i === 0 || all[i - 1].group === group));
		const width = Math.min(cols.length - start, Math.max(...block.map((r) => r.length)));
		const targetCols = cols.slice(start, start + width);
		let invalid = 0;
		const rows: string[] = [];
		this.transact(() => {
			rows.push(...below.slice(0, block.length).map((r) => r.key));
			if (rows.length < block.length) rows.push(...this.appendRows(group, block.length - rows.length));
			block.forEach((values, r) => {
				targetCols.forEach((col, k) => {
					if (!this.#put(rows[r], col, values[k] ?? '')) invalid++;
				});
			});
		});
		return { rows, cols: targetCols.map((c) => c.key), invalid };
	}

	/** Values of a block of cells, as a spreadsheet shows them (months: ✓ or empty). */
	blockValues(rowIds: readonly string[], colKeys: readonly string[]): string[][] {
		// A lookup built and dropped here; nothing reactive reads it.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map(this.dataRows.map((r) => [r.key, r]));
		return rowIds.map((id) => {
			const row = byId.get(id);
			return colKeys.map((key) => {
				const col = this.columnsState.find((c) => c.key === key);
				if (!row || !col) return '';
				if (col.kind === 'month') return row.record.months.includes(col.month!) ? '✓' : '';
				if (col.kind === 'seq') return String(row.seq);
				return this.draft(id, key)?.text ?? row.record.editText(key);
			});
		});
	}

	/** Empties a block of cells (texts, budgets to none, months unticked): one undo step. */
	clearBlock(rowIds: readonly string[], colKeys: readonly string[]) {
		// A choice or a quantity has no empty value: those cells are left as they are.
		const cols = this.valueColumns.filter((c) => colKeys.includes(c.key) && c.kind !== 'choice' && c.kind !== 'count');
		this.transact(() => {
			for (const id of rowIds) for (const col of cols) this.#put(id, col, '');
		});
	}

	/** Copies the first row of a block into the rows below it (fill down, Ctrl+D): one undo step. */
	fillDown(rowIds: readonly string[], colKeys: readonly string[]) {
		if (rowIds.length < 2) return;
		const [top] = this.blockValues(rowIds.slice(0, 1), colKeys);
		const cols = colKeys.map((k) => this.valueColumns.find((c) => c.key === k));
		this.transact(() => {
			for (const id of rowIds.slice(1)) cols.forEach((col, k) => col && this.#put(id, col, top[k]));
		});
	}

	/** Writes one pasted/filled value with the rules of its column; false when refused (kept as a draft). */
	#put(rowId: string, col: ColumnDef, value: string): boolean {
		if (col.kind === 'month') {
			const months = this.monthsOf(rowId);
			const on = value.trim() !== '';
			if (months && months.includes(col.month!) !== on) this.writeMonth(rowId, col.month!, on);
			return true;
		}
		if (col.kind === 'text') {
			const problem = nameProblem(value);
			if (problem) {
				this.#drafts.set(key(rowId, col.key), { text: value, error: problem });
				return false;
			}
			this.#drafts.delete(key(rowId, col.key));
			this.writeText(rowId, col.key, value.trim());
			return true;
		}
		if (col.kind === 'budget' && value.trim() === '') {
			this.#drafts.delete(key(rowId, col.key));
			this.writeBudget(rowId, 0);
			return true;
		}
		if (col.kind === 'choice') {
			const wanted = value.trim();
			const option = col.options?.find((o) => o.value === wanted || o.label === wanted);
			if (!option) {
				this.#drafts.set(key(rowId, col.key), { text: value, error: { th: 'ไม่มีค่านี้ในรายการให้เลือก', en: 'Not one of the choices' } });
				return false;
			}
			return this.commit(rowId, col.key, option.value) === null;
		}
		return this.commit(rowId, col.key, value) === null;
	}

	/**
	 * Find and replace in cells: each cell gets `needle` replaced by `replacement` (every
	 * occurrence, or only the one starting at `only`). Text and plain cells only: an amount or
	 * a month is changed by typing it. One transaction with my origin, so one undo step.
	 * Returns how many occurrences were replaced; a cell whose result would be refused is left.
	 */
	replaceInCells(cells: readonly CellRef[], needle: string, replacement: string, only?: number): number {
		// A lookup built and dropped here; nothing reactive reads it.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map(this.dataRows.map((r) => [r.key, r]));
		let replaced = 0;
		this.transact(() => {
			for (const cell of cells) {
				const col = this.columnsState.find((c) => c.key === cell.col);
				const row = byId.get(cell.rowId);
				if (!row || (col?.kind !== 'text' && col?.kind !== 'plain')) continue;
				const { text, count } = replaceFound(row.record.editText(cell.col), needle, replacement, only);
				if (count > 0 && this.#put(cell.rowId, col, text)) replaced += count;
			}
		});
		return replaced;
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
