/**
 * Evidence files of a progress row: uploaded by whoever may report the row, checked by size
 * and by their bytes (domain/progress/evidence.ts), stored in the database (no paths on
 * disk), served back only to people who may read progress, and deleted by the people who may
 * report the row — but not once a report of the year made after the upload is announced: the
 * file is then part of the record behind a public document. A deletion takes the file's bytes
 * with its row and leaves who deleted which file, and when, in the audit log.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as progress from '../db/progress';
import { newId } from '../ids';
import { events } from '../events';
import * as audit from '../db/audit';
import type { Actor } from '../policies/plan';
import { authorizeProgress, mayDeleteEvidence, mayReportRow } from '../policies/progress';
import { loadProgressScene } from '../progress/announcedPlan';
import { cleanFileName, EVIDENCE_MAX_BYTES, EVIDENCE_PER_ROW, sniffEvidence } from '$lib/domain/progress/evidence';
import type { MessageKey } from '$lib/i18n';

export type EvidenceResult = { ok: true; id: string } | { ok: false; error: MessageKey };

export async function addEvidence(db: Database, actor: Actor | null, planId: string, rowId: string, file: File): Promise<EvidenceResult> {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const a = loaded.announced!;
	const row = a.plan.projects.find((p) => p.id === rowId) ?? a.plan.equipment.find((e) => e.id === rowId);
	if (!row) error(404, 'no such row in the announced plan');
	if (!mayReportRow(loaded.scene, row.responsibleUnit)) error(403, 'not your department');
	if (file.size === 0) return { ok: false, error: 'evidenceEmpty' };
	if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, error: 'evidenceTooLarge' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = sniffEvidence(bytes);
	if (!type) return { ok: false, error: 'evidenceBadType' };
	const existing = (await progress.evidenceOfYear(db, a.orgId, a.fiscalYear)).filter((e) => e.rowId === row.id).length;
	if (existing >= EVIDENCE_PER_ROW) return { ok: false, error: 'evidenceTooMany' };
	const id = newId();
	const actorId = loaded.scene.actor!.id;
	await db.tx(async (tx) => {
		await progress.insertEvidence(tx, {
			id,
			orgId: a.orgId,
			fiscalYear: a.fiscalYear,
			rowId: row.id,
			fileName: cleanFileName(file.name, type),
			mimeType: type,
			size: bytes.byteLength,
			data: Buffer.from(bytes),
			uploadedBy: actorId,
			uploadedAt: new Date()
		});
		await audit.record(tx, { orgId: a.orgId, planId: a.planId, actorId, action: 'progress.evidence', data: { rowId: row.id, evidenceId: id, size: bytes.byteLength, type } });
	});
	events().emit('progressChanged', a.orgId, String(a.fiscalYear), row.id);
	return { ok: true, id };
}

/** An evidence file of the fiscal year of `planId`, for a reader of its progress. */
export async function readEvidence(db: Database, actor: Actor | null, planId: string, evidenceId: string) {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const a = loaded.announced!;
	const row = await progress.getEvidence(db, evidenceId);
	if (!row || row.orgId !== a.orgId || row.fiscalYear !== a.fiscalYear) error(404, 'not found');
	return row;
}

export type EvidenceDeleteResult = { ok: true; rowId: string } | { ok: false; rowId: string; error: MessageKey };

/** Deletes an evidence file of the fiscal year of `planId`, by someone who may report its row. */
export async function deleteEvidence(db: Database, actor: Actor | null, planId: string, evidenceId: string): Promise<EvidenceDeleteResult> {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const a = loaded.announced!;
	const file = await progress.getEvidence(db, evidenceId);
	if (!file || file.orgId !== a.orgId || file.fiscalYear !== a.fiscalYear) error(404, 'not found');
	// A row an amendment removed has no department any more: only the planning officer may.
	const row = a.plan.projects.find((p) => p.id === file.rowId) ?? a.plan.equipment.find((e) => e.id === file.rowId);
	if (!mayDeleteEvidence(loaded.scene, row?.responsibleUnit ?? '')) error(403, 'not your department');
	const actorId = loaded.scene.actor!.id;
	const done = await db.tx(async (tx) => {
		const frozenAt = await progress.lastAnnouncedReportMade(tx, a.orgId, a.fiscalYear);
		if (frozenAt && file.uploadedAt <= frozenAt) return 'evidenceFrozen' as const;
		if (!(await progress.deleteEvidence(tx, file.id))) return 'gone' as const;
		await audit.record(tx, {
			orgId: a.orgId,
			planId: a.planId,
			actorId,
			action: 'progress.evidenceDeleted',
			data: { rowId: file.rowId, evidenceId: file.id, fileName: file.fileName, size: file.size, type: file.mimeType, uploadedBy: file.uploadedBy, uploadedAt: file.uploadedAt.toISOString() }
		});
		return 'deleted' as const;
	});
	if (done === 'gone') error(404, 'not found');
	if (done === 'evidenceFrozen') return { ok: false, rowId: file.rowId, error: 'evidenceFrozen' };
	events().emit('progressChanged', a.orgId, String(a.fiscalYear), file.rowId);
	return { ok: true, rowId: file.rowId };
}
