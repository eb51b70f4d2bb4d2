/**
 * Moves a plan through the workflow: one command for every transition in
 * $lib/domain/workflow. In one transaction it checks the ability and the preconditions,
 * freezes a version, writes the new state, the approval or announcement, and the audit event.
 * When the content freezes, the plan store's write gate first stops writes and waits for those
 * in flight, so the version holds exactly what was accepted before the state changed; every
 * write that arrives later is refused by the store's draft check, on any instance.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as audit from '../db/audit';
import * as signoff from '../db/signoff';
import * as meetings from '../db/meetings';
import * as organizations from '../db/organizations';
import { loadPlanScene } from '../planAccess';
import { authorize, can } from '../policies/plan';
import type { SessionUser } from '../auth/session';
import { freezePlanWrites, thawPlanWrites } from '../plan/planStore';
import { events } from '../events';
import { createVersion } from './versionCreator';
import { readPlanContent } from '../planContentState';
import { loadCurrentPlan } from '../planSnapshot';
import { isContentWritable, transitions, type PlanState, type Transition } from '$lib/domain/workflow';
import { validatePlan } from '$lib/domain/plan/validation';
import { announcementText, editionLabel } from '$lib/domain/announcement';
import { canonicalJson } from '$lib/domain/canonicalJson';
import { planThreads } from '../commentRegister';
import { parseBeDate } from '$lib/domain/beDateInput';

/**
 * The recital's dates as the workflow recorded them: the budget ordinance (the trigger date the
 * officer recorded, else the one the plan states) and the development committee's meeting: the
 * date of its latest meeting held in the app that recorded a resolution, else the date given
 * when it last forwarded the draft, else the one the plan's workflow notes state.
 */
async function announcementRecital(db: Database, planId: string, triggerDate: string | null) {
	const plan = await loadCurrentPlan(db, planId);
	const wf = plan.front.workflow;
	const forwards = (await audit.listForPlan(db, planId))
		.filter((e) => e.action === 'plans.transition')
		.map((e) => JSON.parse(e.data) as { transition?: string; meetingDate?: string })
		.filter((d) => d.transition === 'forward');
	const recorded = forwards.at(-1)?.meetingDate ?? null;
	const stated = wf.events.find((e) => e.step === 'developmentCommitteeReview')?.dateISO ?? null;
	const [held] = await meetings.meetingsWithResolutions(db, planId, 'development_committee');
	return {
		ordinance: { name: wf.budgetOrdinance.name, date: triggerDate ?? (wf.budgetOrdinance.announcedISO || null) },
		committee: { name: plan.meta.organization.developmentCommitteeName, date: held?.date ?? recorded ?? stated }
	};
}

export interface TransitionProps {
	actor: SessionUser | null;
	planId: string;
	transition: Transition['name'];
	/** Why; required when returning a plan for changes. */
	note?: string;
	/** For approve: the SHA-256 of the content the executive was shown. */
	contentSha256?: string;
	/** For announce: the announcement date (ISO); default today in Thailand. */
	date?: string;
	/** For forward: the date the development committee met on the draft, as typed (พ.ศ.). */
	meetingDate?: string;
}

export type TransitionResult =
	| { ok: true; state: PlanState; versionId: string; sha256: string }
	| { ok: false; reason: 'wrongState' | 'noteRequired' | 'stateChanged' | 'hashMismatch' | 'badDate' | 'badYear' }
	| { ok: false; reason: 'invalidPlan'; issues: { path: string; message: { th: string; en: string } }[] };

/** Names of the versions transitions create (Thai, as users see them). */
const VERSION_NAMES: Record<Transition['name'], string> = {
	submit: 'เสนอร่างต่อคณะกรรมการพัฒนาท้องถิ่น',
	forward: 'เสนอผู้บริหารท้องถิ่น (ล็อกเพื่ออนุมัติ)',
	return: 'ส่งกลับแก้ไข',
	approve: 'ผู้บริหารท้องถิ่นอนุมัติ',
	announce: 'ประกาศใช้'
};

/** Transitions that first require the plan to pass validation (§8). */
const NEEDS_VALID_PLAN: Transition['name'][] = ['submit', 'forward'];

