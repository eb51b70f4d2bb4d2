import { describe, expect, it } from 'vitest';
import { cellBlock, monthColumns, monthSegments, moveCursor, virtualWindow, type ColumnDef, type GridRow } from './grid';
import { transformPosition } from './caret';

const record = (id: string) => ({ id, display: () => '', editText: () => '', months: [] });
const rows: GridRow[] = [
	{ kind: 'heading', key: 'h1', level: 1, label: 'S1' },
	{ kind: 'data', key: 'a', seq: 1, group: 'g', index: 0, groupSize: 2, record: record('a') },
	{ kind: 'data', key: 'b', seq: 2, group: 'g', index: 1, groupSize: 2, record: record('b') },
	{ kind: 'add', key: 'add-g', target: 'g', label: '+' },
	{ kind: 'heading', key: 'h2', level: 2, label: 'G2' },
	{ kind: 'data', key: 'c', seq: 1, group: 'g2', index: 0, groupSize: 1, record: record('c') }
];
const columns: ColumnDef[] = [
	{ key: 'seq', label: 'ที่', kind: 'seq', width: 40 },
	{ key: 'name', label: 'โครงการ', kind: 'text', width: 200 },
	{ key: 'budget', label: 'งบ', kind: 'budget', width: 100 },
	{ key: 'm10', label: 'ต.ค.', kind: 'month', month: 10, width: 30 }
];

describe('moveCursor', () => {
	it('skips headings and add rows; the seq column is reached only as the row header', () => {
		expect(moveCursor(rows, columns, { rowId: 'b', col: 'name' }, 'down')).toEqual({ rowId: 'c', col: 'name' });
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'name' }, 'up')).toBeNull();
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'm10' }, 'right')).toBeNull();
		expect(moveCursor(rows, columns, { rowId: 'b', col: 'name' }, 'prev')).toEqual({ rowId: 'a', col: 'm10' });
	});
	it('moves onto the row header with ← and back with →, and along the headers with ↑/↓', () => {
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'name' }, 'left')).toEqual({ rowId: 'a', col: 'seq' });
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'seq' }, 'left')).toBeNull();
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'seq' }, 'right')).toEqual({ rowId: 'a', col: 'name' });
		expect(moveCursor(rows, columns, { rowId: 'b', col: 'seq' }, 'down')).toEqual({ rowId: 'c', col: 'seq' });
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'seq' }, 'up')).toBeNull();
	});
	it('wraps Tab and Shift+Tab across rows', () => {
		expect(moveCursor(rows, columns, { rowId: 'a', col: 'm10' }, 'next')).toEqual({ rowId: 'b', col: 'name' });
		expect(moveCursor(rows, columns, { rowId: 'b', col: 'name' }, 'prev')).toEqual({ rowId: 'a', col: 'm10' });
		expect(moveCursor(rows, columns, { rowId: 'c', col: 'm10' }, 'next')).toBeNull();
		expect(moveCursor(rows, columns, { rowId: 'c', col: 'budget' }, 'home')).toEqual({ rowId: 'c', col: 'name' });
	});
	it('returns null for a cell that no longer exists', () => {
		expect(moveCursor(rows, columns, { rowId: 'gone', col: 'name' }, 'down')).toBeNull();
	});
});

describe('virtualWindow', () => {
	it('renders only visible rows plus overscan', () => {
		const w = virtualWindow({ scrollTop: 48 * 500, viewport: 480, rowHeight: 48, count: 1000, overscan: 5 });
		expect(w.start).toBe(495);
		expect(w.end).toBe(500 + 11 + 5);
		expect(w.padTop).toBe(495 * 48);
		expect(w.padTop + (w.end - w.start) * 48 + w.padBottom).toBe(1000 * 48);
	});
	it('clamps at both ends', () => {
		expect(virtualWindow({ scrollTop: -10, viewport: 480, rowHeight: 48, count: 3 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
		const w = virtualWindow({ scrollTop: 99999, viewport: 480, rowHeight: 48, count: 10 });
		expect(w.end).toBe(10);
		expect(w.padBottom).toBe(0);
	});
});

describe('monthSegments', () => {
	it('draws runs in fiscal order across the year boundary', () => {
		// Nov, Dec, Jan is one run; Mar alone; Sep alone at the end.
		expect(monthSegments([11, 12, 1, 3, 9])).toEqual([
			'none', 'start', 'middle', 'end', 'none', 'single', 'none', 'none', 'none', 'none', 'none', 'single'
		]);
		expect(monthSegments([])).toEqual(Array(12).fill('none'));
		expect(monthSegments([10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual(['start', ...Array(10).fill('middle'), 'end']);
	});
});

describe('transformPosition', () => {
	it('shifts a caret after remote inserts before it and keeps it before later ones', () => {
		expect(transformPosition(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
		expect(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
		expect(transformPosition(5, [{ retain: 5 }, { insert: 'x' }], 'after')).toBe(6);
		expect(transformPosition(5, [{ retain: 5 }, { insert: 'x' }], 'before')).toBe(5);
	});
	it('pulls a caret back over deletions, and onto the start of a deleted span that held it', () => {
		expect(transformPosition(5, [{ delete: 2 }])).toBe(3);
		expect(transformPosition(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
		expect(transformPosition(5, [{ retain: 6 }, { delete: 4 }])).toBe(5);
		expect(transformPosition(5, [{ retain: 1 }, { delete: 1 }, { insert: 'สวัสดี' }])).toBe(10);
	});
});

describe('monthColumns', () => {
	it('puts Oct–Dec under the previous Buddhist-era year', () => {
		const cols = monthColumns('th', 2569);
		expect(cols.map((c) => c.label).join(' ')).toBe('ต.ค. พ.ย. ธ.ค. ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย.');
		expect(cols[2].superLabel).toBe('พ.ศ. ๒๕๖๘');
		expect(cols[3].superLabel).toBe('พ.ศ. ๒๕๖๙');
		expect(monthColumns('en', 2569)[0]).toMatchObject({ label: 'Oct', superLabel: 'BE 2568', key: 'm10', month: 10 });
	});
});

describe('cellBlock', () => {
	it('spans anchor to cursor in either direction, across groups', () => {
		expect(cellBlock(rows, columns, { rowId: 'c', col: 'budget' }, { rowId: 'a', col: 'name' })).toEqual({ rowIds: ['a', 'b', 'c'], colKeys: ['name', 'budget'] });
	});
	it('takes the whole row from a row header', () => {
		const whole = cellBlock(rows, columns, { rowId: 'b', col: 'seq' }, { rowId: 'b', col: 'seq' });
		expect(whole?.rowIds).toEqual(['b']);
		expect(whole?.colKeys).toEqual(columns.filter((c) => c.kind !== 'seq').map((c) => c.key));
	});
	it('is null for a row that is gone', () => {
		expect(cellBlock(rows, columns, { rowId: 'zz', col: 'name' }, { rowId: 'a', col: 'name' })).toBeNull();
	});
});
