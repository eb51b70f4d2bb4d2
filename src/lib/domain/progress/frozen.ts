/**
 * A made monitoring report: the figures as they stood, with what the document prints around
 * them. Its canonical JSON is stored and hashed; the print view, the PDF and the public page
 * render this, never today's progress.
 */
import type { ProgressReport, ReportPeriod } from './report';

export interface FrozenReport {
	orgName: string;
	planTitle: string;
	fiscalYear: number;
	period: ReportPeriod;
	/** ISO instant the report was made. */
	madeAt: string;
	report: ProgressReport;
}

/** "รอบ ๖ เดือน (ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙)" / "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", Arabic digits. */
export function periodTitle(fiscalYear: number, period: ReportPeriod): string {
	return period === 'half' ? `รอบ 6 เดือน (ตุลาคม ${fiscalYear - 1} – มีนาคม ${fiscalYear})` : `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;
}
