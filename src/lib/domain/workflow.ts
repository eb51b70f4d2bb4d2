/**
 * The plan's workflow (OPERATIONAL_PLAN.md §6.2): the only place states and transitions are
 * defined. Who may fire a transition is the ability it names, answered by policies/plan.ts.
 */
import type { PlanAbility } from './roles';

export const planStates = ['draft', 'review', 'locked', 'approved', 'announced'] as const;
export type PlanState = (typeof planStates)[number];

export function isPlanState(value: unknown): value is PlanState {
	return typeof value === 'string' && (planStates as readonly string[]).includes(value);
}

export interface Transition {
	name: 'submit' | 'forward' | 'return' | 'approve' | 'announce';
	from: PlanState;
	to: PlanState;
	ability: PlanAbility;
}

export const transitions: readonly Transition[] = [
	{ name: 'submit', from: 'draft', to: 'review', ability: 'submitForReview' },
	{ name: 'forward', from: 'review', to: 'locked', ability: 'forward' },
	{ name: 'return', from: 'review', to: 'draft', ability: 'return' },
	{ name: 'return', from: 'locked', to: 'draft', ability: 'return' },
	{ name: 'approve', from: 'locked', to: 'approved', ability: 'approve' },
	{ name: 'announce', from: 'approved', to: 'announced', ability: 'announce' }
];

/** Only a draft's content can change; every later state is frozen for everyone. */
export function isContentWritable(state: PlanState): boolean {
	switch (state) {
		case 'draft':
			return true;
		case 'review':
		case 'locked':
		case 'approved':
		case 'announced':
			return false;
		default:
			return assertNever(state);
	}
}

function assertNever(value: never): never {
	throw new Error(`unhandled value: ${String(value)}`);
}

export const stateLabels: Record<PlanState, { th: string; en: string }> = {
	draft: { th: 'ร่าง', en: 'Draft' },
	review: { th: 'เสนอคณะกรรมการพัฒนาท้องถิ่น', en: 'With the development committee' },
	locked: { th: 'รอผู้บริหารอนุมัติ', en: 'Locked for sign-off' },
	approved: { th: 'อนุมัติแล้ว', en: 'Approved' },
	announced: { th: 'ประกาศแล้ว', en: 'Announced' }
};
