import { describe, expect, it } from 'vitest';
import { announcementText, editionLabel } from './announcement';

describe('the ประกาศ', () => {
	it('labels both kinds of edition the same way, as one word', () => {
		expect(editionLabel('amendment', 1, 2569)).toBe('แก้ไขครั้งที่ 1/2569');
		expect(editionLabel('addition', 2, 2569)).toBe('เพิ่มเติมครั้งที่ 2/2569');
		expect(editionLabel('original', 0, 2569)).toBe('');
	});

	it('dates the announcement with พ.ศ. and Thai digits', () => {
		const text = announcementText({ orgName: 'เทศบาลตำบลตัวอย่าง', fiscalYear: 2570, editionLabel: editionLabel('addition', 1, 2570), date: '2026-12-01', signerName: 'ก ข', signerTitle: 'นายกเทศมนตรี' });
		expect(text).toContain('ประกาศ ณ วันที่ ๑ ธันวาคม พ.ศ. ๒๕๖๙');
		expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ เพิ่มเติมครั้งที่ ๑/๒๕๗๐');
	});
});
