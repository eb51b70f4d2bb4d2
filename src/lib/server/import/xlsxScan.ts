/**
 * A bounded first pass over an XLSX before ExcelJS builds its (about 1 KB per cell) model:
 * every part is inflated as a stream with a running byte budget — the sizes the ZIP
 * declares can lie, the inflated bytes cannot — and each sheet's XML is scanned for rows,
 * cells and merged ranges as it streams. The pass stops at the first limit crossed, so a
 * 200,000-row sheet or a zip bomb costs a few megabytes and never reaches the full parser.
 */
import zlib from 'node:zlib';
import { ImportRefusal } from './refusal';

export interface ScanLimits {
	/** Inflated bytes of all parts together. */
	maxUncompressed: number;
	/** Highest row number and number of rows, per sheet. */
	maxRows: number;
	/** Cells the full parser would create, over the whole workbook. */
	maxCells: number;
	/** Columns read per row (wider cells are ignored by the reader, so they cost nothing). */
	maxCols: number;
}

export interface ZipPart {
	name: string;
	method: number;
	compressed: number;
	localOffset: number;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** Longest tag text we carry from one chunk to the next; real tags are far shorter. */
const MAX_TAG = 64 * 1024;

export const tooBig = () =>
	new ImportRefusal(
		'ไฟล์นี้เมื่อขยายแล้วมีขนาดใหญ่ผิดปกติ (อาจเป็นไฟล์อันตราย) ระบบไม่รับไฟล์นี้',
		'The file expands to an abnormal size (possible zip bomb) and is refused'
	);
const damaged = () => new ImportRefusal('ไฟล์ Excel เสียหายหรือไม่ใช่ไฟล์ .xlsx', 'The Excel file is damaged or not an .xlsx file');
const tooManyRows = (max: number) =>
	new ImportRefusal(
		`แผ่นงานมีมากกว่า ${max.toLocaleString('en-US')} แถว ระบบรับได้ไม่เกินนี้ กรุณาแบ่งไฟล์`,
		`A sheet has more than ${max.toLocaleString('en-US')} rows; split the file`
	);
const tooManyCells = (max: number) =>
	new ImportRefusal(
		`ไฟล์มีข้อมูลมากเกินไป (เกิน ${max.toLocaleString('en-US')} ช่อง) กรุณาลบแผ่นงานหรือคอลัมน์ที่ไม่ใช้ หรือแบ่งไฟล์`,
		`The file has too many cells (more than ${max.toLocaleString('en-US')}); remove unused sheets or columns, or split it`
	);

/** Column letters → number (A = 1). */
function columnNumber(letters: string): number {
	let n = 0;
	for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n;
}

/** Counts what one sheet would cost the full parser, chunk by chunk. */
class SheetCounter {
	rows = 0;
	maxRow = 0;
	maxCol = 0;
	xmlCells = 0;
	mergedCells = 0;
	private carry = '';

	constructor(private readonly limits: ScanLimits) {}

	/**
	 * Cells ExcelJS creates: those in the XML or, if more, the grid the reader walks (it
	 * creates the missing ones), plus every cell of the merged ranges.
	 */
	get cost(): number {
		return Math.max(this.xmlCells, this.maxRow * Math.min(this.maxCol, this.limits.maxCols)) + this.mergedCells;
	}

	feed(chunk: Buffer): void {
		// Tags and attributes are ASCII, so latin1 keeps every byte and never splits a character.
		const text = this.carry + chunk.toString('latin1');
		const open = text.lastIndexOf('<');
		const cut = open > text.lastIndexOf('>') ? open : text.length;
		this.carry = text.slice(cut);
		if (this.carry.length > MAX_TAG) throw damaged();
		this.scan(text.slice(0, cut));
	}

	private scan(text: string): void {
		for (const m of text.matchAll(/<(?:\w+:)?(row|c|mergeCell)\b([^>]*)>/g)) {
			const [, tag, attrs] = m;
			if (tag === 'c') {
				this.xmlCells++;
				const ref = /\br="([A-Z]{1,3})\d+"/.exec(attrs);
				if (ref) this.maxCol = Math.max(this.maxCol, columnNumber(ref[1]));
			} else if (tag === 'row') {
				this.rows++;
				const r = /\br="(\d+)"/.exec(attrs);
				this.maxRow = Math.max(this.maxRow, r ? Number(r[1]) : this.maxRow + 1);
				if (this.rows > this.limits.maxRows || this.maxRow > this.limits.maxRows) throw tooManyRows(this.limits.maxRows);
			} else {
				const ref = /\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/.exec(attrs);
				if (ref) {
					const cols = Math.abs(columnNumber(ref[3]) - columnNumber(ref[1])) + 1;
					const rows = Math.abs(Number(ref[4]) - Number(ref[2])) + 1;
					this.mergedCells += cols * rows;
				}
			}
		}
	}
}

/** Inflates one part as a stream, handing each chunk to `onChunk`; returns its inflated size. */
function inflatePart(bytes: Uint8Array, part: ZipPart, budget: number, onChunk: (chunk: Buffer) => void): Promise<number> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const p = part.localOffset;
	if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) return Promise.reject(damaged());
	const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
	const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(part.compressed, bytes.length - start)));
	if (part.method === 0) {
		if (data.length > budget) return Promise.reject(tooBig());
		try {
			onChunk(data);
		} catch (e) {
			return Promise.reject(e);
		}
		return Promise.resolve(data.length);
	}
	if (part.method !== 8) return Promise.reject(damaged());
	return new Promise((resolve, reject) => {
		const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
		let size = 0;
		let settled = false;
		const stop = (e: unknown) => {
			if (settled) return;
			settled = true;
			inflate.destroy();
			reject(e);
		};
		inflate.on('data', (chunk: Buffer) => {
			if (settled) return;
			size += chunk.length;
			if (size > budget) return stop(tooBig());
			try {
				onChunk(chunk);
			} catch (e) {
				stop(e);
			}
		});
		inflate.on('error', () => stop(damaged()));
		inflate.on('end', () => {
			if (settled) return;
			settled = true;
			resolve(size);
		});
		inflate.end(data);
	});
}

/** Refuses the workbook (ImportRefusal) when any part or sheet goes past `limits`. */
export async function scanXlsx(bytes: Uint8Array, parts: ZipPart[], limits: ScanLimits): Promise<void> {
	let remaining = limits.maxUncompressed;
	let cells = 0;
	for (const part of parts) {
		const counter = SHEET.test(part.name) ? new SheetCounter(limits) : null;
		const before = cells;
		remaining -= await inflatePart(bytes, part, remaining, (chunk) => {
			if (!counter) return;
			counter.feed(chunk);
			if (before + counter.cost > limits.maxCells) throw tooManyCells(limits.maxCells);
		});
		if (counter) cells = before + counter.cost;
	}
}

/** The whole text of one (already size-checked) part, inflated within `budget` bytes. */
export async function readPartText(bytes: Uint8Array, part: ZipPart, budget: number): Promise<string> {
	const chunks: Buffer[] = [];
	await inflatePart(bytes, part, budget, (chunk) => chunks.push(Buffer.from(chunk)));
	return Buffer.concat(chunks).toString('utf8');
}
