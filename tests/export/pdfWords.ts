/**
 * Words of a PDF as pdftotext sees them (`pdftotext -bbox`), and a check that a table's cells
 * were not broken inside a word: every word of a cell (Thai by ICU's dictionary, the same
 * segmentation Chromium breaks lines with) must come out whole on one line of its column.
 */

export interface PdfWord {
	x: number;
	y: number;
	/** Bottom of the word's box. */
	yMax: number;
	t: string;
}

export interface PdfPage {
	width: number;
	height: number;
	words: PdfWord[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Pages of `pdftotext -bbox` output. */
export function pdfPages(bbox: string): PdfPage[] {
	return [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
		width: Number(m[1]),
		height: Number(m[2]),
		words: [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
			x: Number(w[1]),
			y: Number(w[2]),
			yMax: Number(w[3]),
			t: unescape(w[4])
		}))
	}));
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The words of a text (ICU word segmentation), without spaces and punctuation-only pieces. */
export function wordsOf(text: string): string[] {
	const seg = new Intl.Segmenter('th', { granularity: 'word' });
	return [...seg.segment(text)].filter((s) => s.isWordLike && [...s.segment].length > 1).map((s) => s.segment);
}

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/**
 * Words of `cells` (text per column, all rows of the table) that do not come out whole on one
 * line of their column in the PDF: a word broken across two lines ("ครุภั" / "ณฑ์") is found
 * fewer times than the cells hold it. `columns` are the columns' widths (fractions of the
 * table, which spans the page between `margin` points left and right); only words below
 * `bodyTop(page)` (the repeated header) are read.
 */
export function brokenWords(
	pages: PdfPage[],
	columns: number[],
	cells: string[][],
	opts: { margin: number; bodyTop: (page: PdfPage) => number }
): string[] {
	const lines: string[][] = columns.map(() => []);
	for (const page of pages) {
		const top = opts.bodyTop(page);
		const inner = page.width - 2 * opts.margin;
		let left = opts.margin;
		columns.forEach((w, c) => {
			const right = left + inner * w;
			const words = page.words.filter((wd) => wd.y > top && wd.x >= left - 0.5 && wd.x < right - 0.5);
			// A line: words whose tops are within 2 pt, left to right.
			const byLine = new Map<number, PdfWord[]>();
			for (const wd of words.sort((a, b) => a.y - b.y || a.x - b.x)) {
				const key = [...byLine.keys()].find((y) => Math.abs(y - wd.y) < 2) ?? wd.y;
				byLine.set(key, [...(byLine.get(key) ?? []), wd]);
			}
			for (const ws of byLine.values()) lines[c].push(squash(ws.map((w) => w.t).join('')));
			left = right;
		});
	}
	const broken: string[] = [];
	cells.forEach((texts, c) => {
		const expected = new Map<string, number>();
		for (const t of texts) for (const w of wordsOf(t)) expected.set(w, (expected.get(w) ?? 0) + 1);
		for (const [w, n] of expected) {
			const found = lines[c].reduce((k, l) => k + count(l, w), 0);
			if (found < n) broken.push(`column ${c + 1}: ${w} (${found} of ${n} whole)`);
		}
	});
	return broken;
}
