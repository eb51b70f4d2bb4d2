/**
 * The text of the ประกาศ (OPERATIONAL_PLAN.md §6.4): heading, subject, recital (the budget
 * ordinance and the committee meeting, when recorded), authority, the fiscal span,
 * "จึงประกาศให้ทราบโดยทั่วกัน", date and signature. Thai digits throughout, as announcements are
 * printed. The text is stored once when the plan is announced; every output reads its parts
 * back from that stored text (`readAnnouncement`), so what prints is what was recorded.
 */
import { formatThaiDate, parseIsoDate, toThaiDigits } from './thai';

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
	/** The budget ordinance (เทศบัญญัติ/ข้อบัญญัติ) and the ISO date it was announced, when known. */
	ordinance?: { name: string; date: string | null };
	/** The local development committee and the ISO date of the meeting that considered the draft. */
	committee?: { name: string; date: string | null };
}

/** The ประกาศ in the parts a printed page lays out. */
export interface AnnouncementParts {
	heading: string;
	subject: string;
	paragraphs: string[];
	/** "ประกาศ ณ วันที่ …". */
	dateText: string;
	/** "(ชื่อ สกุล)". */
	signatoryName: string;
	signatoryPosition: string;
}

const thaiDate = (iso: string) => formatThaiDate(iso, { era: true });
const known = (iso: string | null | undefined): iso is string => !!iso && !!parseIsoDate(iso);

export function announcementParts(a: AnnouncementInput): AnnouncementParts {
	const fy = toThaiDigits(String(a.fiscalYear));
	const span = `(${toThaiDigits(`1 ตุลาคม ${a.fiscalYear - 1}`)} – ${toThaiDigits(`30 กันยายน ${a.fiscalYear}`)})`;
	const edition = a.editionLabel ? ` ${toThaiDigits(a.editionLabel)}` : '';
	const plan = `แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${fy}${edition}`;
	const committee = a.committee?.name || 'คณะกรรมการพัฒนาท้องถิ่น';
	const ordinance = a.ordinance && known(a.ordinance.date) ? `ได้ประกาศใช้${toThaiDigits(a.ordinance.name || `งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ${a.fiscalYear}`)} เมื่อวันที่ ${thaiDate(a.ordinance.date)} และ` : '';
	const meeting = a.committee && known(a.committee.date) ? ` ในการประชุมเมื่อวันที่ ${thaiDate(a.committee.date)}` : '';
	const recital =
		`ด้วย${a.orgName} ${ordinance}ได้จัดทำ${plan} ${span} ` +
		`โดยคณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่นได้จัดทำร่าง และ${committee}ได้พิจารณาร่าง${meeting} เสนอผู้บริหารท้องถิ่นแล้ว`;
	return {
		heading: `ประกาศ${a.orgName}`,
		subject: `เรื่อง ประกาศใช้${plan}`,
		paragraphs: [
			recital,
			'อาศัยอำนาจตามความในข้อ ๒๖ และข้อ ๒๗ แห่งระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๔๘ ' +
				`และที่แก้ไขเพิ่มเติม จึงประกาศใช้${plan} รายละเอียดปรากฏตามเอกสารแนบท้ายประกาศนี้`,
			'จึงประกาศให้ทราบโดยทั่วกัน'
		],
		dateText: `ประกาศ ณ วันที่ ${thaiDate(a.date)}`,
		signatoryName: `(${a.signerName})`,
		signatoryPosition: a.signerTitle
	};
}

/** The stored form: blocks separated by blank lines (heading + subject, paragraphs, date, signature). */
export function announcementText(a: AnnouncementInput): string {
	const p = announcementParts(a);
	return [[p.heading, p.subject], ...p.paragraphs.map((x) => [x]), [p.dateText], [p.signatoryName, p.signatoryPosition]].map((b) => b.join('\n')).join('\n\n');
}

/**
 * The parts of a stored ประกาศ. Reads the layout `announcementText` writes: first block heading and
 * subject, last block signer and position, the block before it the date, paragraphs between.
 */
export function readAnnouncement(text: string): AnnouncementParts {
	const blocks = text
		.replace(/\r\n/g, '\n')
		.split(/\n\s*\n/)
		.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean))
		.filter((b) => b.length);
	const [head = [], ...rest] = blocks;
	const sign = rest.length && rest[rest.length - 1][0]?.startsWith('(') ? rest.pop()! : [];
	const date = rest.length && rest[rest.length - 1][0]?.startsWith('ประกาศ ณ') ? rest.pop()! : [];
	return {
		heading: head[0] ?? '',
		subject: head.slice(1).join(' '),
		paragraphs: rest.map((b) => b.join(' ')),
		dateText: date.join(' '),
		signatoryName: sign[0] ?? '',
		signatoryPosition: sign.slice(1).join(' ')
	};
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
