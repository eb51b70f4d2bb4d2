/** The report DOCX without its chart pictures (no Chromium): the tables are all there, and it says where the charts are. */
import { describe, expect, it } from 'vitest';
import { planFromJson } from '$lib/domain/plan/json';
import { loadSamplePlan } from '$lib/domain/plan/testSupport';
import { computeProgressReport } from '$lib/domain/progress/report';
import { CHARTS_ELSEWHERE, renderReportDocx } from './reportDocx';
import { docxText, unzipEntry } from '../../../../tests/export/docxText';

describe('report DOCX without pictures', () => {
	it('keeps every section and names where the charts are', async () => {
		const report = computeProgressReport({ plan: planFromJson(loadSamplePlan()), entries: [], steps: [], period: 'half', today: '2026-05-01' });
		const frozen = { orgName: 'เทศบาลตำบลทดสอบ <b>', planTitle: 'แผน & ปี', fiscalYear: 2569, period: 'half' as const, madeAt: '2026-05-01T00:00:00.000Z', report };
		const file = await renderReportDocx(frozen, null);
		const lines = docxText(file).split('\n');
		expect(lines).toContain(CHARTS_ELSEWHERE);
		expect(lines).toContain('๑. ผลการดำเนินงานตามยุทธศาสตร์และแผนงาน (งบประมาณของเทศบาลตำบลทดสอบ <b>)');
		expect(lines).toContain('แผน & ปี');
		for (const h of ['๒. สถานะการดำเนินงาน', '๓. โครงการที่ล่าช้ากว่าแผน (ถึงกำหนดแล้วแต่ยังไม่ได้ดำเนินการ)', '๔. โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่', '๕. ครุภัณฑ์ (ผด.02/1)']) {
			expect(lines).toContain(h);
		}
		const total = lines.indexOf('รวม');
		expect(lines.slice(total + 1, total + 6)).toEqual(['53', '100.00', '0', '0.00', '10,920,990.00']);
		const xml = unzipEntry(file, 'word/document.xml').toString('utf8');
		expect(xml).not.toContain('<pic:pic');
		expect(xml).toContain('w:orient="landscape"');
	});
});
