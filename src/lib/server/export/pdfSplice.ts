/**
 * Replaces the first pages of one Chromium PDF with the pages of another, as an incremental
 * update (the original bytes stay, new objects are appended): how the PDF gets its สารบัญ
 * page numbers from a single render of the whole document. The document is printed once with
 * placeholder numbers; the front matter alone (cover … สารบัญ, a few pages that lay out the
 * same with or without the body) is printed again with the real numbers, and its pages take
 * the place of the first ones.
 *
 * Each replaced page keeps its object number, parent, link annotations and structure-tree
 * entry (so bookmarks, named destinations and the tagged structure still point at it) and
 * takes the new page's contents and resources. Only what Skia writes is read: a classic
 * cross-reference table, uncompressed dictionaries, Flate content streams. Anything else, or
 * pages that do not correspond (page size, marked-content sequence), gives null, and the
 * caller prints the whole document again instead.
 */
import { inflateSync } from 'node:zlib';

type Value =
	| { k: 'dict'; v: Map<string, Value> }
	| { k: 'array'; v: Value[] }
	| { k: 'ref'; n: number }
	| { k: 'raw'; v: string };

interface Obj {
	/** The object's value (the dictionary of a stream). */
	value: Value;
	/** For a stream: everything from the `stream` keyword to the end of `endstream`, verbatim. */
	stream: Buffer | null;
}

class Parser {
	i = 0;
	private s: string;
	constructor(s: string) {
		this.s = s;
	}

	private ws() {
		for (;;) {
			const c = this.s[this.i];
			if (c === '%') while (this.i < this.s.length && this.s[this.i] !== '\n' && this.s[this.i] !== '\r') this.i++;
			else if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0') this.i++;
			else return;
		}
	}

	value(): Value {
		this.ws();
		const s = this.s;
		if (s.startsWith('<<', this.i)) {
			this.i += 2;
			const v = new Map<string, Value>();
			for (;;) {
				this.ws();
				if (s.startsWith('>>', this.i)) {
					this.i += 2;
					return { k: 'dict', v };
				}
				const key = this.value();
				if (key.k !== 'raw' || !key.v.startsWith('/')) throw new Error('bad dictionary key');
				v.set(key.v, this.value());
			}
		}
		if (s[this.i] === '[') {
			this.i++;
			const v: Value[] = [];
			for (;;) {
				this.ws();
				if (s[this.i] === ']') {
					this.i++;
					return { k: 'array', v };
				}
				if (this.i >= s.length) throw new Error('unterminated array');
				v.push(this.value());
			}
		}
		const start = this.i;
		if (s[this.i] === '(') {
			let depth = 0;
			for (; this.i < s.length; this.i++) {
				const c = s[this.i];
				if (c === '\\') this.i++;
				else if (c === '(') depth++;
				else if (c === ')' && --depth === 0) break;
			}
			this.i++;
			return { k: 'raw', v: s.slice(start, this.i) };
		}
		if (s[this.i] === '<') {
			this.i = s.indexOf('>', this.i) + 1;
			if (this.i === 0) throw new Error('unterminated hex string');
			return { k: 'raw', v: s.slice(start, this.i) };
		}
		// A name, number or keyword: up to the next delimiter or whitespace.
		this.i++;
		while (this.i < s.length && !/[\s()<>[\]{}/%]/.test(s[this.i])) this.i++;
		const token = s.slice(start, this.i);
		if (/^\d+$/.test(token)) {
			const m = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(this.i, this.i + 24));
			if (m) {
				this.i += m[0].length;
				return { k: 'ref', n: Number(token) };
			}
		}
		return { k: 'raw', v: token };
	}
}

interface Pdf {
	bytes: Buffer;
	offsets: Map<number, number>;
	trailer: Map<string, Value>;
	xrefAt: number;
	cache: Map<number, Obj>;
}

function readPdf(bytes: Buffer): Pdf {
	const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
	const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
	if (!sx) throw new Error('no startxref');
	const xrefAt = Number(sx[1]);
	const text = bytes.subarray(xrefAt).toString('latin1');
	if (!text.startsWith('xref')) throw new Error('not a classic cross-reference table');
	const offsets = new Map<number, number>();
	const re = /(\d+) (\d+)\s*[\r\n]+|(\d{10}) (\d{5}) ([nf])\s?[\r\n]+|trailer/y;
	re.lastIndex = 4;
	while (/\s/.test(text[re.lastIndex])) re.lastIndex++;
	let next = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (m[0] === 'trailer') break;
		if (m[1] !== undefined) next = Number(m[1]);
		else {
			if (m[5] === 'n') offsets.set(next, Number(m[3]));
			next++;
		}
	}
	const trailerAt = text.indexOf('trailer');
	if (trailerAt < 0) throw new Error('no trailer');
	const trailer = new Parser(text.slice(trailerAt + 7)).value();
	if (trailer.k !== 'dict' || trailer.v.has('/Prev') || trailer.v.has('/Encrypt')) throw new Error('unsupported trailer');
	return { bytes, offsets, trailer: trailer.v, xrefAt, cache: new Map() };
}

