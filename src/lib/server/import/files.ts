/**
 * First look at an uploaded file, before any parser touches it: size, type by content (not
 * by name), encrypted workbooks, and zip bombs (the uncompressed sizes in the ZIP central
 * directory are checked before anything is inflated, and the real inflated sizes while
 * `xlsxScan` streams through the parts). Then the bounded read: rows are counted while the
 * CSV or the sheet XML streams, and reading stops at the first limit crossed, before any
 * full model is built. Every refusal carries a Thai and an English message for the person
 * who uploaded the file.
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { toArabicDigits } from '$lib/domain/thai';
import { ImportRefusal } from './refusal';
import { scanXlsx, tooBig } from './xlsxScan';
import { withParseSlot } from './parseSlots';
import { drawnMarks, type CellRef } from './drawnMarks';

export { ImportRefusal };

/** Largest upload accepted (the import page says so too). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest total uncompressed size of an XLSX's parts. */
const XLSX_MAX_UNCOMPRESSED = 60 * 1024 * 1024;
/** Largest compression ratio of one ZIP entry (real sheets stay far below). */
const XLSX_MAX_RATIO = 200;
const XLSX_MAX_ENTRIES = 2000;
export const MAX_ROWS = 20_000;
export const MAX_COLS = 80;
/**
 * Cells the workbook parser may create (ExcelJS keeps about 1 KB per cell while it loads):
 * a real ผด.02 of a thousand projects in 18 columns is a fifth of this.
 */
export const XLSX_MAX_CELLS = 100_000;

export type FileKind = 'xlsx' | 'csv';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

interface ZipEntry {
	name: string;
	method: number;
	compressed: number;
	uncompressed: number;
	encrypted: boolean;
	localOffset: number;
}

/** Reads the ZIP central directory (no inflation). Throws ImportRefusal on anything odd. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const bad = () => new ImportRefusal('ไฟล์ Excel เสียหายหรือไม่ใช่ไฟล์ .xlsx', 'The Excel file is damaged or not an .xlsx file');
	// End of central directory: last 22 bytes + up to 64 KiB of comment.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw bad();
	const count = view.getUint16(eocd + 10, true);
	const size = view.getUint32(eocd + 12, true);
	const offset = view.getUint32(eocd + 16, true);
	if (count === 0xffff || offset === 0xffffffff) {
		throw new ImportRefusal('ไฟล์มีขนาดหรือจำนวนส่วนประกอบเกินกว่าที่ระบบรับได้ (ZIP64)', 'The file uses ZIP64, which is not accepted');
	}
	if (count > XLSX_MAX_ENTRIES) throw new ImportRefusal('ไฟล์มีส่วนประกอบมากผิดปกติ ระบบไม่รับไฟล์นี้', 'The file has too many parts');
	if (offset + size > bytes.length) throw bad();
	const entries: ZipEntry[] = [];
	let p = offset;
	for (let i = 0; i < count; i++) {
		if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw bad();
		const flags = view.getUint16(p + 8, true);
		const method = view.getUint16(p + 10, true);
		const compressed = view.getUint32(p + 20, true);
		const uncompressed = view.getUint32(p + 24, true);
		const nameLen = view.getUint16(p + 28, true);
		const extraLen = view.getUint16(p + 30, true);
		const commentLen = view.getUint16(p + 32, true);
		const localOffset = view.getUint32(p + 42, true);
		const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
		entries.push({ name, method, compressed, uncompressed, encrypted: (flags & 1) === 1, localOffset });
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}

/** Refuses zip bombs and encrypted or non-workbook ZIPs, from the central directory alone. */
function checkXlsxContainer(bytes: Uint8Array): ZipEntry[] {
	const entries = zipEntries(bytes);
	if (entries.some((e) => e.encrypted)) {
		throw new ImportRefusal('ไฟล์ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ กรุณาเอารหัสผ่านออกก่อนนำเข้า', 'The workbook is encrypted; remove the password first');
	}
	const total = entries.reduce((s, e) => s + e.uncompressed, 0);
	const bomb = entries.some((e) => e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > XLSX_MAX_RATIO);
	if (total > XLSX_MAX_UNCOMPRESSED || bomb) throw tooBig();
	const names = new Set(entries.map((e) => e.name));
	if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
		throw new ImportRefusal('ไฟล์นี้ไม่ใช่สมุดงาน Excel (.xlsx)', 'The file is not an Excel workbook (.xlsx)');
	}
	return entries;
}

