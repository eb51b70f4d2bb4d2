/**
 * DOCX of the plan (the `docx` package), from the same print model as the print view: the
 * same parts in the same order, real Word tables (header rows repeat, rows never split), the
 * ผด. tables in landscape sections whose page header carries the form code and title lines,
 * and TH SarabunPSK as the font, so a planning officer can finish the layout in Word.
 *
 * The month grid is drawn as merged, shaded cells over each run of months (Word has no
 * arrow bar inside a table cell that survives editing); the run is also written as text for
 * screen readers ("ม.ค.–เม.ย." in the cell, in white).
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	HeadingLevel,
	NumberFormat,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type ISectionOptions
} from 'docx';
import type { MonthGrid, PrintModel } from '$lib/domain/print/model';
import { withNumerals } from '$lib/domain/thai';

/** The font name Word knows for the official look (§7); Word substitutes when missing. */
const DOCX_FONT = 'TH SarabunPSK';

const PT = 2; // docx sizes are half-points
const BODY = 16 * PT;
const TABLE = 14 * PT;
const SMALL = 12 * PT;
const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: Math.round(22 * MM), bottom: Math.round(18 * MM), left: Math.round(28 * MM), right: Math.round(20 * MM) };
const LANDSCAPE_MARGIN = { top: Math.round(12 * MM), bottom: Math.round(10 * MM), left: Math.round(10 * MM), right: Math.round(10 * MM), header: Math.round(6 * MM) };
const LANDSCAPE_TEXT_WIDTH = Math.round((297 - 20) * MM);

interface RunOpts {
	bold?: boolean;
	size?: number;
	color?: string;
}

function run(text: string, o: RunOpts = {}): TextRun {
	const size = o.size ?? BODY;
	return new TextRun({
		text,
		bold: o.bold,
		boldComplexScript: o.bold,
		size,
		sizeComplexScript: size,
		color: o.color,
		font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT },
		language: { value: 'th-TH', bidirectional: 'th-TH' }
	});
}

interface ParaOpts extends RunOpts {
	align?: (typeof AlignmentType)[keyof typeof AlignmentType];
	indent?: boolean;
	keepNext?: boolean;
	heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
	after?: number;
	pageBreakBefore?: boolean;
}

function para(text: string, o: ParaOpts = {}): Paragraph {
	return new Paragraph({
		children: [run(text, o)],
		alignment: o.align ?? AlignmentType.THAI_DISTRIBUTE,
		indent: o.indent ? { firstLine: Math.round(12.5 * MM) } : undefined,
		keepNext: o.keepNext,
		heading: o.heading,
		pageBreakBefore: o.pageBreakBefore,
		spacing: { after: o.after ?? 60, line: 240 }
	});
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

interface CellOpts extends ParaOpts {
	span?: number;
	rowSpan?: number;
	shade?: string;
	lines?: string[];
}

function cell(text: string, o: CellOpts = {}): TableCell {
	const lines = o.lines ?? [text];
	return new TableCell({
		children: lines.map((l, i) =>
			para(l, { size: i > 0 ? SMALL : (o.size ?? TABLE), bold: o.bold, align: o.align ?? AlignmentType.LEFT, after: 0, keepNext: o.keepNext, color: o.color })
		),
		columnSpan: o.span,
		rowSpan: o.rowSpan,
		borders: BORDERS,
		verticalAlign: o.rowSpan ? VerticalAlign.CENTER : VerticalAlign.TOP,
		shading: o.shade ? { type: ShadingType.CLEAR, fill: o.shade, color: 'auto' } : undefined,
		margins: { top: 30, bottom: 30, left: 60, right: 60 }
	});
}

function pageNumberHeader(): Header {
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: ['-', PageNumber.CURRENT, '-'], size: BODY, sizeComplexScript: BODY, font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT } })]
			})
		]
	});
}

function formHeader(head: PrintModel['pd01']['head']): Header {
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				children: [run(head.code, { bold: true })],
				spacing: { after: 0 }
			}),
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: ['-', PageNumber.CURRENT, '-'], size: BODY, sizeComplexScript: BODY, font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT } })],
				spacing: { after: 0 }
			}),
			...head.titleLines.map((l) => para(l, { bold: true, align: AlignmentType.CENTER, after: 0 }))
		]
	});
}

function monthCells(grid: MonthGrid): TableCell[] {
	const out: TableCell[] = [];
	let i = 0;
	for (const r of grid.runs) {
		for (; i < r.start; i++) out.push(cell(''));
		out.push(cell(grid.label, { span: r.end - r.start + 1, shade: '7F7F7F', color: 'FFFFFF', size: 8 * PT, align: AlignmentType.CENTER }));
		i = r.end + 1;
	}
	for (; i < 12; i++) out.push(cell(''));
	return out;
}

