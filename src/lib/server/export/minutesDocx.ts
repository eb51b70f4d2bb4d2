/**
 * The minutes (รายงานการประชุม) as DOCX, from the same model as the print view and the PDF, with
 * the plan's DOCX conventions (docx.ts): TH Sarabun New for every script, single "auto" line
 * spacing, A4 portrait with the official margins — so the secretary can finish it in Word and
 * have it signed. Attendance lists are borderless tables (number, name, position) as typed in
 * government minutes; the signature lines sit at the right.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { MinutesModel, MinutesPerson } from '$lib/domain/meeting/minutes';
import { A4, BODY, FONTS, FONT_TABLE, MM, PORTRAIT_MARGIN, PT, SINGLE, para, run } from './docx';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function peopleTable(people: MinutesPerson[]): Table {
	// Computed here, not at load: docx.ts and this module import each other.
	const TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
	const widths = [Math.round(12 * MM), Math.round(62 * MM), TEXT_WIDTH - Math.round(74 * MM)];
	const cell = (text: string, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
		new TableCell({ children: [para(text, { align, after: 0 })], width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
	return new Table({
		layout: TableLayoutType.FIXED,
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		borders: NO_BORDERS,
		rows: people.map((p) => new TableRow({ cantSplit: true, children: [cell(`${p.no}.`, widths[0], AlignmentType.RIGHT), cell(p.name, widths[1]), cell(p.position, widths[2])] }))
	});
}

/** The minutes' paragraphs and tables, for a document of their own or a plan's annex (`heading`: the title's level in its สารบัญ). */
export function minutesBody(model: MinutesModel, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [
		para(model.title, { bold: true, size: 18 * PT, align: AlignmentType.CENTER, after: 0, heading: options.heading }),
		para(model.number, { bold: true, align: AlignmentType.CENTER, after: 0 }),
		para(model.dateLine, { bold: true, align: AlignmentType.CENTER, after: 0 }),
		para(model.place, { bold: true, align: AlignmentType.CENTER, after: 0 }),
		para('------------------------------', { align: AlignmentType.CENTER })
	];
	const people = (heading: string, list: MinutesPerson[], always = false) => {
		if (!list.length && !always) return;
		out.push(para(heading, { bold: true, align: AlignmentType.LEFT, keepNext: true }));
		out.push(list.length ? peopleTable(list) : para('- ไม่มี -', { indent: true }));
	};
	people('ผู้มาประชุม', model.present, true);
	people('ผู้ไม่มาประชุม', model.absent);
	people('ผู้เข้าร่วมประชุม', model.others);
	out.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 160, after: 120, ...SINGLE }, children: [run(model.started)] }));
	for (const s of model.sections) {
		out.push(para(s.heading, { bold: true, align: AlignmentType.LEFT, keepNext: true }));
		if (!s.items.length) out.push(para('- ไม่มี -', { indent: true }));
		for (const item of s.items) {
			out.push(para(item.title, { indent: true, keepNext: Boolean(item.detail || item.resolution) }));
			if (item.detail) out.push(para(item.detail, { indent: true }));
			if (item.resolution) out.push(para(item.resolution, { bold: true, indent: true }));
			if (item.applied) out.push(para(item.applied, { indent: true }));
		}
	}
	if (model.narrative) {
		out.push(para('บันทึกการประชุม', { bold: true, align: AlignmentType.LEFT, keepNext: true }));
		for (const line of model.narrative.split(/\r?\n/)) out.push(para(line, { indent: true }));
	}
	if (model.ended) out.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 160, after: 360, ...SINGLE }, children: [run(model.ended)] }));
	const dots = '........................................';
	for (const [name, role] of [
		[model.recorder, 'ผู้จดรายงานการประชุม'],
		[model.checker, 'ผู้ตรวจรายงานการประชุม']
	]) {
		out.push(
			new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, spacing: { before: 360, after: 0, ...SINGLE }, children: [run(`(ลงชื่อ) ${dots} ${role}`)] }),
			new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(30 * MM) }, spacing: { after: 0, ...SINGLE }, children: [run(`(${name || dots})`)] })
		);
	}
	return out;
}

export async function renderMinutesDocx(model: MinutesModel): Promise<Buffer> {
	const doc = new Document({
		creator: 'ร่วมแผน (Ruamphaen)',
		title: model.title,
		description: `${model.title} ${model.number}`,
		styles: { default: { document: { run: { font: FONTS, size: BODY, sizeComplexScript: BODY }, paragraph: { spacing: SINGLE } } } },
		sections: [{ properties: { page: { size: A4, margin: PORTRAIT_MARGIN } }, children: minutesBody(model) }]
	});
	return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
