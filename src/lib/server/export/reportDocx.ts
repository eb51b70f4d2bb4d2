/**
 * DOCX of a made monitoring report, in the layout LAOs publish: the same title, sections,
 * tables and figures as the print view and the PDF (words from domain/progress/reportText.ts,
 * numbers from the frozen report), built with the plan DOCX's helpers (docx.ts: TH Sarabun New
 * for every script, single line spacing, fixed-layout tables with repeated headings), on A4
 * landscape like the PDF. The charts are pictures of the server's own SVG (reportCharts.ts);
 * without Chromium the document says where to find them instead.
 */
import {
	AlignmentType,
	Document,
	ImageRun,
	Packer,
	PageOrientation,
	Paragraph,
	Table,
	TableLayoutType,
	TableRow,
	WidthType
} from 'docx';
import { A4, BODY, cell, FONT_TABLE, FONTS, MM, para, pageNumberHeader, PT, SMALL, type CellOpts } from './docx';
import type { ChartPicture } from './reportCharts';
import type { FrozenReport } from '$lib/domain/progress/frozen';
import type { Measures } from '$lib/domain/progress/report';
import { statusLabels } from '$lib/domain/progress/statuses';
import {
	equipmentSummary,
	LAGGING_HEAD,
	methodNote,
	NONE,
	OTHER_AGENCY_HEAD,
	otherAgencySummary,
	REPORT_SECTIONS,
	reportBaht,
	reportSubtitle,
	reportTitle,
	STATUS_HEAD,
	STRATEGY_HEAD
} from '$lib/domain/progress/reportText';
import { THAI_MONTHS_SHORT } from '$lib/domain/thai';

const MARGIN = Math.round(12 * MM);
const TEXT_WIDTH = Math.round((297 - 24) * MM);
/** What a reader of a DOCX made without pictures is told. */
export const CHARTS_ELSEWHERE = 'แผนภูมิประกอบรายงานดูได้ในฉบับ PDF';

const right = { align: AlignmentType.RIGHT };
const center = { align: AlignmentType.CENTER };

function table(rows: TableRow[], shares: number[], width = TEXT_WIDTH): Table {
	const total = shares.reduce((a, b) => a + b, 0);
	const columnWidths = shares.map((w) => Math.floor((w / total) * width));
	return new Table({ rows, layout: TableLayoutType.FIXED, width: { size: width, type: WidthType.DXA }, columnWidths });
}

const head = (text: string, o: CellOpts = {}) => cell(text, { bold: true, align: AlignmentType.CENTER, shade: 'F1F1F1', ...o });

/** The strategy table's eleven columns at 12 pt: "10,920,990.00" and "100.00" each on one line. */
const STRATEGY_MM = [86, 11, 15, 11, 15, 30, 15, 30, 15, 30, 15];

function measureCells(m: Measures, bold: boolean): ReturnType<typeof cell>[] {
	const n = (text: string | number) => cell(String(text), { ...right, bold, size: SMALL });
	return [n(m.planned), n(m.plannedPct), n(m.done), n(m.donePct), n(reportBaht(m.budgetSatang)), n(m.budgetPct), n(reportBaht(m.contractSatang)), n(m.contractPct), n(reportBaht(m.disbursedSatang)), n(m.disbursedPct)];
}

function strategyTable(frozen: FrozenReport): Table {
	const r = frozen.report;
	const rows: TableRow[] = [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [head('', { open: 'bottom', size: SMALL }), head(STRATEGY_HEAD.projects, { span: 4, size: SMALL }), head(STRATEGY_HEAD.budget, { span: 6, size: SMALL })]
		}),
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [head(STRATEGY_HEAD.name, { open: 'top', size: SMALL }), ...[...STRATEGY_HEAD.projectColumns, ...STRATEGY_HEAD.budgetColumns].map((h) => head(h, { size: SMALL }))]
		})
	];
	for (const s of r.strategies) {
		rows.push(new TableRow({ cantSplit: true, children: [cell(`${s.no}. ${s.name}`, { bold: true, keepNext: true, size: SMALL }), ...measureCells(s, true)] }));
		for (const g of s.groups) rows.push(new TableRow({ cantSplit: true, children: [cell(`    ${g.planName}`, { size: SMALL }), ...measureCells(g, false)] }));
	}
	rows.push(new TableRow({ cantSplit: true, children: [cell(STRATEGY_HEAD.total, { bold: true, align: AlignmentType.CENTER, size: SMALL }), ...measureCells(r.total, true)] }));
	return table(rows, STRATEGY_MM);
}

