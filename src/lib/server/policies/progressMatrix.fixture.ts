/**
 * The progress-ability matrix, by hand: who may read progress, report on a row of กองช่าง
 * (the department the reporter belongs to, or not), report on every row, make a monitoring
 * report and announce it — and in which plan states. Shared by the policy's unit test and the
 * end-to-end test against the real server.
 */
import type { PlanState } from '$lib/domain/workflow';
import type { ProgressAbility } from './progress';

/** A plan role, a department reporter (in the row's department or another one), or nobody. */
export type ProgressWho =
	| 'planning_officer'
	| 'executive'
	| 'support_committee'
	| 'viewer'
	| 'orgAdmin'
	| 'deptReporter'
	| 'otherDeptReporter'
	| 'orgMember'
	| 'outsider'
	| 'anonymous';

/**
 * reportRow: may update a row whose responsible unit is "กอง ช่าง" (spaced as plans type it);
 * deleteEvidence: may delete an evidence file of such a row.
 */
export type ProgressMatrixAbility = ProgressAbility | 'reportRow' | 'deleteEvidence';

const N: PlanState[] = ['announced'];
const members: ProgressWho[] = ['planning_officer', 'executive', 'support_committee', 'viewer', 'orgAdmin', 'deptReporter', 'otherDeptReporter', 'orgMember'];

export const PROGRESS_MATRIX: Record<ProgressMatrixAbility, Partial<Record<ProgressWho, PlanState[]>>> = {
	readProgress: Object.fromEntries(members.map((w) => [w, N])),
	reportRow: { planning_officer: N, deptReporter: N },
	deleteEvidence: { planning_officer: N, deptReporter: N },
	reportAnyRow: { planning_officer: N },
	makeReport: { planning_officer: N, executive: N },
	announceReport: { executive: N }
};

export const progressEveryone: ProgressWho[] = [...members, 'outsider', 'anonymous'];

export function progressExpected(ability: ProgressMatrixAbility, who: ProgressWho, state: PlanState): boolean {
	return (PROGRESS_MATRIX[ability][who] ?? []).includes(state);
}
