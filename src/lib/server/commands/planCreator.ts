/** Creates a plan edition in the actor's organization; the creator becomes its planning officer. */
import type { Database } from '../db';
import * as plans from '../db/plans';
import * as planMembers from '../db/planMembers';
import { authorizeInOrg } from '../policies/org';
import type { Actor } from '../policies/plan';

export interface CreatePlanProps {
	actor: Actor | null;
	/** Buddhist-era fiscal year, e.g. 2569. */
	fiscalYear: number;
	title: string;
}

export async function createPlan(db: Database, props: CreatePlanProps) {
	const { actor } = props;
	authorizeInOrg(actor, actor?.orgId ?? '', 'createPlan');
	return db.tx(async (tx) => {
		const plan = await plans.create(tx, { orgId: actor.orgId, fiscalYear: props.fiscalYear, title: props.title.trim() });
		await planMembers.set(tx, plan.id, actor.id, 'planning_officer');
		return plan;
	});
}
