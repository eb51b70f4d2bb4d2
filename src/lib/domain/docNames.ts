/** Hocuspocus document names: `plan.<id>` is the content of one plan edition. */

const PLAN_PREFIX = 'plan.';
const ID = /^[a-z0-9]{8,64}$/;

export function planDocName(planId: string): string {
	return PLAN_PREFIX + planId;
}

/** The plan id in a document name, or null when the name is not a plan document. */
export function planIdFromDocName(name: string): string | null {
	if (!name.startsWith(PLAN_PREFIX)) return null;
	const id = name.slice(PLAN_PREFIX.length);
	return ID.test(id) ? id : null;
}
