import { describe, expect, it } from 'vitest';
import { parsePdfOutline, pdfPageCount } from './pdfOutline';

/** A hand-written PDF skeleton in Skia's shape: nested page tree and a two-level outline. */
const pdf = Buffer.from(
	[
		'%PDF-1.4',
		'1 0 obj\n<</Type /Pages\n/Count 3\n/Kids [2 0 R 5 0 R]>>\nendobj',
		'2 0 obj\n<</Type /Pages\n/Count 2\n/Parent 1 0 R\n/Kids [3 0 R 4 0 R]>>\nendobj',
		'3 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj',
		'4 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj',
		'5 0 obj\n<</Type /Page\n/Parent 1 0 R>>\nendobj',
		'9 0 obj\n<</Type /Outlines\n/First 10 0 R\n/Last 11 0 R\n/Count 3>>\nendobj',
		'10 0 obj\n<</Title <FEFF0E2A0E480E27>\n/Dest [3 0 R /XYZ 63 771 0]\n/Parent 9 0 R\n/Next 11 0 R\n/First 12 0 R>>\nendobj',
		'12 0 obj\n<</Title (Intro)\n/Dest [4 0 R /XYZ 63 400 0]\n/Parent 10 0 R>>\nendobj',
		// Chromium's quirk: a heading opening a new named page points at the previous page's foot.
		'11 0 obj\n<</Title (Tables)\n/Dest [4 0 R /XYZ 117 51.4 0]\n/Parent 9 0 R\n/Prev 10 0 R>>\nendobj',
		'%%EOF'
	].join('\n'),
	'latin1'
);

describe('pdfOutline', () => {
	it('counts pages through a nested page tree', () => {
		expect(pdfPageCount(pdf)).toBe(3);
	});
	it('reads outline titles and pages in document order', () => {
		expect(parsePdfOutline(pdf)).toEqual([
			{ title: 'ส่ว', page: 1 },
			{ title: 'Intro', page: 2 },
			{ title: 'Tables', page: 3 }
		]);
	});
});
