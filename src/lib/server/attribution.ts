/**
 * "Who changed this budget?" — answered from the update log, where every accepted update is
 * stored with the authenticated user and the time. The current document says which Yjs items
 * hold a cell's value; the log says which update (so which person) created each item.
 */
import * as Y from 'yjs';
import type { Database } from './db';
import * as docLog from './db/docLog';
import * as users from './db/users';
import { withStoredPlan } from './plan/planStore';
import { planDocName } from '$lib/domain/docNames';
import { projectCellItems } from '$lib/domain/plan/doc';

export type AttributableField = Parameters<typeof projectCellItems>[2];

export interface CellAuthor {
	userId: string | null;
	name: string;
	/** When that person's update was accepted. */
	at: string;
}

/** The people whose updates wrote a project cell's current value, most recent first. */
export async function cellAuthors(db: Database, planId: string, orgId: string, projectId: string, field: AttributableField): Promise<CellAuthor[]> {
	const docName = planDocName(planId);
	const wanted = await withStoredPlan(db, planId, (doc) => projectCellItems(doc, projectId, field));
	if (!wanted.length) return [];

	const found = new Map<number, { userId: string | null; at: Date }>();
	// Every entry, not only the tail: who wrote an item is in the log even after compaction.
	for (const entry of await docLog.entries(db, docName)) {
		let structs: { id: { client: number; clock: number }; length: number }[];
		try {
			structs = Y.decodeUpdate(entry.data).structs;
		} catch {
			continue;
		}
		for (const s of structs) {
			for (const w of wanted) {
				if (w.client === s.id.client && w.clock >= s.id.clock && w.clock < s.id.clock + s.length) found.set(entry.seq, { userId: entry.userId, at: entry.createdAt });
			}
		}
	}
	const names = new Map((await users.listInOrg(db, orgId)).map((u) => [u.id, u.displayName]));
	const seen = new Set<string>();
	return [...found.entries()]
		.sort((a, b) => b[0] - a[0])
		.filter(([, v]) => !seen.has(v.userId ?? '') && seen.add(v.userId ?? ''))
		.map(([, v]) => ({ userId: v.userId, name: v.userId ? (names.get(v.userId) ?? '') : '', at: v.at.toISOString() }));
}
