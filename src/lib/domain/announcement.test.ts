import { describe, expect, it } from 'vitest';
import { announcementParts, announcementText, editionLabel, readAnnouncement } from './announcement';

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

describe('the recorded ประกาศ read back', () => {
	const input = {
		orgName: 'เทศบาลตำบลตัวอย่าง',
		fiscalYear: 2569,
		editionLabel: editionLabel('amendment', 1, 2569),
		date: '2025-10-20',
		signerName: 'นายบุญมี ทองดี',
		signerTitle: 'นายกเทศมนตรีตำบลตัวอย่าง',
		ordinance: { name: 'เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569', date: '2025-09-15' },
		committee: { name: 'คณะกรรมการพัฒนาเทศบาลตำบลตัวอย่าง', date: '2025-10-03' }
	};

	it('gives back exactly the parts that were written', () => {
		expect(readAnnouncement(announcementText(input))).toEqual(announcementParts(input));
	});

	it('states the ordinance and the committee meeting dates in the recital, and leaves them out when unknown', () => {
		const [recital] = announcementParts(input).paragraphs;
		expect(recital).toContain('ได้ประกาศใช้เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เมื่อวันที่ ๑๕ กันยายน พ.ศ. ๒๕๖๘');
		expect(recital).toContain('คณะกรรมการพัฒนาเทศบาลตำบลตัวอย่างได้พิจารณาร่าง ในการประชุมเมื่อวันที่ ๓ ตุลาคม พ.ศ. ๒๕๖๘');
		const bare = announcementParts({ ...input, ordinance: { name: '', date: null }, committee: { name: '', date: 'not a date' } }).paragraphs[0];
		expect(bare).not.toContain('เมื่อวันที่');
		expect(bare).toContain('คณะกรรมการพัฒนาท้องถิ่นได้พิจารณาร่าง เสนอผู้บริหารท้องถิ่นแล้ว');
	});

	it('reads an announcement stored before the recital carried dates', () => {
		const old = 'ประกาศเทศบาลตำบลตัวอย่าง\nเรื่อง ประกาศใช้แผนการดำเนินงาน\n\nด้วย…\n\nอาศัยอำนาจ…\n\nจึงประกาศให้ทราบโดยทั่วกัน\n\nประกาศ ณ วันที่ ๑ ธันวาคม พ.ศ. ๒๕๖๙\n\n(ก ข)\nนายกเทศมนตรี';
		expect(readAnnouncement(old)).toEqual({
			heading: 'ประกาศเทศบาลตำบลตัวอย่าง',
			subject: 'เรื่อง ประกาศใช้แผนการดำเนินงาน',
			paragraphs: ['ด้วย…', 'อาศัยอำนาจ…', 'จึงประกาศให้ทราบโดยทั่วกัน'],
			dateText: 'ประกาศ ณ วันที่ ๑ ธันวาคม พ.ศ. ๒๕๖๙',
			signatoryName: '(ก ข)',
			signatoryPosition: 'นายกเทศมนตรี'
		});
	});
});
