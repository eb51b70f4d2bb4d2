/**
 * The current content of a plan as plain data, read from storage (snapshot + update log,
 * through the plan store's one read), not from a live collaboration document: any instance
 * can answer, and the result is what has been acknowledged to editors. Print, PDF, DOCX and
 * XLSX take a `Plan` value, so a frozen version (versions module) can be rendered the same way.
 */
import type { Database } from './db';
import { withStoredPlan } from './plan/planStore';
import { readPlan } from '$lib/domain/plan/doc';
import type { Plan } from '$lib/domain/plan/types';

/** Rebuilds the plan document of `planId` from storage and reads it as a plain `Plan`. */
export async function loadCurrentPlan(db: Database, planId: string): Promise<Plan> {
	return withStoredPlan(db, planId, (doc) => readPlan(doc));
}

