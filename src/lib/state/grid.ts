/**
 * Pure pieces of the spreadsheet-like plan grid (PlanGrid.svelte): column and row shapes,
 * the virtual window, keyboard navigation and the month-bar drawing. No Svelte, no Yjs, so
 * they are unit-tested in node (grid.test.ts).
 */
import { FISCAL_MONTHS, type Month } from '$lib/domain/plan/types';
import { THAI_MONTHS_SHORT, toThaiDigits } from '$lib/domain/thai';

/** How a cell is edited. */
export type CellKind =
	/** bound character by character to a Y.Text (concurrent typing merges) */
	| 'text'
	/** one plain value written on commit (last writer wins), e.g. หน่วยงานรับผิดชอบ */
	| 'plain'
	/** baht typed by a person, stored as satang */
	| 'budget'
	/** a positive whole number, e.g. จำนวน */
	| 'count'
	/** one of a list of options (shown as a select while editing) */
	| 'choice'
	/** one flag of the 12-month grid */
	| 'month'
	/** derived running number ("ที่"), not editable */
	| 'seq';

export interface ColumnDef {
	key: string;
	label: string;
	kind: CellKind;
	/** Width in px (the grid is wider than the screen and scrolls sideways). */
	width: number;
	month?: Month;
	align?: 'start' | 'end' | 'center';
	/** Choices of a 'choice' column (value → label). */
	options?: { value: string; label: string }[];
	/** Suggestions offered while typing a 'plain' column. */
	suggestions?: string[];
	/** Super-header over this column (the Buddhist-era year of a month column). */
	superLabel?: string;
}

/** A heading row (ยุทธศาสตร์ level 1, แผนงาน level 2). */
export interface HeadingRow {
	kind: 'heading';
	key: string;
	level: 1 | 2;
	label: string;
	detail?: string;
}

/** The "add a row here" row at the end of a group. */
export interface AddRow {
	kind: 'add';
	key: string;
	/** What the table's add() receives: a group id, or '' for a flat table. */
	target: string;
	label: string;
}

/** A data row: one project or equipment item, read through `cell` for display. */
export interface DataRow {
	kind: 'data';
	key: string;
	/** "ที่": position within its group, from 1. */
	seq: number;
	/** Group id ('' for a flat table), and the row's index within that group. */
	group: string;
	index: number;
	groupSize: number;
	record: GridRecord;
}

export type GridRow = HeadingRow | AddRow | DataRow;

/** One row's current values, as the grid displays them. Reading them is reactive. */
export interface GridRecord {
	readonly id: string;
	/** Display text of a non-month column. */
	display(col: string): string;
	/** The text an editor starts from for a plain/budget/count/choice column. */
	editText(col: string): string;
	readonly months: readonly Month[];
}

/** Identifies one cell, also in presence (awareness `cell`). */
export interface CellRef {
	rowId: string;
	col: string;
}

// ───────────────────────────── virtual window ─────────────────────────────

export interface VirtualWindow {
	/** First and one-past-last row index to render. */
	start: number;
	end: number;
	/** Spacer heights above and below the rendered rows, px. */
	padTop: number;
	padBottom: number;
}

/**
 * Which rows to render for a scroll position, with every row `rowHeight` px tall (rows
 * are fixed-height; long text is clamped and shown in full while editing).
 */
