/**
 * The import preview as the HTTP API answers it (docs/API.md): Excel row numbers, amounts in
 * baht as in the interchange file, reasons in Thai and English.
 */
import { satangToBaht } from '$lib/domain/plan/money';
import type { ImportPreview } from './projectTable';

export function previewReport(preview: ImportPreview) {
	const sheet = (s: string | undefined) => (s === undefined ? {} : { sheet: s });
	return {
		kind: preview.parts ? 'projects+equipment' : preview.kind,
		sheets: preview.parts
			? preview.parts.map((p) => ({ name: preview.sheets[p.sheet], kind: p.kind, headerRow: p.headerRow }))
			: [{ name: preview.sheets[preview.sheet] ?? '', kind: preview.kind, headerRow: preview.headerRow }],
		problem: preview.problem,
		accepted: [
			...preview.projects.map(({ rowNo, sheet: s, budget, ...p }) => ({ row: rowNo, ...sheet(s), table: 'projects' as const, ...p, budget: satangToBaht(budget) })),
			...preview.equipment.map(({ rowNo, sheet: s, budget, ...e }) => ({ row: rowNo, ...sheet(s), table: 'equipment' as const, ...e, budget: satangToBaht(budget) }))
		],
		skipped: preview.skipped.map((s) => ({ row: s.rowNo, ...sheet(s.sheet), why: s.why, text: s.text })),
		rejected: preview.rejected.map((r) => ({ row: r.rowNo, ...sheet(r.sheet), reasons: r.reasons, text: r.text })),
		warnings: preview.warnings.map((w) => ({ row: w.rowNo, ...sheet(w.sheet), message: w.message })),
		questions: preview.questions.map((q) => ({ text: q.text, match: q.match, suggestion: q.suggestion, choice: q.choice, rows: q.rows })),
		totalBudget: satangToBaht(preview.totalBudget)
	};
}
