/**
 * DOCX of the plan (the `docx` package), from the same print model as the print view: the
 * same parts in the same order, real Word tables, the ผด. tables in landscape sections whose
 * page header carries the form code and title lines, so a planning officer can finish the
 * layout in Word — and so it renders right in LibreOffice too:
 *  - TH Sarabun New named for every script of every run (complex-script size w:szCs and the
 *    w:hint="cs" that makes Thai use it), with TH SarabunPSK as its alternative in the font
 *    table; LibreOffice substitutes through fontconfig (the tlwg clone, Laksaman);
 *  - line spacing "auto" (single), never exact, so Thai marks above and below do not collide;
 *  - fixed table layout with explicit widths, month columns wide enough for "มิ.ย." on one
 *    line; header rows repeat on every page; a long project row may split across pages.
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
	ImageRun,
	LineRuleType,
	NumberFormat,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Tab,
	TabStopType,
	Table,
	TableCell,
	TableOfContents,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type ISectionOptions
} from 'docx';
import type { MonthGrid, PrintModel } from '$lib/domain/print/model';
import { withNumerals } from '$lib/domain/thai';
import { minutesBody } from './minutesDocx';
import { checkEmblem } from '$lib/domain/emblem';

/** The official font (§7); the font table names TH SarabunPSK as its alternative. */
export const DOCX_FONT = 'TH Sarabun New';
const DOCX_FONT_ALT = 'TH SarabunPSK';
export const FONTS = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT, hint: 'cs' };
/** Single line spacing, as a rule LibreOffice and Word both read as "auto" (not exact). */
export const SINGLE = { line: 240, lineRule: LineRuleType.AUTO };
/**
 * Table text at 0.85 of single spacing, still proportional ("auto"): the TH Sarabun family's
 * single line is about 1.5 em, and 0.85 of it is the print view's 1.3 line-height, so the
 * forms take about as many pages as the PDF without Thai marks touching.
 */
export const TIGHT = { line: 204, lineRule: LineRuleType.AUTO };

export const PT = 2; // docx sizes are half-points
export const BODY = 16 * PT;
export const TABLE = 14 * PT;
export const SMALL = 12 * PT;
export const MM = 56.7; // twips per millimetre
export const A4 = { width: 11906, height: 16838 };
export const PORTRAIT_MARGIN = { top: Math.round(22 * MM), bottom: Math.round(18 * MM), left: Math.round(28 * MM), right: Math.round(20 * MM) };
const LANDSCAPE_MARGIN = { top: Math.round(12 * MM), bottom: Math.round(10 * MM), left: Math.round(10 * MM), right: Math.round(10 * MM), header: Math.round(6 * MM) };
const LANDSCAPE_TEXT_WIDTH = Math.round((297 - 20) * MM);

export interface RunOpts {
	bold?: boolean;
	size?: number;
	color?: string;
}

export function run(text: string, o: RunOpts = {}): TextRun {
	const size = o.size ?? BODY;
	return new TextRun({
		text,
		bold: o.bold,
		boldComplexScript: o.bold,
		size,
		sizeComplexScript: size,
		color: o.color,
		font: FONTS,
		language: { value: 'th-TH', bidirectional: 'th-TH' }
	});
}

export interface ParaOpts extends RunOpts {
	align?: (typeof AlignmentType)[keyof typeof AlignmentType];
	indent?: boolean;
	keepNext?: boolean;
	heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
	after?: number;
	pageBreakBefore?: boolean;
	tight?: boolean;
}

export function para(text: string, o: ParaOpts = {}): Paragraph {
	return new Paragraph({
		children: [run(text, o)],
		alignment: o.align ?? AlignmentType.THAI_DISTRIBUTE,
		indent: o.indent ? { firstLine: Math.round(12.5 * MM) } : undefined,
		keepNext: o.keepNext,
		heading: o.heading,
		pageBreakBefore: o.pageBreakBefore,
		spacing: { after: o.after ?? 60, ...(o.tight ? TIGHT : SINGLE) }
	});
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };

export interface CellOpts extends ParaOpts {
	span?: number;
	rowSpan?: number;
	shade?: string;
	lines?: string[];
	/** Left and right cell margin (twips). */
	margin?: number;
	/** A side drawn without a border (the two halves of a two-row heading). */
	open?: 'top' | 'bottom';
}

