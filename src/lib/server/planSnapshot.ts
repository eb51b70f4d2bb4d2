/**
 * The current content of a plan as plain data, read from storage (snapshot + update log),
 * not from a live collaboration document: any instance can answer, and the result is what
 * has been acknowledged to editors. Print, PDF, DOCX and XLSX take a `Plan` value, so a frozen
 * version (versions module) can be rendered the same way.
 */
import * as Y from 'yjs';
import type { Database } from './db';
import * as docLog from './db/docLog';
import { planDocName } from '$lib/domain/docNames';
import { readPlan } from '$lib/domain/plan/doc';
import type { Plan } from '$lib/domain/plan/types';
import { log } from './log';

/** Rebuilds the plan document of `planId` from storage and reads it as a plain `Plan`. */
export async function loadCurrentPlan(db: Database, planId: string): Promise<Plan> {
	const docName = planDocName(planId);
	const stored = await docLog.read(db, docName);
	const doc = new Y.Doc({ gc: true });
	try {
		docLog.applyStored(doc, stored, 'planSnapshot', (seq, err) =>
			log().error({ docName, seq, err }, 'skipped unreadable update log entry while reading a plan')
		);
		return readPlan(doc);
	} finally {
		doc.destroy();
	}
}

/** The Yjs state of the stored plan (for callers that need the document, e.g. an import preview). */
export async function loadCurrentPlanDoc(db: Database, planId: string): Promise<Y.Doc> {
	const stored = await docLog.read(db, planDocName(planId));
	const doc = new Y.Doc();
	docLog.applyStored(doc, stored, 'planSnapshot');
	return doc;
}
