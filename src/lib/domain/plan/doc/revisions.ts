/** Revisions (each kept as one value) and the one manual override of ผด.01 (§8.5). */
import type * as Y from 'yjs';
import { compareOrdered, keyBetween, type Ordered } from '../order';
import type { RevisionJson } from '../types';
import { ROOT, root } from './keys';
import { clone, isRecord } from './rows';

export function listRevisions(doc: Y.Doc): RevisionJson[] {
	const out: (Ordered & { revision: RevisionJson })[] = [];
	root(doc, ROOT.revisions).forEach((v, id) => {
		if (isRecord(v) && isRecord(v.revision)) {
			out.push({ id, order: String(v.order ?? ''), revision: clone(v.revision as unknown as RevisionJson) });
		}
	});
	return out.sort(compareOrdered).map((r) => r.revision);
}

/** Adds or replaces a revision (kept as one value until a revision editor needs more). */
export function putRevision(doc: Y.Doc, revision: RevisionJson): void {
	const map = root(doc, ROOT.revisions);
	const existing = map.get(revision.id);
	let order = isRecord(existing) ? String(existing.order ?? '') : '';
	if (!order) {
		const last = listRevisionOrders(doc).at(-1) ?? null;
		order = keyBetween(last, null);
	}
	map.set(revision.id, { order, revision: clone(revision) });
}

function listRevisionOrders(doc: Y.Doc): string[] {
	const orders: string[] = [];
	root(doc, ROOT.revisions).forEach((v) => {
		if (isRecord(v) && typeof v.order === 'string') orders.push(v.order);
	});
	return orders.sort();
}

/** Manual "หน่วยดำเนินการ" text for a ผด.01 row; null or "" removes the override. */
export function setPd01UnitsOverride(doc: Y.Doc, groupId: string, text: string | null): void {
	const map = root(doc, ROOT.pd01Units);
	if (text) map.set(groupId, text);
	else map.delete(groupId);
}

export function getPd01UnitOverrides(doc: Y.Doc): Record<string, string> {
	const out: Record<string, string> = {};
	root(doc, ROOT.pd01Units).forEach((v, k) => {
		if (typeof v === 'string') out[k] = v;
	});
	return out;
}