function obj(pdf: Pdf, n: number): Obj {
	const hit = pdf.cache.get(n);
	if (hit) return hit;
	const at = pdf.offsets.get(n);
	if (at === undefined) throw new Error(`no object ${n}`);
	// Dictionaries are small; a stream's data is sliced from the bytes by its /Length.
	const head = pdf.bytes.subarray(at, at + 65536).toString('latin1');
	const h = /^(\d+) (\d+) obj/.exec(head);
	if (!h || Number(h[1]) !== n) throw new Error(`object ${n} is not at its offset`);
	const p = new Parser(head);
	p.i = h[0].length;
	const value = p.value();
	const after = /^\s*(stream\r?\n|endobj)/.exec(head.slice(p.i));
	if (!after) throw new Error(`object ${n} does not end`);
	let stream: Buffer | null = null;
	if (after[1].startsWith('stream')) {
		const len = value.k === 'dict' ? value.v.get('/Length') : undefined;
		const length = len?.k === 'raw' ? Number(len.v) : len?.k === 'ref' ? Number(rawOf(obj(pdf, len.n).value)) : NaN;
		if (!Number.isInteger(length)) throw new Error(`stream ${n} without a length`);
		const dataAt = at + p.i + after[0].length;
		const end = pdf.bytes.subarray(dataAt + length, dataAt + length + 32).toString('latin1');
		const e = /^\s*endstream/.exec(end);
		if (!e) throw new Error(`stream ${n} length does not match`);
		stream = Buffer.concat([Buffer.from(after[1], 'latin1'), pdf.bytes.subarray(dataAt, dataAt + length + e[0].length)]);
	}
	const o = { value, stream };
	pdf.cache.set(n, o);
	return o;
}

const rawOf = (v: Value) => (v.k === 'raw' ? v.v : '');
const dictOf = (v: Value | undefined) => (v?.k === 'dict' ? v.v : new Map<string, Value>());
const resolve = (pdf: Pdf, v: Value | undefined): Value | undefined => (v?.k === 'ref' ? obj(pdf, v.n).value : v);

/** Page objects in page order. */
function pages(pdf: Pdf): number[] {
	const out: number[] = [];
	const root = dictOf(resolve(pdf, pdf.trailer.get('/Root')));
	const visit = (ref: Value | undefined, depth: number) => {
		if (ref?.k !== 'ref' || depth > 32) throw new Error('bad page tree');
		const d = dictOf(obj(pdf, ref.n).value);
		const type = rawOf(d.get('/Type') ?? { k: 'raw', v: '' });
		if (type === '/Pages') {
			const kids = resolve(pdf, d.get('/Kids'));
			for (const k of kids?.k === 'array' ? kids.v : []) visit(k, depth + 1);
		} else out.push(ref.n);
	};
	visit(root.get('/Pages'), 0);
	return out;
}

function serialize(v: Value, renumber: (n: number) => number): string {
	switch (v.k) {
		case 'dict':
			return `<<${[...v.v].map(([k, x]) => `${k} ${serialize(x, renumber)}`).join('\n')}>>`;
		case 'array':
			return `[${v.v.map((x) => serialize(x, renumber)).join(' ')}]`;
		case 'ref':
			return `${renumber(v.n)} 0 R`;
		case 'raw':
			return v.v;
	}
}

function refsIn(v: Value | undefined, out: number[]) {
	if (!v) return;
	if (v.k === 'ref') out.push(v.n);
	else if (v.k === 'array') for (const x of v.v) refsIn(x, out);
	else if (v.k === 'dict') for (const x of v.v.values()) refsIn(x, out);
}

/** The page's content, decoded (one stream or an array of them). */
function content(pdf: Pdf, page: Map<string, Value>): string {
	const c = resolve(pdf, page.get('/Contents'));
	const refs: number[] = [];
	refsIn(page.get('/Contents'), refs);
	if (c?.k === 'array') refs.splice(0, refs.length, ...c.v.flatMap((x) => (x.k === 'ref' ? [x.n] : [])));
	return refs
		.map((n) => {
			const o = obj(pdf, n);
			const data = o.stream!.subarray(o.stream!.indexOf('\n') + 1);
			const filter = rawOf(dictOf(o.value).get('/Filter') ?? { k: 'raw', v: '' });
			if (filter === '/FlateDecode') return inflateSync(data.subarray(0, data.lastIndexOf('endstream'))).toString('latin1');
			if (filter) throw new Error(`content filter ${filter}`);
			return data.toString('latin1');
		})
		.join('\n');
}

