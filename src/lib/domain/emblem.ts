/**
 * The organization's emblem (ตราสัญลักษณ์) on the cover of the plan. What a file is comes from
 * its first bytes, never from its name or the type the browser claims; only PNG and JPEG are
 * kept (an SVG is a document that can carry script, so it is refused like any other type), at
 * most EMBLEM_MAX_BYTES, and at most EMBLEM_MAX_SIDE pixels a side as the image header says
 * (a small file that unpacks to a huge bitmap would stall every PDF render).
 */
export const EMBLEM_MAX_BYTES = 1024 * 1024;
export const EMBLEM_MAX_SIDE = 4000;

export type EmblemType = 'image/png' | 'image/jpeg';

export type EmblemCheck = { ok: true; type: EmblemType; width: number; height: number } | { ok: false; error: 'emblemEmpty' | 'emblemTooLarge' | 'emblemBadType' };

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];

/** Width and height of a PNG from its IHDR chunk (which must come first). */
function pngSize(b: Uint8Array): [number, number] | null {
	if (b.length < 33 || !starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
	if (u32(b, 8) !== 13 || String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
	return [u32(b, 16), u32(b, 20)];
}

/** Width and height of a JPEG from its first start-of-frame marker. */
function jpegSize(b: Uint8Array): [number, number] | null {
	if (!starts(b, [0xff, 0xd8, 0xff])) return null;
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i++;
			continue;
		}
		// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): height, then width.
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [u16(b, i + 7), u16(b, i + 5)];
		if (marker === 0xd9 || marker === 0xda) return null;
		i += 2 + u16(b, i + 2);
	}
	return null;
}

export function checkEmblem(bytes: Uint8Array): EmblemCheck {
	if (bytes.byteLength === 0) return { ok: false, error: 'emblemEmpty' };
	if (bytes.byteLength > EMBLEM_MAX_BYTES) return { ok: false, error: 'emblemTooLarge' };
	const png = pngSize(bytes);
	const jpeg = png ? null : jpegSize(bytes);
	const size = png ?? jpeg;
	if (!size || size[0] < 1 || size[1] < 1) return { ok: false, error: 'emblemBadType' };
	if (size[0] > EMBLEM_MAX_SIDE || size[1] > EMBLEM_MAX_SIDE) return { ok: false, error: 'emblemTooLarge' };
	return { ok: true, type: png ? 'image/png' : 'image/jpeg', width: size[0], height: size[1] };
}

/** The emblem as a data: URL for the print document (its type re-checked from the bytes). */
export function emblemDataUrl(bytes: Uint8Array): string | null {
	const c = checkEmblem(bytes);
	return c.ok ? `data:${c.type};base64,${Buffer.from(bytes).toString('base64')}` : null;
}