function widths(mm: number[]): number[] {
	const total = mm.reduce((a, b) => a + b, 0);
	return mm.map((w) => Math.floor((w / total) * LANDSCAPE_TEXT_WIDTH));
}

function headerRows(model: PrintModel, headers: string[]): TableRow[] {
	return [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [
				...headers.map((h) => cell(h, { rowSpan: 2, bold: true, align: AlignmentType.CENTER })),
				cell(model.yearHeaders[0], { span: 3, bold: true, align: AlignmentType.CENTER }),
				cell(model.yearHeaders[1], { span: 9, bold: true, align: AlignmentType.CENTER })
			]
		}),
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: model.monthLabels.map((m) => cell(m, { bold: true, align: AlignmentType.CENTER, size: SMALL }))
		})
	];
}

function pd01Table(model: PrintModel): Table {
	const rows: TableRow[] = [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: model.pd01.headers.map((h) => cell(h, { bold: true, align: AlignmentType.CENTER }))
		})
	];
	for (const l of model.pd01.lines) {
		if (l.kind === 'strategy') {
			rows.push(new TableRow({ cantSplit: true, children: [cell(l.label, { span: 6, bold: true, keepNext: true, shade: 'F1F1F1' })] }));
			continue;
		}
		const bold = l.kind !== 'group';
		const label = l.label;
		rows.push(
			new TableRow({
				cantSplit: true,
				children: [
					cell(label, { bold, align: l.kind === 'group' ? AlignmentType.LEFT : AlignmentType.CENTER }),
					cell(l.count, { bold, align: AlignmentType.RIGHT }),
					cell(l.countPct, { bold, align: AlignmentType.RIGHT }),
					cell(l.budget, { bold, align: AlignmentType.RIGHT }),
					cell(l.budgetPct, { bold, align: AlignmentType.RIGHT }),
					cell(l.units)
				]
			})
		);
	}
	return new Table({ rows, width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths([34, 10, 11, 13, 11, 21]) });
}

function pd02Table(model: PrintModel): Table {
	const cols = 18;
	const rows: TableRow[] = headerRows(model, model.pd02.headers);
	for (const st of model.pd02.strategies) {
		rows.push(new TableRow({ cantSplit: true, children: [cell(st.heading, { span: cols, bold: true, keepNext: true, shade: 'F1F1F1' })] }));
		for (const g of st.groups) {
			rows.push(new TableRow({ cantSplit: true, children: [cell(g.heading, { span: cols, bold: true, keepNext: true })] }));
			for (const r of g.rows) {
				rows.push(
					new TableRow({
						cantSplit: true,
						children: [
							cell(r.seq, { align: AlignmentType.CENTER }),
							cell(r.name),
							cell(r.detail, { lines: r.remark ? [r.detail, r.remark] : undefined }),
							cell(r.budget, { align: AlignmentType.RIGHT }),
							cell(r.location),
							cell(r.unit),
							...monthCells(r.months)
						]
					})
				);
			}
		}
	}
	return new Table({ rows, width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths([3, 15, 20, 8.5, 9.5, 8, ...Array(12).fill(3)]) });
}

function pd021Table(model: PrintModel): Table {
	const rows: TableRow[] = headerRows(model, model.pd021.headers);
	for (const r of model.pd021.rows) {
		rows.push(
			new TableRow({
				cantSplit: true,
				children: [
					cell(r.seq, { align: AlignmentType.CENTER }),
					cell(r.planName),
					cell(r.category),
					cell(r.type),
					cell(r.item),
					cell(r.detail),
					cell(r.quantity, { align: AlignmentType.CENTER }),
					cell(r.budget, { align: AlignmentType.RIGHT }),
					cell(r.location),
					cell(r.unit),
					...monthCells(r.months)
				]
			})
		);
	}
	if (!model.pd021.rows.length) rows.push(new TableRow({ children: [cell('- ไม่มีรายการ -', { span: 22, align: AlignmentType.CENTER })] }));
	return new Table({
		rows,
		width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths([2.6, 7, 4.6, 6, 10.2, 11.6, 4.4, 6, 6.8, 6.8, ...Array(12).fill(3)])
	});
}

