/**
 * The stored content of a plan, as the server holds it: the Yjs document rebuilt from the log,
 * its canonical JSON and that JSON's SHA-256 — the hash versions, approvals and the public
 * page carry.
 */
import * as Y from 'yjs';
import type { Database } from './db';
import * as docLog from './db/docLog';
import { planDocName } from '$lib/domain/docNames';
import { exportPlanJson } from '$lib/domain/plan/json';
import { canonicalJson } from '$lib/domain/canonicalJson';
import { sha256Hex } from './hash';
import { log } from './log';

export interface PlanContent {
	yjsState: Uint8Array;
	canonicalJson: string;
	sha256: string;
	/** Highest update-log seq included. */
	logSeq: number;
}

export async function readPlanContent(db: Database, planId: string): Promise<PlanContent> {
	const docName = planDocName(planId);
	const stored = await docLog.read(db, docName);
	const doc = new Y.Doc();
	try {
		docLog.applyStored(doc, stored, 'content', (seq, err) => log().error({ docName, seq, err }, 'skipped unreadable update log entry'));
		const json = canonicalJson(exportPlanJson(doc));
		return {
			yjsState: Y.encodeStateAsUpdate(doc),
			canonicalJson: json,
			sha256: sha256Hex(json),
			logSeq: stored.tail.at(-1)?.seq ?? stored.uptoSeq
		};
	} finally {
		doc.destroy();
	}
}
