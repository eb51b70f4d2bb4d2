/** Reading .docx files back in tests: one ZIP entry, and the visible text paragraph by paragraph. */
import zlib from 'node:zlib';

/** One entry of a ZIP file (enough for .docx parts). */
export function unzipEntry(zip: Buffer, name: string): Buffer {
	const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let p = zip.readUInt32LE(eocd + 16);
	for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
		const method = zip.readUInt16LE(p + 10);
		const size = zip.readUInt32LE(p + 20);
		const nameLen = zip.readUInt16LE(p + 28);
		const local = zip.readUInt32LE(p + 42);
		const entry = zip.subarray(p + 46, p + 46 + nameLen).toString();
		if (entry === name) {
			const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
			const data = zip.subarray(start, start + size);
			return method === 8 ? zlib.inflateRawSync(data) : data;
		}
		p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	throw new Error(`no ${name}`);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document's text, one line per paragraph. */
export function docxText(docx: Buffer): string {
	const xml = unzipEntry(docx, 'word/document.xml').toString('utf8');
	return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
		.map((p) => unescape((p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')))
		.join('\n');
}