/** The checked parts of a workbook's zip (for readers of parts ExcelJS does not read). */
export const xlsxParts = (bytes: Uint8Array): ZipEntry[] => checkXlsxContainer(bytes);

/** Decides what the bytes are, refusing anything that is not a spreadsheet we can read. */
export function sniffFile(name: string, bytes: Uint8Array): FileKind {
	if (bytes.length === 0) throw new ImportRefusal('ไฟล์ว่างเปล่า', 'The file is empty');
	if (bytes.length > IMPORT_MAX_BYTES) {
		throw new ImportRefusal(
			`ไฟล์มีขนาดเกิน ${IMPORT_MAX_BYTES / 1024 / 1024} MB กรุณาแบ่งไฟล์หรือลบแผ่นงานที่ไม่ใช้`,
			`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`
		);
	}
	if (startsWith(bytes, CFB)) {
		// Password-protected .xlsx files are stored in this container too.
		throw new ImportRefusal(
			'ไฟล์นี้ถูกเข้ารหัส (ตั้งรหัสผ่าน) หรือเป็น Excel รุ่นเก่า (.xls) กรุณาเอารหัสผ่านออกและบันทึกเป็น .xlsx ก่อนนำเข้า',
			'The file is encrypted or an old .xls workbook; remove the password and save it as .xlsx'
		);
	}
	if (startsWith(bytes, ZIP)) {
		checkXlsxContainer(bytes);
		return 'xlsx';
	}
	const head = bytes.subarray(0, 8192);
	const looksBinary = head.some((b) => b === 0) || /\.(pdf|docx?|xls|ods|png|jpe?g|zip)$/i.test(name);
	if (looksBinary) throw new ImportRefusal('ไฟล์นี้ไม่ใช่ตาราง Excel (.xlsx) หรือ CSV', 'The file is not an .xlsx or CSV spreadsheet');
	if (/\.xls[xmb]?$/i.test(name)) {
		// Text saved under a workbook's name (a CSV or a web page renamed .xlsx).
		throw new ImportRefusal(
			'ไฟล์นี้ตั้งชื่อเป็นไฟล์ Excel แต่เนื้อไฟล์ไม่ใช่สมุดงาน Excel (อาจเป็นไฟล์ข้อความที่เปลี่ยนนามสกุล) กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv',
			'The file is named like an Excel workbook but is not one (perhaps a text file renamed); open it in Excel and save it as .xlsx or .csv'
		);
	}
	return 'csv';
}

export interface SheetGrid {
	name: string;
	/** Cell text by row (0-based), as displayed; merged cells repeat the master's text. */
	rows: string[][];
	/**
	 * Cells marked without text, [row, column] 0-based: shaded (any fill but white or none,
	 * merged cells by their master's fill) or covered by a drawn arrow/line shape. The table
	 * reader counts them as month marks in month columns and ignores them elsewhere.
	 */
	marks?: CellRef[];
}

/** A fill a person would call shaded: a pattern or gradient in any colour but white. */
function isShaded(fill: ExcelJS.Fill | undefined): boolean {
	if (!fill) return false;
	if (fill.type === 'gradient') return true;
	if (fill.type !== 'pattern' || !fill.pattern || fill.pattern === 'none') return false;
	// Solid fills show fgColor; other patterns mix fg over bg, and any non-white fg shows.
	const color = (fill.fgColor ?? {}) as { argb?: string; theme?: number; tint?: number; indexed?: number };
	if (color.argb !== undefined) return !/^(FF)?FFFFFF$/i.test(color.argb);
	// Theme 0 (background 1) untinted and legacy index 9 are white.
	if (color.theme !== undefined) return !(color.theme === 0 && !color.tint);
	if (color.indexed !== undefined) return color.indexed !== 9 && color.indexed !== 64;
	return fill.pattern !== 'solid';
}

/** Excel error values a formula may leave in a cell; the reason names them. */
export const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

/** A number as a person reads it: exact satang when it has at most two decimals. */
function numberText(value: number, numFmt: string | undefined): string {
	if (Number.isInteger(value)) {
		// "000" formats keep their leading zeros (codes, village numbers typed as numbers).
		const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
		return String(value).padStart(zeros, '0');
	}
	const cents = Math.round(value * 100);
	// Float noise (0.1 + 0.2) is not a third decimal; a real third decimal stays and is refused.
	return Math.abs(value * 100 - cents) < 1e-6 ? (cents / 100).toFixed(2) : String(value);
}


