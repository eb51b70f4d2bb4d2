/** Small readers over the plan's Y.Maps, and ordered insert/move within an id-keyed map. */
import * as Y from 'yjs';
import { compareOrdered, placeAt } from '../order';
import { ORDER } from './keys';

export type YRow = Y.Map<unknown>;

export function str(m: YRow, key: string, fallback = ''): string {
	const v = m.get(key);
	if (typeof v === 'string') return v;
	if (v instanceof Y.Text) return v.toString();
	return fallback;
}

export function strOrNull(m: YRow, key: string): string | null {
	const v = m.get(key);
	return typeof v === 'string' ? v : null;
}

export function num(m: YRow, key: string, fallback = 0): number {
	const v = m.get(key);
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function orderOf(m: YRow): string {
	return str(m, ORDER);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

export function clone<T>(v: T): T {
	return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function rowsOf(map: Y.Map<unknown>): [string, YRow][] {
	const out: [string, YRow][] = [];
	map.forEach((v, k) => {
		if (v instanceof Y.Map) out.push([k, v as YRow]);
	});
	return out;
}

export function sortedRows(map: Y.Map<unknown>): [string, YRow][] {
	return rowsOf(map)
		.map(([id, m]) => ({ id, order: orderOf(m), m }))
		.sort(compareOrdered)
		.map((r) => [r.id, r.m]);
}

export function transact(doc: Y.Doc, fn: () => void): void {
	doc.transact(fn);
}

/** Stable, never-reused ids; crypto.randomUUID exists in Node and browsers. */
export function newId(prefix: string): string {
	return `${prefix}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** Inserts a new row at `index` (default last), re-keying neighbours only when keys collided. */
export function insertOrdered(
	map: Y.Map<unknown>,
	id: string,
	index: number | undefined,
	fill: (m: YRow) => void
): void {
	const siblings = sortedRows(map).map(([sid, m]) => ({ id: sid, order: orderOf(m) }));
	const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
	const m = new Y.Map<unknown>();
	map.set(id, m);
	m.set(ORDER, order);
	fill(m);
	for (const r of rekeyed) (map.get(r.id) as YRow).set(ORDER, r.order);
}

/** Moves a row by rewriting its order key; false when it is gone. */
export function moveOrdered(map: Y.Map<unknown>, id: string, index: number): boolean {
	const m = map.get(id);
	if (!(m instanceof Y.Map)) return false;
	const siblings = sortedRows(map)
		.filter(([sid]) => sid !== id)
		.map(([sid, r]) => ({ id: sid, order: orderOf(r) }));
	const { order, rekeyed } = placeAt(siblings, index);
	m.set(ORDER, order);
	for (const r of rekeyed) (map.get(r.id) as YRow).set(ORDER, r.order);
	return true;
}
