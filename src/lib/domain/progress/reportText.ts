/**
 * The words of the monitoring report as LAOs publish it: the title, the section headings, the
 * table headings and the chart captions. The HTML document (print view, PDF, public page), the
 * DOCX and the XLSX all take them from here, so the files say what the page says.
 */
import { formatThaiDate, withNumerals } from '../thai';
import { formatBaht } from '../plan/money';
import type { ProgressReport } from './report';
import { periodTitle, type FrozenReport } from './frozen';

export function reportTitle(frozen: FrozenReport): string {
	return `รายงานการกำกับติดตามการดำเนินงาน ${withNumerals(periodTitle(frozen.fiscalYear, frozen.period), 'thai')}`;
}

/** The lines under the title: the plan, the organization, the day the figures are judged at. */
export function reportSubtitle(frozen: FrozenReport): string[] {
	return [frozen.planTitle, frozen.orgName, `ข้อมูล ณ วันที่ ${formatThaiDate(frozen.report.asOf)}`];
}

export const REPORT_SECTIONS = {
	strategies: (orgName: string) => `๑. ผลการดำเนินงานตามยุทธศาสตร์และแผนงาน (งบประมาณของ${orgName})`,
	statuses: '๒. สถานะการดำเนินงาน',
	lagging: '๓. โครงการที่ล่าช้ากว่าแผน (ถึงกำหนดแล้วแต่ยังไม่ได้ดำเนินการ)',
	otherAgency: '๔. โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่',
	equipment: '๕. ครุภัณฑ์ (ผด.02/1)'
} as const;

/** Headings of the strategy table: the two groups and the columns under them. */
export const STRATEGY_HEAD = {
	name: 'ยุทธศาสตร์ / แผนงาน',
	projects: 'จำนวนโครงการ',
	budget: 'งบประมาณ (บาท)',
	projectColumns: ['ตามแผน', 'ร้อยละ', 'แล้วเสร็จ', 'ร้อยละ'],
	budgetColumns: ['ตามแผน', 'ร้อยละ', 'ลงนามสัญญา', 'ร้อยละ', 'เบิกจ่าย', 'ร้อยละ'],
	total: 'รวม'
} as const;

export const STATUS_HEAD = ['สถานะ', 'จำนวนโครงการ', 'ร้อยละ'] as const;
export const LAGGING_HEAD = ['ที่', 'โครงการ', 'ยุทธศาสตร์', 'หน่วยงานรับผิดชอบ', 'งบประมาณ (บาท)', 'เริ่มตามแผน', 'เลยมาแล้ว (เดือน)'] as const;
export const OTHER_AGENCY_HEAD = ['โครงการ', 'หน่วยงาน', 'งบประมาณ (บาท)', 'สถานะ'] as const;
export const NONE = 'ไม่มี';

export const CHART_TITLES = {
	strategies: 'งบประมาณตามแผน ลงนามสัญญา และเบิกจ่าย แยกตามยุทธศาสตร์ (บาท)',
	months: 'การเบิกจ่ายสะสมรายเดือน เทียบกับแผนตามช่วงเวลาดำเนินการ (บาท)',
	status: 'สถานะโครงการ (ร้อยละของจำนวนโครงการ)'
} as const;

/** Baht as the report prints it: always two decimals, a dash for none. */
export const reportBaht = (satang: number) => formatBaht(satang, { decimals: 'always' });

export function otherAgencySummary(r: ProgressReport): string {
	return `จำนวน ${r.otherAgency.planned} โครงการ แล้วเสร็จ ${r.otherAgency.done} โครงการ งบประมาณ ${reportBaht(r.otherAgency.budgetSatang)} บาท`;
}

export function equipmentSummary(r: ProgressReport): string {
	const e = r.equipment;
	return `ตามแผน ${e.items} รายการ งบประมาณ ${reportBaht(e.budgetSatang)} บาท · จัดซื้อแล้ว ${e.purchased} รายการ เป็นเงิน ${reportBaht(e.purchasedSatang)} บาท`;
}

/** How the figures were worked out, printed under the report. */
export function methodNote(r: ProgressReport): string {
	const months = r.monthsBy === 'disbursedOn' ? 'เบิกจ่ายรายเดือนนับตามวันที่เบิกจ่ายที่รายงาน (ไม่ระบุ: วันที่บันทึก)' : 'เบิกจ่ายรายเดือนนับตามวันที่บันทึก';
	return `ร้อยละของจำนวนโครงการและงบประมาณตามแผนคำนวณแบบเดียวกับแบบ ผด.01 (เศษเหลือมากที่สุด รวมได้ 100.00) · ร้อยละแล้วเสร็จ ลงนามสัญญา และเบิกจ่าย คิดต่อแถว ปัดเศษครึ่งขึ้น · ${months}`;
}
