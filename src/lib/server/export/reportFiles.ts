/**
 * The DOCX and XLSX of a made report, as the report page and the public page offer them. A made
 * report never changes (its canonical JSON is hashed), so each file is built once per report
 * and kept (a few, in memory); concurrent first requests share one build. A DOCX made without
 * its chart pictures (Chromium missing or past its deadline) is not kept.
 */
import type { FrozenReport } from '$lib/domain/progress/frozen';
import { PdfUnavailableError } from './chromium';
import { renderChartPictures } from './reportCharts';
import { renderReportDocx } from './reportDocx';
import { renderReportXlsx } from './reportXlsx';
import { log } from '../log';

export type ReportFormat = 'docx' | 'xlsx';

const KEEP = 6;
const made = new Map<string, Promise<Buffer>>();

async function buildDocx(frozen: FrozenReport): Promise<{ file: Buffer; complete: boolean }> {
	let charts = null;
	try {
		charts = await renderChartPictures(frozen.report);
	} catch (err) {
		if (!(err instanceof PdfUnavailableError)) throw err;
		log().warn({ err: err.message }, 'report DOCX without chart pictures');
	}
	return { file: await renderReportDocx(frozen, charts), complete: charts !== null };
}

export function reportFile(sha256: string, frozen: FrozenReport, format: ReportFormat): Promise<Buffer> {
	const key = `${sha256}:${format}`;
	const hit = made.get(key);
	if (hit) return hit;
	const pending =
		format === 'xlsx'
			? renderReportXlsx(frozen)
			: buildDocx(frozen).then(({ file, complete }) => {
					if (!complete) made.delete(key);
					return file;
				});
	made.set(key, pending);
	pending.catch(() => made.delete(key));
	if (made.size > KEEP) made.delete(made.keys().next().value!);
	return pending;
}

export const REPORT_TYPES: Record<ReportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** "รายงานติดตามผล-2569-รอบ6เดือน.docx" with an ASCII fallback, for Content-Disposition. */
export function reportAttachment(frozen: FrozenReport, format: string): string {
	const utf = `รายงานติดตามผล-${frozen.fiscalYear}-${frozen.period === 'half' ? 'รอบ6เดือน' : 'ประจำปี'}.${format}`;
	return `attachment; filename="progress-report-${frozen.fiscalYear}-${frozen.period}.${format}"; filename*=UTF-8''${encodeURIComponent(utf)}`;
}

/** The file as a download response. */
export async function reportFileResponse(report: { sha256: string; frozen: FrozenReport }, format: ReportFormat, headers: Record<string, string>): Promise<Response> {
	const file = await reportFile(report.sha256, report.frozen, format);
	return new Response(new Uint8Array(file), { headers: { 'content-type': REPORT_TYPES[format], 'content-disposition': reportAttachment(report.frozen, format), ...headers } });
}