/** Marked-content ids in content order: they tie the page's text to the structure tree. */
const mcids = (text: string) => [...text.matchAll(/\/MCID (\d+)/g)].map((m) => m[1]).join(',');

/** Kept from the replaced page: where it hangs, its links and its place in the structure tree. */
const KEEP = ['/Parent', '/Annots', '/StructParents', '/Tabs'];

/**
 * `base` with its first `count` pages replaced by the pages of `donor` (which has exactly
 * `count`), or null when the two do not correspond or are not what this reads.
 */
export function replaceLeadingPages(base: Buffer, donor: Buffer, count: number): Buffer | null {
	try {
		const b = readPdf(base);
		const d = readPdf(donor);
		const basePages = pages(b);
		const donorPages = pages(d);
		if (count < 1 || donorPages.length !== count || basePages.length < count) return null;
		const size = Number(rawOf(b.trailer.get('/Size') ?? { k: 'raw', v: '' }));
		if (!Number.isInteger(size)) return null;

		// Donor objects the new pages need (resources, contents and all they refer to), numbered after the base's.
		const numbers = new Map<number, number>();
		const order: number[] = [];
		const want = (n: number) => {
			if (numbers.has(n)) return;
			numbers.set(n, size + order.length);
			order.push(n);
			const refs: number[] = [];
			refsIn(obj(d, n).value, refs);
			refs.forEach(want);
		};
		const renumber = (n: number) => {
			const m = numbers.get(n);
			if (m === undefined) throw new Error(`unmapped object ${n}`);
			return m;
		};

		const replaced: [number, string][] = [];
		for (let i = 0; i < count; i++) {
			const bp = dictOf(obj(b, basePages[i]).value);
			const dp = dictOf(obj(d, donorPages[i]).value);
			const box = (p: Map<string, Value>) => serialize(p.get('/MediaBox') ?? { k: 'raw', v: '' }, (n) => n);
			// The same marked content in the same order: the structure tree's references to this
			// page stay right. Chromium may end a page with a fragment of the next page's first
			// heading (a stray dot at the foot); the front matter printed alone has none.
			if (box(bp) !== box(dp) || !`${mcids(content(b, bp))},`.startsWith(`${mcids(content(d, dp))},`)) return null;
			const page = new Map<string, Value>();
			for (const [k, v] of dp) {
				if (KEEP.includes(k)) continue;
				const refs: number[] = [];
				refsIn(v, refs);
				refs.forEach(want);
				page.set(k, v);
			}
			const fromBase = new Map<string, Value>();
			for (const k of KEEP) if (bp.has(k)) fromBase.set(k, bp.get(k)!);
			const body = [...page].map(([k, v]) => `${k} ${serialize(v, renumber)}`).concat([...fromBase].map(([k, v]) => `${k} ${serialize(v, (n) => n)}`));
			replaced.push([basePages[i], `<<${body.join('\n')}>>`]);
		}

		const chunks: Buffer[] = [base, Buffer.from(base[base.length - 1] === 0x0a ? '' : '\n', 'latin1')];
		let at = chunks.reduce((n, c) => n + c.length, 0);
		const entries = new Map<number, number>();
		const write = (n: number, body: string, stream: Buffer | null) => {
			entries.set(n, at);
			const head = Buffer.from(`${n} 0 obj\n${body}\n`, 'latin1');
			const tail = Buffer.from(stream ? '\nendobj\n' : 'endobj\n', 'latin1');
			chunks.push(head, ...(stream ? [stream] : []), tail);
			at += head.length + (stream?.length ?? 0) + tail.length;
		};
		for (const [n, body] of replaced) write(n, body, null);
		for (const n of order) {
			const o = obj(d, n);
			write(numbers.get(n)!, serialize(o.value, renumber), o.stream);
		}

		// Cross-reference section of the update: one subsection per run of consecutive numbers.
		const nums = [...entries.keys()].sort((x, y) => x - y);
		let xref = 'xref\n';
		for (let i = 0; i < nums.length; ) {
			let j = i;
			while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
			xref += `${nums[i]} ${j - i + 1}\n`;
			for (let k = i; k <= j; k++) xref += `${String(entries.get(nums[k])).padStart(10, '0')} 00000 n \n`;
			i = j + 1;
		}
		const trailer = new Map(b.trailer);
		trailer.set('/Size', { k: 'raw', v: String(size + order.length) });
		trailer.set('/Prev', { k: 'raw', v: String(b.xrefAt) });
		xref += `trailer\n${serialize({ k: 'dict', v: trailer }, (n) => n)}\nstartxref\n${at}\n%%EOF\n`;
		chunks.push(Buffer.from(xref, 'latin1'));
		return Buffer.concat(chunks);
	} catch {
		return null;
	}
}
