/**
 * Who may see and report progress on an announced plan, and make and announce its monitoring
 * reports. A department's reporters (organization members belonging to it, /org/settings)
 * may update only rows whose responsible unit is their department, compared without
 * whitespace; the plan's planning officer updates every row.
 */
import { error } from '@sveltejs/kit';
import { departmentKey } from '$lib/domain/departments';
import type { PlanScene } from './plan';

export const progressAbilities = ['readProgress', 'reportAnyRow', 'makeReport', 'announceReport'] as const;
export type ProgressAbility = (typeof progressAbilities)[number];

export interface ProgressScene extends PlanScene {
	/** Keys (departmentKey) of the departments the actor belongs to. */
	departmentKeys: string[];
}

const sameOrg = (s: ProgressScene) => s.actor !== null && s.actor.orgId === s.plan.orgId;
const announced = (s: ProgressScene) => sameOrg(s) && s.plan.state === 'announced';
const hasRole = (s: ProgressScene, ...roles: NonNullable<PlanScene['role']>[]) => announced(s) && s.role !== null && roles.includes(s.role);

const rules: Record<ProgressAbility, (s: ProgressScene) => boolean> = {
	// The organization follows its own plan: every member sees progress.
	readProgress: (s) => announced(s),
	reportAnyRow: (s) => hasRole(s, 'planning_officer'),
	makeReport: (s) => hasRole(s, 'planning_officer', 'executive'),
	announceReport: (s) => hasRole(s, 'executive')
};

export type ProgressAbilityMap = Record<ProgressAbility, boolean>;

export function progressAbilitiesFor(scene: ProgressScene): ProgressAbilityMap {
	return Object.fromEntries(progressAbilities.map((a) => [a, rules[a](scene)])) as ProgressAbilityMap;
}

/** Whether the actor may update the row whose responsible unit is `responsibleUnit`. */
export function mayReportRow(scene: ProgressScene, responsibleUnit: string): boolean {
	if (rules.reportAnyRow(scene)) return true;
	const key = departmentKey(responsibleUnit);
	return announced(scene) && key !== '' && scene.departmentKeys.includes(key);
}

/**
 * Whether the actor may delete an evidence file of the row whose responsible unit is
 * `responsibleUnit`: the same people who may report the row (its department's reporters, the
 * planning officer). Whether the file is still deletable (not behind an announced report) is
 * the command's to decide.
 */
export function mayDeleteEvidence(scene: ProgressScene, responsibleUnit: string): boolean {
	return mayReportRow(scene, responsibleUnit);
}

/** 404 to people who may not see progress (outsiders learn nothing), 403 otherwise. */
export function authorizeProgress(scene: ProgressScene, ability: ProgressAbility): void {
	if (rules[ability](scene)) return;
	if (!scene.actor) error(401, 'sign in first');
	if (!rules.readProgress(scene)) error(404, 'not found');
	error(403, 'forbidden');
}