function statusTable(frozen: FrozenReport): Table {
	const rows = [
		new TableRow({ tableHeader: true, cantSplit: true, children: STATUS_HEAD.map((h) => head(h)) }),
		...frozen.report.statuses.map((s) => new TableRow({ cantSplit: true, children: [cell(statusLabels[s.status].th), cell(String(s.count), right), cell(s.pct, right)] }))
	];
	return table(rows, [3, 2, 2], Math.round(TEXT_WIDTH * 0.5));
}

function laggingTable(frozen: FrozenReport): Table {
	const rows = [
		new TableRow({ tableHeader: true, cantSplit: true, children: LAGGING_HEAD.map((h) => head(h)) }),
		...frozen.report.lagging.map(
			(l, i) =>
				new TableRow({
					cantSplit: true,
					children: [
						cell(String(i + 1), center),
						cell(l.name),
						cell(String(l.strategyNo), center),
						cell(l.responsibleUnit),
						cell(reportBaht(l.budgetSatang), right),
						cell(THAI_MONTHS_SHORT[l.firstMonth - 1], center),
						cell(String(l.monthsPassed), right)
					]
				})
		)
	];
	return table(rows, [4, 36, 8, 16, 12, 9, 9]);
}

function otherAgencyTable(frozen: FrozenReport): Table {
	const rows = [
		new TableRow({ tableHeader: true, cantSplit: true, children: OTHER_AGENCY_HEAD.map((h) => head(h)) }),
		...frozen.report.otherAgency.projects.map(
			(p) => new TableRow({ cantSplit: true, children: [cell(p.name), cell(p.agency), cell(reportBaht(p.budgetSatang), right), cell(statusLabels[p.status].th)] })
		)
	];
	return table(rows, [45, 25, 14, 16]);
}

function picture(p: ChartPicture): Paragraph[] {
	// As wide as it was drawn, or the text width at most (96 px to the inch, 1440 twips to the inch).
	const maxPx = (TEXT_WIDTH / 1440) * 96;
	const scale = Math.min(1, maxPx / p.width);
	return [
		para(p.title, { bold: true, align: AlignmentType.LEFT, keepNext: true, after: 40 }),
		new Paragraph({
			keepNext: false,
			spacing: { after: 200 },
			children: [
				new ImageRun({
					type: 'png',
					data: p.png,
					transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) },
					altText: { name: p.title, description: p.title, title: p.title }
				})
			]
		})
	];
}

const heading = (text: string) => para(text, { bold: true, size: 16 * PT, align: AlignmentType.LEFT, keepNext: true, after: 80 });
const gap = () => para('', { after: 0 });

/** Builds the DOCX of a made report; `charts` null: pictures could not be made (no Chromium). */
export async function renderReportDocx(frozen: FrozenReport, charts: ChartPicture[] | null): Promise<Buffer> {
	const r = frozen.report;
	const children: (Paragraph | Table)[] = [
		para(reportTitle(frozen), { bold: true, size: 20 * PT, align: AlignmentType.CENTER, after: 40 }),
		...reportSubtitle(frozen).map((l) => para(l, { align: AlignmentType.CENTER, after: 0 })),
		gap(),
		heading(REPORT_SECTIONS.strategies(frozen.orgName)),
		strategyTable(frozen),
		gap(),
		...(charts ? charts.flatMap(picture) : [para(CHARTS_ELSEWHERE, { size: SMALL })]),
		heading(REPORT_SECTIONS.statuses),
		statusTable(frozen),
		gap(),
		heading(REPORT_SECTIONS.lagging),
		r.lagging.length ? laggingTable(frozen) : para(NONE),
		gap(),
		heading(REPORT_SECTIONS.otherAgency),
		para(otherAgencySummary(r), { align: AlignmentType.LEFT }),
		otherAgencyTable(frozen),
		gap(),
		heading(REPORT_SECTIONS.equipment),
		para(equipmentSummary(r), { align: AlignmentType.LEFT }),
		para(methodNote(r), { size: 11 * PT, color: '444444', align: AlignmentType.LEFT })
	];
	const doc = new Document({
		creator: 'ร่วมแผน (Ruamphaen)',
		title: reportTitle(frozen),
		description: `${reportTitle(frozen)} ${frozen.orgName}`,
		styles: { default: { document: { run: { font: FONTS, size: BODY, sizeComplexScript: BODY } } } },
		sections: [
			{
				properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: Math.round(6 * MM) } } },
				headers: { default: pageNumberHeader() },
				children
			}
		]
	});
	return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
