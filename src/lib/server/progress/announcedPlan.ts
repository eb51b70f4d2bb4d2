/**
 * The plan progress is reported against: the organization's current announced edition of the
 * fiscal year (the base plan with every announced amendment folded in, since an amendment is a
 * full edition cloned from the announced one), read from its frozen version — never the live
 * document. Also the actor's scene for the progress policy.
 */
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as planMembers from '../db/planMembers';
import * as signoff from '../db/signoff';
import * as versions from '../db/versions';
import { departmentsOfUser } from '../db/departments';
import type { Actor } from '../policies/plan';
import type { ProgressScene } from '../policies/progress';
import { planFromJson } from '$lib/domain/plan/json';
import type { Plan, PlanJson } from '$lib/domain/plan/types';
import { isPlanState } from '$lib/domain/workflow';

export interface AnnouncedPlan {
	/** The announced edition in force. */
	planId: string;
	orgId: string;
	fiscalYear: number;
	edition: number;
	plan: Plan;
}

/** The edition in force for the fiscal year of `planId` (any of its editions), or null. */
export async function announcedPlanOf(db: Database, planId: string): Promise<AnnouncedPlan | null> {
	const row = await plans.get(db, planId);
	if (!row) return null;
	const editions = await plans.editionsOf(db, row.orgId, row.fiscalYear);
	for (const e of [...editions].reverse()) {
		const announcement = e.state === 'announced' ? await signoff.announcementOf(db, e.id) : null;
		if (!announcement) continue;
		const version = await versions.get(db, e.id, announcement.versionId);
		if (!version) continue;
		return { planId: e.id, orgId: e.orgId, fiscalYear: e.fiscalYear, edition: e.edition, plan: planFromJson(JSON.parse(version.canonicalJson) as PlanJson) };
	}
	return null;
}

/**
 * What the progress policy needs for `actor` and the fiscal year of `planId`: the edition in
 * force (or, when none is announced yet, the plan asked about, in its own state), the actor's
 * role on it and departments.
 */
export async function loadProgressScene(db: Database, actor: Actor | null, planId: string): Promise<{ scene: ProgressScene; announced: AnnouncedPlan | null } | null> {
	const row = await plans.get(db, planId);
	if (!row || !isPlanState(row.state)) return null;
	const announced = await announcedPlanOf(db, planId);
	const current = announced ? { id: announced.planId, orgId: row.orgId, state: 'announced' as const } : { id: row.id, orgId: row.orgId, state: row.state };
	const inOrg = actor !== null && actor.orgId === row.orgId;
	const role = inOrg ? await planMembers.roleOf(db, current.id, actor.id) : null;
	const departmentKeys = inOrg ? (await departmentsOfUser(db, actor.id)).map((d) => d.nameKey) : [];
	return { scene: { actor, plan: current, role, departmentKeys }, announced };
}
