/**
 * Month bars drawn as shapes. Many officers mark a project's months with an arrow or a line
 * drawn over the month columns instead of typing into the cells; ExcelJS does not read
 * drawings, so the anchors are read here from the drawing parts of the zip: sheet (by name,
 * through workbook.xml and the relationship parts) → drawing → each two-cell anchor's
 * from/to column and row. A shape covers the cells from its from-column to its to-column on
 * the row it sits in (a shape ending exactly on a column's left edge does not cover it).
 */
import { readPartText, type ZipPart } from './xlsxScan';

/** [row, column], both 0-based, of a cell a shape covers. */
export type CellRef = [number, number];

/** Drawing parts are small; anything larger is not a hand-drawn month bar. */
const MAX_DRAWING_BYTES = 4 * 1024 * 1024;
/** Shapes read per sheet (a thousand projects with a bar each fits easily). */
const MAX_SHAPES = 20_000;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** Relationship id → absolute part name, from a .rels part. */
function relations(xml: string, baseDir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
		const id = attr(m[0], 'Id');
		const target = attr(m[0], 'Target');
		if (id && target) out.set(id, resolvePath(baseDir, target));
	}
	return out;
}

function resolvePath(baseDir: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = baseDir.split('/').filter(Boolean);
	for (const seg of target.split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.') parts.push(seg);
	}
	return parts.join('/');
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const dirOf = (part: string) => part.replace(/[^/]+$/, '');

/** Reads one anchor corner: column, column offset, row, row offset (EMU offsets). */
function corner(xml: string, tag: 'from' | 'to'): { col: number; colOff: number; row: number; rowOff: number } | null {
	const m = new RegExp(`<(?:\\w+:)?${tag}>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml);
	if (!m) return null;
	const val = (name: string) => Number(new RegExp(`<(?:\\w+:)?${name}>\\s*(-?\\d+)\\s*<`).exec(m[1])?.[1] ?? NaN);
	const c = { col: val('col'), colOff: val('colOff'), row: val('row'), rowOff: val('rowOff') };
	return Object.values(c).every(Number.isFinite) ? c : null;
}

/** Cells covered by the shapes in one drawing part. */
export function shapeCells(drawingXml: string): CellRef[] {
	const cells: CellRef[] = [];
	let shapes = 0;
	for (const m of drawingXml.matchAll(/<(?:\w+:)?twoCellAnchor\b[\s\S]*?<\/(?:\w+:)?twoCellAnchor>/g)) {
		// Pictures and charts are not month marks; shapes (sp) and connectors/lines (cxnSp) are.
		if (!/<(?:\w+:)?(sp|cxnSp)\b/.test(m[0])) continue;
		const from = corner(m[0], 'from');
		const to = corner(m[0], 'to');
		if (!from || !to) continue;
		if (++shapes > MAX_SHAPES) break;
		const first = Math.min(from.col, to.col);
		let last = Math.max(from.col, to.col);
		if (last > first && (from.col > to.col ? from.colOff : to.colOff) === 0) last--;
		// The row the bar sits in: its top row (a bar drawn across a row's middle starts there).
		const row = Math.min(from.row, to.row);
		for (let c = first; c <= Math.min(last, first + 40); c++) cells.push([row, c]);
	}
	return cells;
}

/** Sheet name → cells covered by drawn shapes, for every sheet that has a drawing. */
export async function drawnMarks(bytes: Uint8Array, parts: ZipPart[]): Promise<Map<string, CellRef[]>> {
	const byName = new Map(parts.map((p) => [p.name, p]));
	const read = async (name: string) => {
		const part = byName.get(name);
		return part ? readPartText(bytes, part, MAX_DRAWING_BYTES) : null;
	};
	const out = new Map<string, CellRef[]>();
	if (!parts.some((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p.name))) return out;
	const workbook = await read('xl/workbook.xml');
	const workbookRels = await read(relsOf('xl/workbook.xml'));
	if (!workbook || !workbookRels) return out;
	const sheetParts = relations(workbookRels, 'xl/');
	for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
		const name = attr(m[0], 'name');
		const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], 'id');
		const sheetPart = rid ? sheetParts.get(rid) : undefined;
		if (!name || !sheetPart) continue;
		const sheetRels = await read(relsOf(sheetPart));
		if (!sheetRels) continue;
		const cells: CellRef[] = [];
		for (const [, target] of relations(sheetRels, dirOf(sheetPart))) {
			if (!/^xl\/drawings\/[^/]+\.xml$/.test(target)) continue;
			const xml = await read(target);
			if (xml) cells.push(...shapeCells(xml));
		}
		if (cells.length) out.set(unescapeXml(name), cells);
	}
	return out;
}

function unescapeXml(s: string): string {
	return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
