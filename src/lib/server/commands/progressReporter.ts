/**
 * A department reporter or the planning officer saves the progress of one project or
 * equipment row. The server decides: the row must be in the announced plan, and the actor
 * must be allowed that row (policies/progress.ts). Amounts and dates arrive as typed (baht
 * with separators or Thai digits, Buddhist-era dates) and are read exactly; a refusal names
 * the field and keeps nothing half-saved. The disbursed-on date (วันที่เบิกจ่าย) goes with a
 * disbursed amount and is not in the future; the report's monthly chart counts by it.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as progress from '../db/progress';
import { events } from '../events';
import type { Actor } from '../policies/plan';
import { authorizeProgress, mayReportRow } from '../policies/progress';
import { loadProgressScene } from '../progress/announcedPlan';
import { parseBudget } from '$lib/domain/plan/money';
import { parseBeDate } from '$lib/domain/beDateInput';
import { bangkokDate, statusesFor, type ProgressEntry, type ProgressStatus, type RowKind } from '$lib/domain/progress/statuses';
import type { MessageKey } from '$lib/i18n';

export interface ProgressInput {
	rowId: string;
	status: string;
	/** Typed amounts: '' means none (contract) or zero (disbursed). */
	contract: string;
	disbursed: string;
	/** วันที่เบิกจ่าย, Buddhist era; '' for none. */
	disbursedOn: string;
	startDate: string;
	endDate: string;
	note: string;
}

export type ProgressSaveResult = { ok: true; entry: ProgressEntry } | { ok: false; error: MessageKey; field: keyof ProgressInput };

function amount(typed: string): number | null | 'bad' {
	if (typed.trim() === '') return null;
	const parsed = parseBudget(typed);
	return parsed.ok ? parsed.satang : 'bad';
}

function date(typed: string): string | null | 'badDate' | 'badYear' {
	if (typed.trim() === '') return null;
	const parsed = parseBeDate(typed);
	return parsed.ok ? parsed.iso : parsed.reason;
}

export async function saveProgress(db: Database, actor: Actor | null, planId: string, input: ProgressInput, now = new Date()): Promise<ProgressSaveResult> {
	const loaded = await loadProgressScene(db, actor, planId);
	if (!loaded) error(404, 'not found');
	const { scene, announced } = loaded;
	authorizeProgress(scene, 'readProgress');
	if (!announced) error(404, 'not found');
	const project = announced.plan.projects.find((p) => p.id === input.rowId);
	const equipment = project ? null : announced.plan.equipment.find((e) => e.id === input.rowId);
	const row = project ?? equipment;
	if (!row) error(404, 'no such row in the announced plan');
	if (!mayReportRow(scene, row.responsibleUnit)) error(403, 'not your department');
	const rowKind: RowKind = project ? 'project' : 'equipment';

	if (!statusesFor(rowKind).includes(input.status as ProgressStatus)) return { ok: false, error: 'invalidInput', field: 'status' };
	const contract = amount(input.contract);
	if (contract === 'bad') return { ok: false, error: 'progressBadAmount', field: 'contract' };
	const disbursed = amount(input.disbursed);
	if (disbursed === 'bad') return { ok: false, error: 'progressBadAmount', field: 'disbursed' };
	const disbursedOn = date(input.disbursedOn);
	if (disbursedOn === 'badDate' || disbursedOn === 'badYear') return { ok: false, error: disbursedOn, field: 'disbursedOn' };
	if (disbursedOn && !disbursed) return { ok: false, error: 'progressDisbursedOnWithoutAmount', field: 'disbursedOn' };
	if (disbursedOn && disbursedOn > bangkokDate(now)) return { ok: false, error: 'progressDisbursedOnFuture', field: 'disbursedOn' };
	const startDate = date(input.startDate);
	if (startDate === 'badDate' || startDate === 'badYear') return { ok: false, error: startDate, field: 'startDate' };
	const endDate = date(input.endDate);
	if (endDate === 'badDate' || endDate === 'badYear') return { ok: false, error: endDate, field: 'endDate' };
	if (startDate && endDate && endDate < startDate) return { ok: false, error: 'progressEndBeforeStart', field: 'endDate' };

	const entry: ProgressEntry = {
		rowId: row.id,
		rowKind,
		status: input.status as ProgressStatus,
		contractSatang: contract,
		disbursedSatang: disbursed ?? 0,
		disbursedOn,
		startDate,
		endDate,
		note: input.note
	};
	const actorId = scene.actor!.id;
	await db.tx((tx) => progress.saveEntry(tx, announced.orgId, announced.fiscalYear, entry, actorId));
	events().emit('progressChanged', announced.orgId, String(announced.fiscalYear), row.id);
	return { ok: true, entry };
}
