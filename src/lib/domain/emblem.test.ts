import { describe, expect, it } from 'vitest';
import { checkEmblem, emblemDataUrl, EMBLEM_MAX_BYTES } from './emblem';

/** A PNG signature and IHDR chunk header for a w×h image (enough for the check). */
function pngHeader(w: number, h: number): Uint8Array {
	const b = new Uint8Array(64);
	b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	new DataView(b.buffer).setUint32(16, w);
	new DataView(b.buffer).setUint32(20, h);
	return b;
}

/** A JPEG: SOI, an APP0 segment, then SOF0 with h×w. */
function jpegHeader(w: number, h: number): Uint8Array {
	const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
	const sof = [0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0];
	return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

const text = (s: string) => new TextEncoder().encode(s);

describe('emblem check', () => {
	it('keeps PNG and JPEG by their bytes, with their size', () => {
		expect(checkEmblem(pngHeader(300, 280))).toEqual({ ok: true, type: 'image/png', width: 300, height: 280 });
		expect(checkEmblem(jpegHeader(640, 480))).toEqual({ ok: true, type: 'image/jpeg', width: 640, height: 480 });
	});

	it('refuses SVG, HTML renamed .png, PDF, GIF and broken headers', () => {
		expect(checkEmblem(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toEqual({ ok: false, error: 'emblemBadType' });
		expect(checkEmblem(text('<!doctype html><script>alert(1)</script>'))).toEqual({ ok: false, error: 'emblemBadType' });
		expect(checkEmblem(text('%PDF-1.4\n'))).toEqual({ ok: false, error: 'emblemBadType' });
		expect(checkEmblem(text('GIF89a......'))).toEqual({ ok: false, error: 'emblemBadType' });
		// A PNG signature followed by something else than IHDR, or cut short.
		const noIhdr = pngHeader(10, 10);
		noIhdr.set(text('tEXt'), 12);
		expect(checkEmblem(noIhdr).ok).toBe(false);
		expect(checkEmblem(pngHeader(10, 10).slice(0, 20)).ok).toBe(false);
		expect(checkEmblem(pngHeader(0, 10)).ok).toBe(false);
		expect(checkEmblem(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])).ok).toBe(false);
	});

	it('refuses empty, oversized files and huge images', () => {
		expect(checkEmblem(new Uint8Array())).toEqual({ ok: false, error: 'emblemEmpty' });
		const big = new Uint8Array(EMBLEM_MAX_BYTES + 1);
		big.set(pngHeader(100, 100));
		expect(checkEmblem(big)).toEqual({ ok: false, error: 'emblemTooLarge' });
		expect(checkEmblem(pngHeader(40_000, 40_000))).toEqual({ ok: false, error: 'emblemTooLarge' });
		expect(checkEmblem(jpegHeader(100, 65_000))).toEqual({ ok: false, error: 'emblemTooLarge' });
	});

	it('makes a data: URL only of a checked image', () => {
		expect(emblemDataUrl(pngHeader(1, 1))).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
		expect(emblemDataUrl(text('<svg/>'))).toBeNull();
	});
});
