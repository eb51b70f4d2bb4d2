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
import { cellItems, projectCellItems } from '$lib/domain/plan/doc';
import { readCellText, type CellTable } from '$lib/domain/plan/cellValues';

export type AttributableField = Parameters<typeof projectCellItems>[2];

export interface CellAuthor {
	userId: string | null;
	name: string;
	/** When that person's update was accepted. */
	at: string;
}

export interface ItemId {
	client: number;
	clock: number;
}

/** The people whose updates wrote a project cell's current value, most recent first. */
export async function cellAuthors(db: Database, planId: string, orgId: string, projectId: string, field: AttributableField): Promise<CellAuthor[]> {
	const wanted = await withStoredPlan(db, planId, (doc) => projectCellItems(doc, projectId, field));
	return itemAuthors(db, planId, orgId, wanted);
}

/**
 * The people whose updates created the given Yjs items, most recent first: who wrote a value
 * a client holds (e.g. the other side of an offline conflict, after it was overwritten).
 */
export async function itemAuthors(db: Database, planId: string, orgId: string, wanted: readonly ItemId[]): Promise<CellAuthor[]> {
	if (!wanted.length) return [];
	const found = new Map<number, { userId: string | null; at: Date }>();
	// Every entry, not only the tail: who wrote an item is in the log even after compaction.
	for (const entry of await docLog.entries(db, planDocName(planId))) {
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
	const names = await namesIn(db, orgId);
	const seen = new Set<string>();
	return [...found.entries()]
		.sort((a, b) => b[0] - a[0])
		.filter(([, v]) => !seen.has(v.userId ?? '') && seen.add(v.userId ?? ''))
		.map(([, v]) => ({ userId: v.userId, name: v.userId ? (names.get(v.userId) ?? '') : '', at: v.at.toISOString() }));
}

async function namesIn(db: Database, orgId: string): Promise<Map<string, string>> {
	return new Map((await users.listInOrg(db, orgId)).map((u) => [u.id, u.displayName]));
}

export interface CellVersion extends CellAuthor {
	/** The cell as printed after that update ('' once the row was deleted). */
	value: string;
}

/** How many versions of a cell the history returns (the most recent ones). */
export const HISTORY_LIMIT = 50;

/**
 * A cell's values over time, most recent first: the log replayed update by update, a version
 * wherever the cell's printed value changed, with who sent that update and when.
 */
export async function cellHistory(db: Database, planId: string, orgId: string, table: CellTable, rowId: string, field: string): Promise<CellVersion[]> {
	const doc = new Y.Doc();
	const versions: { value: string; userId: string | null; at: Date }[] = [];
	let last: string | null = null;
	try {
		for (const entry of await docLog.entries(db, planDocName(planId))) {
			try {
				Y.applyUpdate(doc, entry.data);
			} catch {
				continue;
			}
			const value = readCellText(doc, table, rowId, field);
			if (value === last || (value === null && last === null)) continue;
			last = value;
			versions.push({ value: value ?? '', userId: entry.userId, at: entry.createdAt });
		}
	} finally {
		doc.destroy();
	}
	const names = await namesIn(db, orgId);
	return versions
		.slice(-HISTORY_LIMIT)
		.reverse()
		.map((v) => ({ value: v.value, userId: v.userId, name: v.userId ? (names.get(v.userId) ?? '') : '', at: v.at.toISOString() }));
}

/** Who wrote a cell's current value (either table), most recent first. */
export async function anyCellAuthors(db: Database, planId: string, orgId: string, table: CellTable, rowId: string, field: string): Promise<CellAuthor[]> {
	const wanted = await withStoredPlan(db, planId, (doc) => cellItems(doc, table, rowId, field));
	return itemAuthors(db, planId, orgId, wanted);
}
