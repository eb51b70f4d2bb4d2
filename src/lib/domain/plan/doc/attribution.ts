import * as Y from 'yjs';
import { MONTHS, ROOT, root, type ProjectTextField } from './keys';

/**
 * The Yjs items (client, clock) holding a project cell's current value — the last write of
 * a plain cell, every visible character of a text cell, every month flag — so the server can
 * find which logged update, and so which person, wrote it.
 */
export function projectCellItems(doc: Y.Doc, id: string, field: 'budget' | 'responsibleUnit' | 'months' | ProjectTextField): { client: number; clock: number }[] {
	return cellItems(doc, 'projects', id, field);
}

/** The same for a cell of either table (an equipment row has item, unit, quantity, … cells). */
export function cellItems(doc: Y.Doc, table: 'projects' | 'equipment', id: string, field: string): { client: number; clock: number }[] {
	const row = root(doc, table === 'projects' ? ROOT.projects : ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return [];
	const ids: { client: number; clock: number }[] = [];
	const itemOf = (map: Y.Map<unknown>, key: string) => (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
	if (field === 'months') {
		const months = row.get(MONTHS);
		if (months instanceof Y.Map) for (const key of months.keys()) ids.push(itemOf(months, key)!.id);
		return ids;
	}
	const value = row.get(field);
	if (value instanceof Y.Text) {
		for (let item = value._start; item; item = item.right) if (!item.deleted) ids.push(item.id);
		return ids;
	}
	const item = itemOf(row, field);
	return item ? [item.id] : [];
}