/**
 * Text of an ExcelJS cell value (rich text, formulas by their cached result, numbers, dates);
 * line breaks stay, an error value (#REF!, …) is its own text so the reason can name it.
 */
function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
	if (typeof value === 'number') return numberText(value, numFmt);
	if (typeof value === 'boolean') return value ? 'TRUE' : '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('error' in value) return String((value as { error: unknown }).error ?? '');
		if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
		if ('formula' in value || 'sharedFormula' in value) return '';
		if ('text' in value) return String((value as { text: unknown }).text ?? '');
	}
	return String(value);
}

/**
 * Reads an upload into text grids, within the limits above and in one of the few parse
 * slots (`parseSlots.ts`); refuses with ImportRefusal, never parses more than it keeps.
 */
export function readUpload(name: string, bytes: Uint8Array): Promise<SheetGrid[]> {
	return withParseSlot(() => readGrids(sniffFile(name, bytes), bytes));
}

/** All sheets of a workbook or CSV as text grids (bounded). */
export async function readGrids(kind: FileKind, bytes: Uint8Array): Promise<SheetGrid[]> {
	if (kind === 'csv') return [readCsv(bytes)];
	// Real sizes, rows and cells first, as the parts stream; ExcelJS only sees what fits.
	const parts = checkXlsxContainer(bytes);
	await scanXlsx(bytes, parts, {
		maxUncompressed: XLSX_MAX_UNCOMPRESSED,
		maxRows: MAX_ROWS,
		maxCells: XLSX_MAX_CELLS,
		maxCols: MAX_COLS
	});
	const drawn = await drawnMarks(bytes, parts);
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	} catch {
		throw new ImportRefusal('อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย', 'The Excel file could not be read; it may be damaged');
	}
	const grids: SheetGrid[] = [];
	wb.eachSheet((ws) => {
		if (ws.rowCount > MAX_ROWS) throw tooManyRows();
		const rows: string[][] = [];
		const marks: CellRef[] = [];
		const cols = Math.min(ws.columnCount, MAX_COLS);
		for (let r = 1; r <= ws.rowCount; r++) {
			const row = ws.getRow(r);
			const out: string[] = [];
			for (let c = 1; c <= cols; c++) {
				const cell = row.getCell(c);
				// A merged cell's slaves report the master's value: keep it, so a group row merged
				// across the table reads the same in every column and a two-row header reads in both.
				const source = cell.isMerged ? cell.master : cell;
				out.push(cellText(source.value, source.numFmt).trim());
				if (isShaded(source.fill)) marks.push([r - 1, c - 1]);
			}
			rows.push(out);
		}
		for (const [r, c] of drawn.get(ws.name) ?? []) if (r < rows.length && c < cols) marks.push([r, c]);
		grids.push({ name: ws.name, rows, ...(marks.length ? { marks } : {}) });
	});
	if (!grids.some((g) => g.rows.some((r) => r.some((c) => c !== '')))) {
		throw new ImportRefusal('สมุดงานนี้ว่างเปล่า ไม่มีข้อมูลในแผ่นงานใดเลย', 'The workbook is empty: no sheet has any data');
	}
	return grids;
}

const tooManyRows = () =>
	new ImportRefusal(
		`ไฟล์มีมากกว่า ${MAX_ROWS.toLocaleString('en-US')} แถว ระบบรับได้ไม่เกินนี้ กรุณาแบ่งไฟล์`,
		`The file has more than ${MAX_ROWS.toLocaleString('en-US')} rows; split the file`
	);

function readCsv(bytes: Uint8Array): SheetGrid {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Thai Excel on Windows saves CSV in windows-874 (TIS-620 superset).
		text = new TextDecoder('windows-874').decode(bytes);
	}
	text = text.replace(/^\uFEFF/, '');
	// Row by row, stopping at the limit: only what is kept is ever built.
	const rows: string[][] = [];
	let over = false;
	Papa.parse<string[]>(text, {
		skipEmptyLines: false,
		step: (result, parser) => {
			if (rows.length === MAX_ROWS) {
				over = true;
				parser.abort();
				return;
			}
			rows.push(result.data.slice(0, MAX_COLS).map((c) => String(c ?? '').trim()));
		}
	});
	if (over) throw tooManyRows();
	if (!rows.some((r) => r.some((c) => toArabicDigits(c) !== ''))) throw new ImportRefusal('ไฟล์ CSV ไม่มีข้อมูล', 'The CSV file has no data');
	return { name: 'CSV', rows };
}
