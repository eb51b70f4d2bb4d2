/**
 * The text of the ประกาศ (OPERATIONAL_PLAN.md §6.4): heading, subject, recital, authority,
 * the fiscal span, "จึงประกาศให้ทราบโดยทั่วกัน", date and signature. Thai digits throughout,
 * as announcements are printed.
 */
import { formatThaiDate, toThaiDigits } from './thai';

export interface AnnouncementInput {
	orgName: string;
	/** Buddhist era. */
	fiscalYear: number;
	/** e.g. "แก้ไขครั้งที่ 1/2569"; empty for the original edition. */
	editionLabel: string;
	/** ISO date of the announcement. */
	date: string;
	signerName: string;
	signerTitle: string;
}

export function announcementText(a: AnnouncementInput): string {
	const fy = toThaiDigits(String(a.fiscalYear));
	const span = `(${toThaiDigits(`1 ตุลาคม ${a.fiscalYear - 1}`)} – ${toThaiDigits(`30 กันยายน ${a.fiscalYear}`)})`;
	const edition = a.editionLabel ? ` ${toThaiDigits(a.editionLabel)}` : '';
	return [
		`ประกาศ${a.orgName}`,
		`เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${fy}${edition}`,
		'',
		`ด้วย${a.orgName} ได้จัดทำแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${fy}${edition} ${span} ` +
			'โดยคณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่นได้จัดทำร่างและคณะกรรมการพัฒนาท้องถิ่นได้พิจารณาเสนอผู้บริหารท้องถิ่นแล้ว',
		'',
		'อาศัยอำนาจตามความในข้อ ๒๖ และข้อ ๒๗ แห่งระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๔๘ ' +
			`และที่แก้ไขเพิ่มเติม จึงประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${fy}${edition} รายละเอียดปรากฏตามเอกสารแนบท้ายประกาศนี้`,
		'',
		'จึงประกาศให้ทราบโดยทั่วกัน',
		'',
		`ประกาศ ณ วันที่ ${formatThaiDate(a.date, { era: true })}`,
		'',
		`(${a.signerName})`,
		a.signerTitle
	].join('\n');
}

/**
 * "แก้ไขครั้งที่ N/ปี" or "เพิ่มเติมครั้งที่ N/ปี" for an edition (written as one word, as
 * announced amendments are labelled in practice); empty for the original.
 */
export function editionLabel(kind: string, number: number, fiscalYear: number): string {
	if (kind === 'amendment') return `แก้ไขครั้งที่ ${number}/${fiscalYear}`;
	if (kind === 'addition') return `เพิ่มเติมครั้งที่ ${number}/${fiscalYear}`;
	return '';
}