/** Builds the DOCX file of a print model. */
export async function renderPlanDocx(model: PrintModel): Promise<Buffer> {
	const portrait = { page: { size: A4, margin: PORTRAIT_MARGIN } };
	const numbered = {
		page: {
			size: A4,
			margin: PORTRAIT_MARGIN,
			pageNumbers: { formatType: model.settings.pageDigits === 'thai' ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL }
		}
	};
	const landscape = {
		page: {
			size: { ...A4, orientation: PageOrientation.LANDSCAPE },
			margin: LANDSCAPE_MARGIN,
			pageNumbers: { formatType: model.settings.pageDigits === 'thai' ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL }
		}
	};

	const sections: ISectionOptions[] = [];
	sections.push({
		properties: portrait,
		children: [
			...model.cover.lines.map((l, i) => para(l, { bold: true, size: 26 * PT, align: AlignmentType.CENTER, after: i === model.cover.lines.length - 1 ? 2400 : 120 })),
			...model.cover.footerLines.map((l) => para(l, { size: 18 * PT, align: AlignmentType.CENTER, after: 0 }))
		]
	});
	if (model.announcement) {
		const a = model.announcement;
		sections.push({
			properties: portrait,
			children: [
				para(a.heading, { bold: true, align: AlignmentType.CENTER, after: 0 }),
				para(a.subject, { bold: true, align: AlignmentType.CENTER, after: 0 }),
				para('---------------------------', { align: AlignmentType.CENTER }),
				...a.paragraphs.map((p) => para(p, { indent: true })),
				...[a.dateText, '', a.signatoryName, a.signatoryPosition].map((l) => para(l, { align: AlignmentType.CENTER, after: 0 }))
			]
		});
	}
	sections.push({
		properties: portrait,
		children: [
			para(model.preface.heading, { bold: true, size: 20 * PT, align: AlignmentType.CENTER, heading: HeadingLevel.TITLE }),
			...model.preface.paragraphs.map((p) => para(p, { indent: true })),
			...model.preface.signature.map((l) => para(l, { align: AlignmentType.RIGHT, after: 0 }))
		]
	});
	sections.push({
		properties: portrait,
		children: [
			para('สารบัญ', { bold: true, size: 20 * PT, align: AlignmentType.CENTER }),
			new TableOfContents('สารบัญ', { hyperlink: true, headingStyleRange: '1-2' })
		]
	});
	const intro: Paragraph[] = [para(model.intro.title, { bold: true, size: 20 * PT, align: AlignmentType.CENTER, heading: HeadingLevel.HEADING_1 })];
	for (const b of model.intro.blocks) {
		intro.push(para(b.heading, { bold: true, size: 18 * PT, align: AlignmentType.LEFT, heading: HeadingLevel.HEADING_2, keepNext: true }));
		for (const p of b.paragraphs) intro.push(para(p, { indent: true }));
		b.items.forEach((it, i) => intro.push(para(`${withNumerals(String(i + 1), model.settings.digits.intro)}. ${it}`, { indent: true })));
		b.steps.forEach((st) =>
			intro.push(new Paragraph({ indent: { firstLine: Math.round(12.5 * MM) }, children: [run(`${st.no}. `), run(st.actor, { bold: true }), run(` ${st.text}`)] }))
		);
		for (const p of b.closing) intro.push(para(p, { indent: true }));
	}
	sections.push({ properties: numbered, headers: { default: pageNumberHeader() }, children: intro });
	sections.push({
		properties: numbered,
		headers: { default: pageNumberHeader() },
		children: [para(model.part2Title, { bold: true, size: 26 * PT, align: AlignmentType.CENTER, heading: HeadingLevel.HEADING_1 })]
	});
	const formSection = (head: PrintModel['pd01']['head'], table: Table): ISectionOptions => ({
		properties: landscape,
		headers: { default: formHeader(head) },
		children: [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(`${head.code} ${head.titleLines[0]}`, { size: 2, color: 'FFFFFF' })], spacing: { after: 0 } }), table]
	});
	sections.push(formSection(model.pd01.head, pd01Table(model)));
	sections.push(formSection(model.pd02.head, pd02Table(model)));
	sections.push(formSection(model.pd021.head, pd021Table(model)));

	const doc = new Document({
		creator: 'ร่วมแผน (Ruamphaen)',
		title: model.title,
		description: `${model.title} ${model.orgName}`,
		features: { updateFields: true },
		styles: {
			default: {
				document: {
					run: { font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT }, size: BODY, sizeComplexScript: BODY },
					paragraph: {}
				},
				heading1: { run: { font: DOCX_FONT, size: 20 * PT, sizeComplexScript: 20 * PT, bold: true, boldComplexScript: true, color: '000000' } },
				heading2: { run: { font: DOCX_FONT, size: 18 * PT, sizeComplexScript: 18 * PT, bold: true, boldComplexScript: true, color: '000000' } }
			}
		},
		sections
	});
	return Packer.toBuffer(doc);
}

