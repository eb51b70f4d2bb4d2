/**
 * Print CSS of the official document (OPERATIONAL_PLAN.md §7, §8.9), as a string so the
 * print route (served as a stylesheet, `/print.css`) and the server-side PDF render use
 * exactly the same rules.
 *
 * - A4; narrative pages portrait, ผด. tables on named landscape pages.
 * - Page number "-๒-" centred at the top (CSS margin box; front matter unnumbered).
 * - Table header (form code, title lines, column headings) in <thead>, repeated on each page.
 * - No row split across pages; a group heading is kept with the row that follows it.
 *
 * Built from the enumerated print settings only: no text of the plan (organization name,
 * titles, …) ever goes into CSS — those are DOM text in the document's <thead>.
 */
import type { PrintSettings } from '$lib/domain/print/model';

/** Font stacks: TH Sarabun family first for the official look (Laksaman is Debian's clone). */
const TH_FONT_STACK = "'TH SarabunPSK', 'TH Sarabun New', 'Laksaman', 'Sarabun', sans-serif";
const SARABUN_FONT_STACK = "'Sarabun', 'TH Sarabun New', 'Laksaman', 'Noto Sans Thai', sans-serif";

/** The print CSS for these settings (each one a closed set of values, see parsePrintSettings). */
export function printCss(settings: PrintSettings): string {
	const th = settings.font === 'th';
	const stack = th ? TH_FONT_STACK : SARABUN_FONT_STACK;
	// TH Sarabun-like faces are small on the em: official sizes are 16 pt prose, 14 pt tables.
	const size = th
		? { body: '16pt', h1: '20pt', h2: '18pt', cover: '26pt', table: '14pt', small: '12pt', tiny: '10pt', page: '15pt' }
		: { body: '12pt', h1: '15pt', h2: '13pt', cover: '20pt', table: '9.5pt', small: '8.5pt', tiny: '7.5pt', page: '11pt' };
	const counter = settings.pageDigits === 'thai' ? 'counter(page, thai)' : 'counter(page)';
	return `
@page { size: A4 portrait; margin: 22mm 20mm 18mm 28mm;
  @top-center { content: "-" ${counter} "-"; font-family: ${stack}; font-size: ${size.page}; vertical-align: bottom; padding-bottom: 4mm; } }
@page front { @top-center { content: none; } }
@page table { size: A4 landscape; margin: ${th ? '16mm' : '14mm'} 10mm 10mm 10mm;
  @top-center { content: "-" ${counter} "-"; font-family: ${stack}; font-size: ${size.page}; vertical-align: bottom; padding-bottom: 3mm; } }
.plan-doc { font-family: ${stack}; font-size: ${size.body}; line-height: 1.45; color: #000; background: #fff; print-color-adjust: exact; -webkit-print-color-adjust: exact;
  word-break: normal; line-break: auto; overflow-wrap: break-word; hyphens: none; }
.plan-doc * { box-sizing: border-box; }
.plan-doc .front { page: front; }
.plan-doc .sheet { break-before: page; }
.plan-doc .sheet:first-child { break-before: auto; }
.plan-doc h1, .plan-doc h2, .plan-doc h3 { break-after: avoid; page-break-after: avoid; margin: 0 0 0.5em; }
.plan-doc h1 { font-size: ${size.h1}; text-align: center; font-weight: 700; }
.plan-doc h2 { font-size: ${size.h2}; font-weight: 700; margin-top: 0.8em; }
.plan-doc p { margin: 0 0 0.4em; text-indent: 2.5em; text-align: justify; text-justify: inter-character; orphans: 2; widows: 2; }
.plan-doc ol { margin: 0 0 0.5em; padding-left: 3.5em; }
.plan-doc li { margin-bottom: 0.2em; }
.plan-doc ol.thai-num { list-style-type: ${settings.digits.intro === 'thai' ? 'thai' : 'decimal'}; }
.plan-doc .cover { display: flex; flex-direction: column; align-items: center; justify-content: space-between; min-height: 240mm; text-align: center; }
.plan-doc .cover .emblem { width: 32mm; height: 32mm; border: 1px solid #000; border-radius: 50%; margin: 10mm auto; }
.plan-doc .cover .emblem-image { display: block; width: 32mm; height: 32mm; object-fit: contain; margin: 10mm auto; }
.plan-doc .cover .lines p { font-size: ${size.cover}; font-weight: 700; text-indent: 0; text-align: center; margin: 0.15em 0; }
/* A word longer than the page breaks rather than running off it (flex items size to their longest word). */
.plan-doc .cover .lines p, .plan-doc .cover .footer p { overflow-wrap: anywhere; }
.plan-doc .cover .footer p { font-size: ${size.h2}; text-indent: 0; text-align: center; margin: 0; }
.plan-doc .announcement .head { text-align: center; }
.plan-doc .announcement .head p { text-indent: 0; text-align: center; font-weight: 700; margin: 0; }
.plan-doc .signature { margin: 2em 0 0 50%; text-align: center; }
.plan-doc .signature p { text-indent: 0; text-align: center; margin: 0; }
.plan-doc .divider { display: flex; align-items: center; justify-content: center; min-height: 230mm; }
.plan-doc .divider h1 { font-size: ${size.cover}; }
.plan-doc .toc { list-style: none; padding: 0; margin: 1em 0; }
.plan-doc .toc li { display: flex; align-items: baseline; gap: 0.3em; break-inside: avoid; }
.plan-doc .toc li.l2 { padding-left: 2em; }
.plan-doc .toc .label { flex: 0 1 auto; color: inherit; text-decoration: none; }
.plan-doc .toc .dots { flex: 1 1 auto; border-bottom: 1px dotted #000; min-width: 2em; transform: translateY(-0.3em); }
.plan-doc .toc .page { flex: 0 0 auto; min-width: 2.2em; text-align: right; }
.plan-doc .toc-head { display: flex; justify-content: flex-end; font-weight: 700; }
.plan-doc .form { break-before: page; }
.plan-doc .form { page: table; }
.plan-doc table.pd thead tr.form-head th { border: none; padding: 0; font-size: ${size.body}; font-weight: 700; line-height: 1.3; text-align: center; }
.plan-doc table.pd thead tr.form-head th { position: relative; }
/* Room above the first title line for stacked Thai marks (ที่, ถิ่): without it Chromium paints
   their ink, which rises above the line box, at the foot of every page the header repeats on. */
.plan-doc table.pd thead tr.form-head:first-child th { padding-top: 1.5mm; }
.plan-doc table.pd thead tr.form-head th .code { position: absolute; right: 0; top: 0; }
.plan-doc table.pd thead tr.form-head th .title-line { display: block; padding: 0 30mm; }
.plan-doc table.pd thead tr.form-head.last th { padding-bottom: 2mm; }
.plan-doc h2.form-heading { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); margin: 0; }
@media print {
  /* Kept in the flow (1 px, white) so Chromium's PDF outline, hence the TOC, sees it. */
  .plan-doc h2.form-heading { position: static; clip: auto; width: auto; height: 1px; font-size: 1px; line-height: 1px; color: #fff; }
}
.plan-doc table.pd { width: 100%; border-collapse: collapse; font-size: ${size.table}; line-height: 1.3; table-layout: fixed; }
.plan-doc table.pd th, .plan-doc table.pd td { border: 0.6pt solid #000; padding: 1mm 1.2mm; vertical-align: top; }
.plan-doc table.pd thead { display: table-header-group; }
.plan-doc table.pd thead th { text-align: center; vertical-align: middle; font-weight: 700; font-size: ${size.small}; line-height: 1.2; }
.plan-doc table.pd tr { break-inside: avoid; page-break-inside: avoid; }
.plan-doc table.pd tbody.keep { break-inside: avoid; page-break-inside: avoid; }
.plan-doc table.pd tr.group-head { break-after: avoid; page-break-after: avoid; }
.plan-doc table.pd tr.group-head td { font-weight: 700; border-left: 0.6pt solid #000; border-right: 0.6pt solid #000; }
.plan-doc table.pd tr.group-head.strategy td { background: #f1f1f1; }
.plan-doc table.pd td.num { text-align: right; white-space: nowrap; }
.plan-doc table.pd td.center { text-align: center; }
.plan-doc table.pd tr.subtotal td, .plan-doc table.pd tr.total td { font-weight: 700; }
.plan-doc table.pd tr.subtotal td.label, .plan-doc table.pd tr.total td.label { text-align: center; }
.plan-doc table.pd tr.group td.label { padding-left: 6mm; }
.plan-doc table.pd td.units { font-size: ${size.small}; line-height: 1.25; }
.plan-doc table.pd .remark { display: block; font-size: ${size.small}; margin-top: 0.5mm; }
.plan-doc table.pd th.month { font-size: ${size.tiny}; padding: 0.5mm 0; white-space: nowrap; }
.plan-doc table.pd td.month { padding: 0; vertical-align: middle; text-align: center; font-size: ${size.small}; }
.plan-doc table.pd021 { font-size: ${size.small}; }
/* ผด.02/1 has ten text columns beside the months: a smaller size and narrower padding keep every word whole. */
.plan-doc table.pd021 th, .plan-doc table.pd021 td { padding-left: 0.8mm; padding-right: 0.8mm; }
.plan-doc .bar { position: relative; height: 0; border-top: 1.1pt solid #000; margin: 0 1.6mm; }
.plan-doc .bar::before, .plan-doc .bar::after { content: ""; position: absolute; top: -3.05pt; width: 0; height: 0; border-style: solid; }
.plan-doc .bar::before { left: -0.5pt; border-width: 2.5pt 5pt 2.5pt 0; border-color: transparent #000 transparent transparent; }
.plan-doc .bar::after { right: -0.5pt; border-width: 2.5pt 0 2.5pt 5pt; border-color: transparent transparent transparent #000; }
.plan-doc .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.plan-doc .empty-note { text-align: center; font-style: italic; }
@media screen {
  .plan-doc { background: #e9ecef; padding: 1rem 0; }
  .plan-doc .sheet, .plan-doc .form { background: #fff; margin: 0 auto 1rem; padding: 18mm 18mm 14mm 22mm; width: 210mm; min-height: 100mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .plan-doc .form { width: 297mm; padding: 12mm 10mm; }
}
@media print {
  .app-header, .print-toolbar { display: none !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  body { background: #fff !important; }
}
`;
}