export function todayInThailand(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
}

export async function transitionPlan(db: Database, props: TransitionProps): Promise<TransitionResult> {
	const scene = await loadPlanScene(db, props.actor, props.planId);
	if (!scene) error(404, 'not found');
	const from = scene.plan.state;
	const t = transitions.find((x) => x.name === props.transition && x.from === from);
	if (!t) {
		if (!can(scene, 'read')) error(404, 'not found');
		return { ok: false, reason: 'wrongState' };
	}
	authorize(scene, t.ability);
	const actor = props.actor!;
	const note = props.note?.trim() ?? '';
	if (t.name === 'return' && !note) return { ok: false, reason: 'noteRequired' };
	let meetingDate: string | null = null;
	if (t.name === 'forward' && props.meetingDate?.trim()) {
		const parsed = parseBeDate(props.meetingDate);
		if (!parsed.ok) return parsed;
		meetingDate = parsed.iso;
	}

	if (NEEDS_VALID_PLAN.includes(t.name)) {
		const issues = validatePlan(await loadCurrentPlan(db, props.planId)).filter((i) => i.severity === 'error');
		if (issues.length) return { ok: false, reason: 'invalidPlan', issues: issues.map((i) => ({ path: i.path, message: i.message })) };
	}
	if (t.name === 'approve') {
		const current = await readPlanContent(db, props.planId);
		if (!props.contentSha256 || props.contentSha256 !== current.sha256) return { ok: false, reason: 'hashMismatch' };
	}

	const freezes = isContentWritable(from) && !isContentWritable(t.to);
	if (freezes) await freezePlanWrites(props.planId);
	let committed = false;
	try {
		const org = await organizations.byId(db, scene.plan.orgId);
		const recital = t.name === 'announce' ? await announcementRecital(db, props.planId, scene.row.triggerDate) : null;
		const result = await db.tx(async (tx) => {
			if (!(await plans.setState(tx, props.planId, from, t.to))) return null;
			// The comment register is frozen with the version the executive signs off.
			const commentRegister = t.to === 'locked' ? canonicalJson(await planThreads(tx, props.planId, scene.plan.orgId, true)) : null;
			const version = await createVersion(tx, { planId: props.planId, name: VERSION_NAMES[t.name], kind: 'transition', state: t.to, createdBy: actor.id, commentRegister });
			if (t.name === 'approve') {
				await signoff.putApproval(tx, {
					planId: props.planId,
					versionId: version.id,
					approverId: actor.id,
					approverName: actor.displayName,
					approverPosition: actor.position,
					contentSha256: version.sha256,
					approvedAt: new Date()
				});
			}
			if (t.name === 'announce') {
				const row = scene.row;
				await signoff.insertAnnouncement(tx, {
					planId: props.planId,
					versionId: version.id,
					text: announcementText({
						orgName: org?.name ?? '',
						fiscalYear: row.fiscalYear,
						editionLabel: editionLabel(row.editionKind, row.edition, row.fiscalYear),
						date: props.date ?? todayInThailand(),
						signerName: actor.displayName,
						signerTitle: org?.executiveTitle || actor.position,
						...recital
					}),
					announcedBy: actor.id,
					announcedAt: new Date()
				});
				if (row.parentPlanId) await plans.setSupersededBy(tx, row.parentPlanId, props.planId);
			}
			await audit.record(tx, {
				orgId: scene.plan.orgId,
				planId: props.planId,
				actorId: actor.id,
				action: 'plans.transition',
				data: { transition: t.name, from, to: t.to, note, versionId: version.id, sha256: version.sha256, ...(meetingDate ? { meetingDate } : {}) }
			});
			return version;
		});
		if (!result) return { ok: false, reason: 'stateChanged' };
		committed = true;
		return { ok: true, state: t.to, versionId: result.id, sha256: result.sha256 };
	} finally {
		// The gate stays closed while the content is frozen; a return to draft opens it.
		const writable = isContentWritable(committed ? t.to : from);
		if (writable) thawPlanWrites(props.planId);
		if (committed) events().emit('planAccessChanged', props.planId);
	}
}
