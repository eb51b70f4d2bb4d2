/**
 * Evidence files: what a file is comes from its first bytes, never from its name or the type
 * the browser claims, and only photos and PDFs are kept. A file that says PNG but holds HTML is
 * refused, so nothing we serve back can be read as a page.
 */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_PER_ROW = 10;

export type EvidenceType = 'image/png' | 'image/jpeg' | 'application/pdf';

const starts = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
	if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
	return null;
}

/** A file name fit to show and to offer back in a download: no paths, controls or quotes. */
export function cleanFileName(name: string, type: EvidenceType): string {
	const kept = [...name.normalize('NFC').split(/[/\\]/).pop()!].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(c));
	const base = kept.join('').trim().slice(0, 120);
	const ext = type === 'application/pdf' ? '.pdf' : type === 'image/png' ? '.png' : '.jpg';
	const stem = base.replace(/\.[^.]*$/, '') || 'evidence';
	return stem + ext;
}
