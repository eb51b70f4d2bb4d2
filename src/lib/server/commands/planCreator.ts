/** Creates a plan edition in the actor's organization; the creator becomes its planning officer. */
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as planMembers from '../db/planMembers';
import { authorizeInOrg } from '../policies/org';
import type { Actor } from '../policies/plan';
import * as organizations from '../db/organizations';
import { createPlanContent } from '../plan/planStore';
import { initNewPlan } from '$lib/domain/plan/newPlan';
import type { Organization } from '$lib/domain/plan/types';

export interface CreatePlanProps {
	actor: Actor | null;
	/** Buddhist-era fiscal year, e.g. 2569. */
	fiscalYear: number;
	title: string;
}

export async function createPlan(db: Database, props: CreatePlanProps) {
	const { actor } = props;
	authorizeInOrg(actor, actor?.orgId ?? '', 'createPlan');
	const org = await organizations.byId(db, actor.orgId);
	const title = props.title.trim();
	// The row and its first content commit together: a plan never exists without content.
	return db.tx(async (tx) => {
		const plan = await plans.create(tx, { orgId: actor.orgId, fiscalYear: props.fiscalYear, title });
		await planMembers.set(tx, plan.id, actor.id, 'planning_officer');
		await createPlanContent(tx, plan.id, actor.id, (doc) =>
			initNewPlan(doc, {
				title,
				fiscalYear: props.fiscalYear,
				organization: org ? { type: org.type as Organization['type'], name: org.name, district: org.district, province: org.province, executiveTitle: org.executiveTitle } : {}
			})
		);
		return plan;
	});
}
