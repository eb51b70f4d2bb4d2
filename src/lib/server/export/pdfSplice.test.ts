import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import { replaceLeadingPages } from './pdfSplice';
import { pdfPageCount } from './pdfOutline';

/** A PDF in Skia's shape (classic xref, Flate content with marked content), one object per entry. */
function makePdf(objects: Record<number, string | { dict: string; data: string }>, root: number): Buffer {
	const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
	let at = parts[0].length;
	const offsets = new Map<number, number>();
	const max = Math.max(...Object.keys(objects).map(Number));
	for (const [n, o] of Object.entries(objects)) {
		offsets.set(Number(n), at);
		let chunk: Buffer;
		if (typeof o === 'string') chunk = Buffer.from(`${n} 0 obj\n${o}\nendobj\n`, 'latin1');
		else {
			const data = deflateSync(Buffer.from(o.data, 'latin1'));
			chunk = Buffer.concat([
				Buffer.from(`${n} 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}${o.dict}>> stream\n`, 'latin1'),
				data,
				Buffer.from('\nendstream\nendobj\n', 'latin1')
			]);
		}
		parts.push(chunk);
		at += chunk.length;
	}
	let xref = `xref\n0 ${max + 1}\n0000000000 65535 f \n`;
	for (let n = 1; n <= max; n++) xref += offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
	parts.push(Buffer.from(`${xref}trailer\n<</Size ${max + 1}\n/Root ${root} 0 R>>\nstartxref\n${at}\n%%EOF`, 'latin1'));
	return Buffer.concat(parts);
}

const A4 = '[0 0 594.96 841.92]';
const marked = (text: string, ids: number[]) => ids.map((id) => `/P <</MCID ${id} >>BDC\nBT (${text}) Tj ET\nEMC`).join('\n');

/** Two pages with placeholder TOC numbers, links and structure entries, and a third (the body). */
const base = makePdf(
	{
		1: '<</Type /Catalog\n/Pages 2 0 R>>',
		2: '<</Type /Pages\n/Count 3\n/Kids [3 0 R 5 0 R 7 0 R]>>',
		3: `<</Type /Page\n/Resources <</Font <</F1 9 0 R>>>>\n/MediaBox ${A4}\n/Contents 4 0 R\n/StructParents 0\n/Tabs /S\n/Parent 2 0 R>>`,
		4: { dict: '', data: marked('cover', [0, 1]) },
		5: `<</Type /Page\n/Resources <</Font <</F1 9 0 R>>>>\n/MediaBox ${A4}\n/Contents 6 0 R\n/Annots [10 0 R]\n/StructParents 1\n/Tabs /S\n/Parent 2 0 R>>`,
		// The TOC page ends with a fragment of the next page's heading (Chromium's stray dot).
		6: { dict: '', data: `${marked('toc 888', [0, 1])}\n${marked('.', [2])}` },
		7: `<</Type /Page\n/Resources <</Font <</F1 9 0 R>>>>\n/MediaBox ${A4}\n/Contents 8 0 R\n/StructParents 2\n/Parent 2 0 R>>`,
		8: { dict: '', data: marked('body', [0]) },
		9: '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>',
		10: '<</Type /Annot\n/Subtype /Link\n/Rect [10 10 100 30]\n/Dest [7 0 R /XYZ 0 800 0]>>'
	},
	1
);

/** The front matter alone, printed with the real numbers: its own font object and a font descriptor. */
const donor = (pages = 2, box = A4, tocIds = [0, 1]) =>
	makePdf(
		{
			1: '<</Type /Catalog\n/Pages 2 0 R>>',
			2: `<</Type /Pages\n/Count ${pages}\n/Kids [${[3, 5].slice(0, pages).map((n) => `${n} 0 R`).join(' ')}]>>`,
			3: `<</Type /Page\n/Resources <</Font <</F7 7 0 R>>>>\n/MediaBox ${box}\n/Contents 4 0 R\n/StructParents 0\n/Parent 2 0 R>>`,
			4: { dict: '', data: marked('cover', [0, 1]) },
			5: `<</Type /Page\n/Resources <</Font <</F7 7 0 R>>>>\n/MediaBox ${box}\n/Contents 6 0 R\n/Annots [9 0 R]\n/StructParents 1\n/Parent 2 0 R>>`,
			6: { dict: '', data: marked('toc 3 (p. 3)', tocIds) },
			7: '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/FontDescriptor 8 0 R>>',
			8: '<</Type /FontDescriptor\n/FontName /Helvetica\n/Flags 32>>',
			9: '<</Type /Annot\n/Subtype /Link\n/Rect [0 0 1 1]>>'
		},
		1
	);

/** Decoded contents of every stream object in the file's last definition of `n`. */
function lastObject(pdf: Buffer, n: number): string {
	const text = pdf.toString('latin1');
	const at = text.lastIndexOf(`\n${n} 0 obj\n`);
	return text.slice(at + 1, text.indexOf('endobj', at));
}

function streamOf(pdf: Buffer, n: number): string {
	const text = pdf.toString('latin1');
	const at = text.lastIndexOf(`\n${n} 0 obj\n`);
	const len = Number(/\/Length (\d+)/.exec(text.slice(at, at + 200))![1]);
	const start = text.indexOf('stream\n', at) + 7;
	return inflateSync(pdf.subarray(start, start + len)).toString('latin1');
}

describe('replaceLeadingPages', () => {
	it('puts the front matter in place of the first pages as an incremental update', () => {
		const out = replaceLeadingPages(base, donor(), 2)!;
		expect(out).not.toBeNull();
		// The original bytes stay; the update points back at the first cross-reference table.
		expect(out.subarray(0, base.length).equals(base)).toBe(true);
		const trailer = out.toString('latin1').slice(base.length);
		expect(trailer).toMatch(/\/Prev \d+/);
		expect(trailer).toMatch(/\/Size 15\b/); // 11 in the base + 4 copied: two contents, the font, its descriptor
		expect(pdfPageCount(out)).toBe(3);

		// Page 2 keeps its number, parent, links and structure entry, and shows the donor's content.
		const page = lastObject(out, 5);
		expect(page).toContain('/Parent 2 0 R');
		expect(page).toContain('/Annots [10 0 R]');
		expect(page).toContain('/StructParents 1');
		const contents = Number(/\/Contents (\d+) 0 R/.exec(page)![1]);
		expect(contents).toBeGreaterThanOrEqual(11);
		expect(streamOf(out, contents)).toContain('toc 3 (p. 3)');
		// Its font came along with the font descriptor it refers to, renumbered.
		const font = Number(/\/F7 (\d+) 0 R/.exec(page)![1]);
		const descriptor = Number(/\/FontDescriptor (\d+) 0 R/.exec(lastObject(out, font))![1]);
		expect(lastObject(out, descriptor)).toContain('/Type /FontDescriptor');
		// The body page is untouched.
		expect(lastObject(out, 7)).toContain('/Contents 8 0 R');
	});

	it('refuses pages that do not correspond', () => {
		expect(replaceLeadingPages(base, donor(1), 2)).toBeNull(); // page count
		expect(replaceLeadingPages(base, donor(2, '[0 0 841.92 594.96]'), 2)).toBeNull(); // page size
		expect(replaceLeadingPages(base, donor(2, A4, [0, 2]), 2)).toBeNull(); // marked content
		expect(replaceLeadingPages(Buffer.from('not a pdf'), donor(), 2)).toBeNull();
	});
});
