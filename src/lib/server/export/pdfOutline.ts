/**
 * Just enough PDF reading for Chromium's (Skia's) output: the page tree and the document
 * outline, whose dictionaries Skia writes uncompressed. Used to find on which page each
 * heading landed (the สารบัญ page numbers) and to count pages; not a general PDF parser.
 */


/** A destination this close to the bottom edge (pt) cannot be a visible heading's top. */
const FOOT_PT = 60;

function objects(pdf: string): Map<number, string> {
	const map = new Map<number, string>();
	const re = /(\d+) 0 obj\s*(<<[\s\S]*?)endobj/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(pdf))) {
		const body = m[2];
		// Stream objects can be large; only dictionaries matter here.
		map.set(Number(m[1]), body.length > 4000 ? body.slice(0, 4000) : body);
	}
	return map;
}

const ref = (body: string, key: string): number | null => {
	const m = new RegExp(`/${key} (\\d+) 0 R`).exec(body);
	return m ? Number(m[1]) : null;
};

/** Page objects in page order (walks the /Pages tree). */
function pageOrder(objs: Map<number, string>): number[] {
	const pagesNodes = [...objs].filter(([, b]) => /\/Type \/Pages\b/.test(b));
	const root = pagesNodes.find(([, b]) => !/\/Parent \d+ 0 R/.test(b));
	const out: number[] = [];
	const visit = (id: number) => {
		const body = objs.get(id) ?? '';
		if (/\/Type \/Pages\b/.test(body)) {
			const kids = /\/Kids \[([^\]]*)\]/.exec(body)?.[1] ?? '';
			for (const k of kids.matchAll(/(\d+) 0 R/g)) visit(Number(k[1]));
		} else out.push(id);
	};
	if (root) visit(root[0]);
	return out;
}

function decodePdfString(raw: string): string {
	if (raw.startsWith('<')) {
		const hex = raw.slice(1, -1).replace(/\s+/g, '');
		const bytes = Buffer.from(hex, 'hex');
		if (bytes[0] === 0xfe && bytes[1] === 0xff) {
			let s = '';
			for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
			return s;
		}
		return bytes.toString('latin1');
	}
	return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** Number of pages of a PDF. */
export function pdfPageCount(pdf: Buffer): number {
	return pageOrder(objects(pdf.toString('latin1'))).length;
}

/** Outline (bookmark) entries in document order with their 1-based page numbers. */
export function parsePdfOutline(pdf: Buffer): { title: string; page: number }[] {
	const objs = objects(pdf.toString('latin1'));
	const pageIndex = new Map(pageOrder(objs).map((id, i) => [id, i + 1]));
	const root = [...objs].find(([, b]) => /\/Type \/Outlines\b/.test(b));
	const out: { title: string; page: number }[] = [];
	const visit = (id: number | null, depth: number) => {
		for (let guard = 0; id !== null && guard < 100_000 && depth < 20; guard++) {
			const body = objs.get(id) ?? '';
			const title = /\/Title (<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(body)?.[1];
			const dest = /\/Dest \[(\d+) 0 R \/XYZ [-\d.]+ ([-\d.]+)/.exec(body);
			if (title && dest) {
				// Chromium points a heading that opens a new named page at the foot of the page
				// before it (y inside the bottom margin); such a heading is on the next page.
				const onPage = pageIndex.get(Number(dest[1])) ?? 0;
				out.push({ title: decodePdfString(title), page: Number(dest[2]) < FOOT_PT ? onPage + 1 : onPage });
			}
			visit(ref(body, 'First'), depth + 1);
			id = ref(body, 'Next');
		}
	};
	if (root) visit(ref(root[1], 'First'), 0);
	return out;
}
