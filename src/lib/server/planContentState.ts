/**
 * The stored content of a plan, as the server holds it: the Yjs document rebuilt from storage
 * (through the plan store's one read), its canonical JSON and that JSON's SHA-256 — the hash
 * versions, approvals and the public page carry.
 */
import * as Y from 'yjs';
import type { Database } from './db';
import { withStoredPlan } from './plan/planStore';
import { exportPlanJson } from '$lib/domain/plan/json';
import { canonicalJson } from '$lib/domain/canonicalJson';
import { sha256Hex } from './hash';

export interface PlanContent {
	yjsState: Uint8Array;
	canonicalJson: string;
	sha256: string;
	/** Highest update-log seq included. */
	logSeq: number;
}

export async function readPlanContent(db: Database, planId: string): Promise<PlanContent> {
	return withStoredPlan(db, planId, (doc, read) => {
		const json = canonicalJson(exportPlanJson(doc));
		return { yjsState: Y.encodeStateAsUpdate(doc), canonicalJson: json, sha256: sha256Hex(json), logSeq: read.logSeq };
	});
}
