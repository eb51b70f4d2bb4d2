/**
 * Stylesheet of the monitoring report: constants only (no report text ever reaches CSS).
 * Served at /report.css for the app and the print view, inlined into the PDF's HTML.
 */
export const reportCss = `
.report-document { font-family: 'Sarabun', 'TH Sarabun New', sans-serif; font-size: 14px; color: #111; }
.report-document header { text-align: center; margin-bottom: 1rem; }
.report-document h1 { font-size: 20px; margin: 0 0 0.4rem; }
.report-document h2 { font-size: 16px; margin: 1.2rem 0 0.5rem; break-after: avoid; }
.report-document header p { margin: 0.15rem 0; }
.report-table { border-collapse: collapse; width: 100%; font-size: 13px; }
.report-table.narrow { width: auto; min-width: 50%; }
.report-table th, .report-table td { border: 1px solid #777; padding: 2px 5px; vertical-align: top; }
.report-table th { background: #f1f1f1; text-align: center; }
.report-table td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.report-table tr.strategy td { font-weight: 700; background: #fafafa; }
.report-table td.group { padding-left: 1.2rem; }
.report-table tr { break-inside: avoid; }
.report-table thead { display: table-header-group; }
.report-document .charts { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; }
.report-document figure.chart { margin: 0; break-inside: avoid; }
.report-document figure.chart svg { max-width: 100%; height: auto; }
.report-document figcaption { font-weight: 700; margin-bottom: 0.3rem; }
.report-document ul.legend { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; gap: 1rem; flex-wrap: wrap; font-size: 12px; }
.report-document .method { font-size: 11px; color: #444; margin-top: 1rem; }
@page { size: A4 landscape; margin: 12mm; }
@media print { .app-header, .no-print { display: none !important; } }
`;
