/** Writes a plan's initial content (from the sample-plan JSON shape) into its document log. */
import * as Y from 'yjs';
import type { Database } from '../db';
import * as docLog from '../db/docLog';
import { planDocName } from '$lib/domain/docNames';
import { importPlanJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';

export async function seedPlanContent(db: Database, planId: string, json: unknown): Promise<void> {
	const doc = new Y.Doc();
	importPlanJson(doc, json as PlanJson);
	await docLog.append(db, planDocName(planId), Y.encodeStateAsUpdate(doc), null);
	doc.destroy();
}
