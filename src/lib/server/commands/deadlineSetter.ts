/**
 * The 30-day clock of a plan: the planning officer records the trigger date (budget ordinance
 * or other, ข้อ ๒๗); the executive may extend the deadline, with a reason. Both are audited.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as audit from '../db/audit';
import { loadPlanScene } from '../planAccess';
import { authorize, type Actor } from '../policies/plan';
import { parseBeDate } from '$lib/domain/beDateInput';
import { planDeadline } from '$lib/domain/plan/json';

export type DeadlineResult = { ok: true } | { ok: false; reason: 'badDate' | 'badYear' | 'reasonRequired' | 'notLater' };

async function scene(db: Database, actor: Actor | null, planId: string) {
	const s = await loadPlanScene(db, actor, planId);
	if (!s) error(404, 'not found');
	return s;
}

/** `triggerDate` as typed: day, month and a Buddhist-era year (see beDateInput.ts). */
export async function setTriggerDate(db: Database, props: { actor: Actor | null; planId: string; triggerDate: string }): Promise<DeadlineResult> {
	const s = await scene(db, props.actor, props.planId);
	authorize(s, 'setDeadline');
	const date = parseBeDate(props.triggerDate);
	if (!date.ok) return date;
	const triggerDate = date.iso;
	await db.tx(async (tx) => {
		await plans.setDeadline(tx, props.planId, { triggerDate });
		await audit.record(tx, { orgId: s.plan.orgId, planId: props.planId, actorId: props.actor!.id, action: 'plans.deadline.trigger', data: { triggerDate } });
	});
	return { ok: true };
}

/** `extendedTo` as typed: day, month and a Buddhist-era year. */
export async function extendDeadline(db: Database, props: { actor: Actor | null; planId: string; extendedTo: string; reason: string }): Promise<DeadlineResult> {
	const s = await scene(db, props.actor, props.planId);
	authorize(s, 'extendDeadline');
	const date = parseBeDate(props.extendedTo);
	if (!date.ok) return date;
	const extendedTo = date.iso;
	const reason = props.reason.trim();
	if (!reason) return { ok: false, reason: 'reasonRequired' };
	const regular = s.row.triggerDate ? planDeadline(s.row.triggerDate) : null;
	if (regular && extendedTo <= regular) return { ok: false, reason: 'notLater' };
	await db.tx(async (tx) => {
		await plans.setDeadline(tx, props.planId, { extendedTo, extensionReason: reason });
		await audit.record(tx, { orgId: s.plan.orgId, planId: props.planId, actorId: props.actor!.id, action: 'plans.deadline.extend', data: { extendedTo, reason } });
	});
	return { ok: true };
}
