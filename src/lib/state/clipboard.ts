/**
 * Cell blocks on the clipboard, as spreadsheets exchange them: text/plain is tab-separated
 * values (Excel, LibreOffice Calc and Google Sheets all write it; a cell holding a line break
 * or a tab is quoted, "" inside quotes is one quote), text/html is a <table>. Pure, so it is
 * unit-tested in node; the HTML reader takes the browser's DOMParser.
 */

/** Reads TSV into rows of cells; a trailing line break does not make an empty last row. */
export function parseTsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let i = 0;
	const src = text.replace(/\r\n?/g, '\n');
	let atCellStart = true;
	while (i < src.length) {
		const ch = src[i];
		if (atCellStart && ch === '"') {
			// Quoted cell: up to the closing quote; "" is a literal quote.
			let j = i + 1;
			let value = '';
			let closed = false;
			while (j < src.length) {
				if (src[j] === '"') {
					if (src[j + 1] === '"') {
						value += '"';
						j += 2;
						continue;
					}
					closed = true;
					j++;
					break;
				}
				value += src[j++];
			}
			// Only a quote that ends right before a separator is a quoted cell; otherwise the
			// quote is part of the text (e.g. "ถนน" สายหลัก).
			if (closed && (j >= src.length || src[j] === '\t' || src[j] === '\n')) {
				cell = value;
				i = j;
				atCellStart = false;
				continue;
			}
		}
		atCellStart = false;
		if (ch === '\t') {
			row.push(cell);
			cell = '';
			atCellStart = true;
		} else if (ch === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			atCellStart = true;
		} else cell += ch;
		i++;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** Writes rows of cells as TSV, quoting cells that hold a tab, a line break or a leading quote. */
export function toTsv(rows: readonly (readonly string[])[]): string {
	const quote = (v: string) => (/[\t\n\r]/.test(v) || v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v);
	return rows.map((r) => r.map(quote).join('\t')).join('\n');
}

const escapeHtml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes rows of cells as an HTML table (what spreadsheets read for pasting with cells). */
export function toHtmlTable(rows: readonly (readonly string[])[]): string {
	const body = rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`).join('');
	return `<table><tbody>${body}</tbody></table>`;
}

/** The cells of the first <table> in clipboard HTML (null when there is none). */
export function parseHtmlTable(html: string, parser: { parseFromString(s: string, type: 'text/html'): Document }): string[][] | null {
	const doc = parser.parseFromString(html, 'text/html');
	const table = doc.querySelector('table');
	if (!table) return null;
	const rows: string[][] = [];
	for (const tr of Array.from(table.querySelectorAll('tr'))) {
		const cells: string[] = [];
		for (const td of Array.from(tr.querySelectorAll('td, th'))) {
			for (const br of Array.from(td.querySelectorAll('br'))) br.replaceWith('\n');
			const text = (td.textContent ?? '').replace(/\u00a0/g, ' ').trim();
			const span = Math.max(1, Math.min(50, Number(td.getAttribute('colspan')) || 1));
			cells.push(text, ...Array<string>(span - 1).fill(''));
		}
		rows.push(cells);
	}
	return rows;
}

/**
 * The block a paste carries: the HTML table when there is one (it keeps line breaks inside
 * cells exactly), else the TSV text. Empty when the clipboard has neither.
 */
export function clipboardBlock(data: { html: string; text: string }, parser?: { parseFromString(s: string, type: 'text/html'): Document }): string[][] {
	if (data.html && parser) {
		const rows = parseHtmlTable(data.html, parser);
		if (rows && rows.length) return rows;
	}
	return data.text ? parseTsv(data.text) : [];
}