export function cell(text: string, o: CellOpts = {}): TableCell {
	const lines = o.lines ?? [text];
	return new TableCell({
		children: lines.map((l, i) =>
			para(l, { size: i > 0 ? SMALL : (o.size ?? TABLE), bold: o.bold, align: o.align ?? AlignmentType.LEFT, after: 0, keepNext: o.keepNext, color: o.color, tight: true })
		),
		columnSpan: o.span,
		rowSpan: o.rowSpan,
		borders: o.open ? { ...BORDERS, [o.open]: NONE } : BORDERS,
		verticalAlign: o.rowSpan ? VerticalAlign.CENTER : VerticalAlign.TOP,
		shading: o.shade ? { type: ShadingType.CLEAR, fill: o.shade, color: 'auto' } : undefined,
		margins: { top: 30, bottom: 30, left: o.margin ?? 60, right: o.margin ?? 60 }
	});
}

export function pageNumberHeader(): Header {
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: ['-', PageNumber.CURRENT, '-'], size: BODY, sizeComplexScript: BODY, font: FONTS })]
			})
		]
	});
}

function formHeader(head: PrintModel['pd01']['head']): Header {
	return new Header({
		children: [
			// One line: the page number centred, the form code at the right margin (as printed).
			new Paragraph({
				tabStops: [
					{ type: TabStopType.CENTER, position: Math.round(LANDSCAPE_TEXT_WIDTH / 2) },
					{ type: TabStopType.RIGHT, position: LANDSCAPE_TEXT_WIDTH }
				],
				children: [
					new TextRun({ children: [new Tab(), '-', PageNumber.CURRENT, '-', new Tab()], size: BODY, sizeComplexScript: BODY, font: FONTS }),
					run(head.code, { bold: true })
				],
				spacing: { after: 0, ...TIGHT }
			}),
			...head.titleLines.map((l) => para(l, { bold: true, align: AlignmentType.CENTER, after: 0, tight: true }))
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

/** A month column: "มิ.ย." in bold at 11 pt, plus the cell margins, on one line. */
const MONTH_WIDTH = Math.round(9.5 * MM);
const MONTH_LABEL = 11 * PT;

/** Column widths (twips): the text columns share what the 12 month columns (if any) leave, in these proportions. */
function widths(shares: number[], months = 0): number[] {
	const total = shares.reduce((a, b) => a + b, 0);
	const rest = LANDSCAPE_TEXT_WIDTH - months * MONTH_WIDTH;
	return [...shares.map((w) => Math.floor((w / total) * rest)), ...Array(months).fill(MONTH_WIDTH)];
}

/** A form table: fixed layout (columns do not follow their content), full text width. */
function formTable(rows: TableRow[], columnWidths: number[]): Table {
	return new Table({ rows, layout: TableLayoutType.FIXED, width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA }, columnWidths });
}

function headerRows(model: PrintModel, headers: string[]): TableRow[] {
	return [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			// Headings sit in the lower row, the upper cell open below: a vertically merged cell
			// would not grow with its text in LibreOffice, and the heading would be cut off.
			children: [
				...headers.map(() => cell('', { open: 'bottom', size: SMALL })),
				cell(model.yearHeaders[0], { span: 3, bold: true, align: AlignmentType.CENTER, size: SMALL }),
				cell(model.yearHeaders[1], { span: 9, bold: true, align: AlignmentType.CENTER, size: SMALL })
			]
		}),
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [
				...headers.map((h) => cell(h, { open: 'top', bold: true, align: AlignmentType.CENTER, size: SMALL })),
				...model.monthLabels.map((m) => cell(m, { bold: true, align: AlignmentType.CENTER, size: MONTH_LABEL, margin: 20 }))
			]
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
			rows.push(new TableRow({ children: [cell(l.label, { span: 6, bold: true, keepNext: true, shade: 'F1F1F1' })] }));
			continue;
		}
		const bold = l.kind !== 'group';
		const label = l.label;
		rows.push(
			new TableRow({
				cantSplit: true, // two or three lines at most: never worth splitting
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
	return formTable(rows, widths([34, 10, 11, 13, 11, 21]));
}

function pd02Table(model: PrintModel): Table {
	const cols = 18;
	const rows: TableRow[] = headerRows(model, model.pd02.headers);
	for (const st of model.pd02.strategies) {
		rows.push(new TableRow({ children: [cell(st.heading, { span: cols, bold: true, keepNext: true, shade: 'F1F1F1' })] }));
		for (const g of st.groups) {
			rows.push(new TableRow({ children: [cell(g.heading, { span: cols, bold: true, keepNext: true })] }));
			for (const r of g.rows) {
				rows.push(
					new TableRow({
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
	return formTable(rows, widths([4.5, 23, 30, 15, 14.5, 13], 12));
}

function pd021Table(model: PrintModel): Table {
	const rows: TableRow[] = headerRows(model, model.pd021.headers);
	// Ten text columns beside the months: 12 pt, as the print view's small size, so words fit.
	const small = (text: string, o: CellOpts = {}) => cell(text, { size: SMALL, ...o });
	for (const r of model.pd021.rows) {
		rows.push(
			new TableRow({
				children: [
					small(r.seq, { align: AlignmentType.CENTER }),
					small(r.planName),
					small(r.category),
					small(r.type),
					small(r.item),
					small(r.detail),
					small(r.quantity, { align: AlignmentType.CENTER }),
					small(r.budget, { align: AlignmentType.RIGHT }),
					small(r.location),
					small(r.unit),
					...monthCells(r.months)
				]
			})
		);
	}
	if (!model.pd021.rows.length) rows.push(new TableRow({ children: [cell('- ไม่มีรายการ -', { span: 22, align: AlignmentType.CENTER })] }));
	return formTable(rows, widths([4, 11, 8, 10, 15, 20, 7, 11.5, 10, 10], 12));
}

/** The font table: TH Sarabun New (Thai charset), with TH SarabunPSK as the alternative a reader may have. */
export const FONT_TABLE =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
	'<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
	`<w:font w:name="${DOCX_FONT}"><w:altName w:val="${DOCX_FONT_ALT}"/><w:charset w:val="DE"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="${DOCX_FONT_ALT}"><w:charset w:val="DE"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	'</w:fonts>';

/** Builds the DOCX file of a print model. */
/** The emblem (a data: URL of a checked PNG/JPEG) centred in a 32 mm square, as on the print cover. */
function emblemParagraph(dataUrl: string | null): Paragraph[] {
	const m = dataUrl ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl) : null;
	if (!m) return [];
	const data = Buffer.from(m[2], 'base64');
	const checked = checkEmblem(data);
	if (!checked.ok) return [];
	const box = Math.round((32 / 25.4) * 96);
	const scale = box / Math.max(checked.width, checked.height);
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: 600 },
			children: [
				new ImageRun({
					type: checked.type === 'image/png' ? 'png' : 'jpg',
					data,
					transformation: { width: Math.max(1, Math.round(checked.width * scale)), height: Math.max(1, Math.round(checked.height * scale)) },
					altText: { name: 'emblem', description: 'ตราสัญลักษณ์', title: 'ตราสัญลักษณ์' }
				})
			]
		})
	];
}

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
			...model.cover.lines.map((l, i) =>
				para(l, { bold: true, size: 26 * PT, align: AlignmentType.CENTER, after: i === model.cover.lines.length - 1 ? (model.cover.emblem ? 600 : 2400) : 120 })
			),
			...emblemParagraph(model.cover.emblem),
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
	if (model.annex) {
		sections.push({
			properties: numbered,
			headers: { default: pageNumberHeader() },
			children: [para(model.annex.title, { bold: true, size: 26 * PT, align: AlignmentType.CENTER, heading: HeadingLevel.HEADING_1 })]
		});
		for (const m of model.annex.minutes) sections.push({ properties: numbered, headers: { default: pageNumberHeader() }, children: minutesBody(m.model, { heading: HeadingLevel.HEADING_2 }) });
	}

	const doc = new Document({
		creator: 'ร่วมแผน (Ruamphaen)',
		title: model.title,
		description: `${model.title} ${model.orgName}`,
		features: { updateFields: true },
		styles: {
			default: {
				document: {
					run: { font: FONTS, size: BODY, sizeComplexScript: BODY },
					paragraph: { spacing: SINGLE }
				},
				heading1: { run: { font: DOCX_FONT, size: 20 * PT, sizeComplexScript: 20 * PT, bold: true, boldComplexScript: true, color: '000000' } },
				heading2: { run: { font: DOCX_FONT, size: 18 * PT, sizeComplexScript: 18 * PT, bold: true, boldComplexScript: true, color: '000000' } }
			}
		},
		sections
	});
	return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