export function virtualWindow(opts: {
	scrollTop: number;
	viewport: number;
	rowHeight: number;
	count: number;
	overscan?: number;
}): VirtualWindow {
	const { scrollTop, viewport, rowHeight, count } = opts;
	const overscan = opts.overscan ?? 8;
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
	const start = Math.max(0, Math.min(count, first - overscan));
	const end = Math.max(start, Math.min(count, first + visible + overscan));
	return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

// ───────────────────────────── navigation ─────────────────────────────

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end';

/** Indexes of the rows the cursor can stand on (data rows). */
function dataRowIndexes(rows: readonly GridRow[]): number[] {
	const out: number[] = [];
	rows.forEach((r, i) => {
		if (r.kind === 'data') out.push(i);
	});
	return out;
}

/**
 * The cell a key press moves to. Headings and add-rows are skipped; 'next'/'prev' (Tab while
 * editing) wrap to the next row's first column. Returns null when the cursor cannot move.
 */
export function moveCursor(
	rows: readonly GridRow[],
	columns: readonly ColumnDef[],
	at: CellRef,
	move: Move
): CellRef | null {
	const navCols = columns.filter((c) => c.kind !== 'seq').map((c) => c.key);
	const header = columns.find((c) => c.kind === 'seq')?.key;
	const data = dataRowIndexes(rows);
	const r = data.findIndex((i) => rows[i].key === at.rowId);
	if (r < 0 || data.length === 0) return null;
	// The row header ("ที่"): ← from the first column reaches it; from it, → goes back, ↑/↓
	// move along the headers; it selects the whole row (row comments are made there).
	if (header && at.col === header) {
		const onHeader = (ri: number): CellRef => ({ rowId: rows[data[ri]].key, col: header });
		if (move === 'up') return r > 0 ? onHeader(r - 1) : null;
		if (move === 'down') return r < data.length - 1 ? onHeader(r + 1) : null;
		if (move === 'left' || move === 'prev') return null;
		return navCols.length ? { rowId: rows[data[r]].key, col: navCols[move === 'end' ? navCols.length - 1 : 0] } : null;
	}
	const c = navCols.indexOf(at.col);
	if (c < 0) return null;
	const cell = (ri: number, ci: number): CellRef => ({ rowId: rows[data[ri]].key, col: navCols[ci] });
	switch (move) {
		case 'up':
			return r > 0 ? cell(r - 1, c) : null;
		case 'down':
			return r < data.length - 1 ? cell(r + 1, c) : null;
		case 'left':
			return c > 0 ? cell(r, c - 1) : header ? { rowId: rows[data[r]].key, col: header } : null;
		case 'right':
			return c < navCols.length - 1 ? cell(r, c + 1) : null;
		case 'next':
			if (c < navCols.length - 1) return cell(r, c + 1);
			return r < data.length - 1 ? cell(r + 1, 0) : null;
		case 'prev':
			if (c > 0) return cell(r, c - 1);
			return r > 0 ? cell(r - 1, navCols.length - 1) : null;
		case 'home':
			return cell(r, 0);
		case 'end':
			return cell(r, navCols.length - 1);
	}
}

/** True for a key that types a character (starts editing, as in a spreadsheet). */
export function isPrintableKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
	return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

// ───────────────────────────── month bars ─────────────────────────────

/**
 * How a month cell draws its piece of the arrow bar (←——→) of the printed form:
 * runs of consecutive active months (fiscal order) become one bar with a head at each end.
 */
export type MonthSegment = 'none' | 'single' | 'start' | 'middle' | 'end';

/** One segment per fiscal month (Oct … Sep). */
export function monthSegments(active: readonly Month[]): MonthSegment[] {
	const on = FISCAL_MONTHS.map((m) => active.includes(m));
	return on.map((v, i) => {
		if (!v) return 'none';
		const before = i > 0 && on[i - 1];
		const after = i < on.length - 1 && on[i + 1];
		if (before && after) return 'middle';
		if (before) return 'end';
		if (after) return 'start';
		return 'single';
	});
}

/**
 * "Oct", … — one formatter for the page's life, made only when English asks: the tables call
 * monthColumns on every rebuild, and an Intl.DateTimeFormat costs ~0.4 ms to make (the first
 * one of a page tens of ms, as it sets up ICU), which the Thai columns never needed.
 */
let enMonths: Intl.DateTimeFormat | null = null;
function englishMonth(month: number): string {
	enMonths ??= new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
	return enMonths.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/**
 * The 12 month columns ต.ค. … ก.ย. (§5): Oct–Dec under "พ.ศ. FY−1", Jan–Sep under
 * "พ.ศ. FY" (Buddhist era). English shows "Oct" … with "BE 2568".
 */
export function monthColumns(locale: 'th' | 'en', fiscalYear: number): ColumnDef[] {
	return FISCAL_MONTHS.map((m) => {
		const year = m >= 10 ? fiscalYear - 1 : fiscalYear;
		return {
			key: `m${m}`,
			label: locale === 'th' ? THAI_MONTHS_SHORT[m - 1] : englishMonth(m),
			kind: 'month' as const,
			month: m,
			// Compact: with the narrower text columns all 12 months fit a 1440 px screen.
			width: 34,
			align: 'center' as const,
			superLabel: locale === 'th' ? `พ.ศ. ${toThaiDigits(String(year))}` : `BE ${year}`
		};
	});
}

// ───────────────────────────── selection ─────────────────────────────

/** A rectangular block of cells: data rows in print order, value columns in order. */
export interface CellBlock {
	rowIds: string[];
	colKeys: string[];
}

/**
 * The block between an anchor cell and the cursor (Shift+arrows, Shift+click, drag). A row
 * header ("ที่") at either end stands for the whole row. Rows of several groups may be in
 * one block (headings between them are not cells).
 */
export function cellBlock(rows: readonly GridRow[], columns: readonly ColumnDef[], anchor: CellRef, focus: CellRef): CellBlock | null {
	const data = rows.filter((r) => r.kind === 'data').map((r) => r.key);
	const values = columns.filter((c) => c.kind !== 'seq').map((c) => c.key);
	const r0 = data.indexOf(anchor.rowId);
	const r1 = data.indexOf(focus.rowId);
	if (r0 < 0 || r1 < 0) return null;
	const isHeader = (col: string) => columns.find((c) => c.key === col)?.kind === 'seq';
	let c0 = values.indexOf(anchor.col);
	let c1 = values.indexOf(focus.col);
	if (isHeader(anchor.col) || isHeader(focus.col)) {
		c0 = 0;
		c1 = values.length - 1;
	}
	if (c0 < 0 || c1 < 0) return null;
	return {
		rowIds: data.slice(Math.min(r0, r1), Math.max(r0, r1) + 1),
		colKeys: values.slice(Math.min(c0, c1), Math.max(c0, c1) + 1)
	};
}
