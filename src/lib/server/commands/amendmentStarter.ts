/**
 * Starts an amendment (แก้ไข) or addition (เพิ่มเติม) of an announced plan: a new edition,
 * cloned from the announced version, that goes through the same steps (§6.5).
 */
import { error } from '@sveltejs/kit';
import * as Y from 'yjs';
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as planMembers from '../db/planMembers';
import * as audit from '../db/audit';
import * as signoff from '../db/signoff';
import * as versions from '../db/versions';
import { loadPlanScene } from '../planAccess';
import { authorize } from '../policies/plan';
import type { Actor } from '../policies/plan';
import { createPlanContent } from '../plan/planStore';
import { editionLabel } from '$lib/domain/announcement';
import { setMeta } from '$lib/domain/plan/doc';

export interface StartAmendmentProps {
	actor: Actor | null;
	/** The announced edition to amend. */
	planId: string;
	kind: 'amendment' | 'addition';
	/** Why (e.g. the supplementary budget ordinance); required. */
	reason: string;
}

export type StartAmendmentResult = { ok: true; planId: string } | { ok: false; reason: 'reasonRequired' | 'notAnnounced' | AmendmentBlocker };

/** Why an edition cannot be amended although it was announced. */
export type AmendmentBlocker = 'amendmentSuperseded' | 'amendmentInProgress';

/**
 * An amendment starts only from the current announced edition, and one at a time: cloning an
 * older edition, or a second amendment beside one in progress, would silently drop the other
 * edition's changes when announced.
 */
export function amendmentBlocker(plan: { edition: number; supersededBy: string | null }, editions: readonly { edition: number; state: string }[]): AmendmentBlocker | null {
	if (plan.supersededBy || editions.some((e) => e.edition > plan.edition && e.state === 'announced')) return 'amendmentSuperseded';
	if (editions.some((e) => e.edition > plan.edition)) return 'amendmentInProgress';
	return null;
}

export async function startAmendment(db: Database, props: StartAmendmentProps): Promise<StartAmendmentResult> {
	const scene = await loadPlanScene(db, props.actor, props.planId);
	if (!scene) error(404, 'not found');
	authorize(scene, 'startAmendment');
	const reason = props.reason.trim();
	if (!reason) return { ok: false, reason: 'reasonRequired' };
	const announcement = await signoff.announcementOf(db, props.planId);
	const announced = announcement && (await versions.get(db, props.planId, announcement.versionId));
	if (!announced) return { ok: false, reason: 'notAnnounced' };

	const parent = scene.row;
	const editions = await plans.editionsOf(db, parent.orgId, parent.fiscalYear);
	const blocker = amendmentBlocker(parent, editions);
	if (blocker) return { ok: false, reason: blocker };
	const number = editions.filter((e) => e.editionKind === props.kind).length + 1;
	const label = editionLabel(props.kind, number, parent.fiscalYear);
	const baseTitle = parent.title.replace(/\s*(แก้ไข|เพิ่มเติม)\s?ครั้งที่.*$/, '');
	const plan = await db.tx(async (tx) => {
		const created = await plans.create(tx, {
			orgId: parent.orgId,
			fiscalYear: parent.fiscalYear,
			edition: Math.max(...editions.map((e) => e.edition)) + 1,
			title: `${baseTitle} ${label}`,
			editionKind: props.kind,
			parentPlanId: parent.id,
			reason
		});
		for (const m of await planMembers.listOfPlan(tx, parent.id)) {
			await planMembers.set(tx, created.id, m.userId, m.role as Parameters<typeof planMembers.set>[3]);
		}
		await audit.record(tx, {
			orgId: parent.orgId,
			planId: created.id,
			actorId: props.actor!.id,
			action: 'plans.amendment.start',
			data: { from: parent.id, kind: props.kind, number, reason, fromVersion: announced.id, fromSha256: announced.sha256 }
		});
		// The new edition's content: the announced version, retitled; committed with its row.
		await createPlanContent(tx, created.id, props.actor!.id, (doc) => {
			Y.applyUpdate(doc, announced.yjsState);
			setMeta(doc, { title: created.title, edition: { kind: props.kind === 'amendment' ? 'แก้ไข' : 'เพิ่มเติม', number, label } });
		});
		return created;
	});
	return { ok: true, planId: plan.id };
}
