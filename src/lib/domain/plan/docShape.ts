/**
 * The shape a plan document may take, as data: which root maps exist, which keys each map
 * may hold, and what kind of value sits under each key. `doc/shape.ts` (in the only folder that
 * knows the key names) builds the plan's shape; the server refuses any update that would step
 * outside it (src/lib/server/plan/shapeCheck.ts).
 */

export type DocShape =
	/** A Y.Map with a fixed set of keys (`keys`), or any key (`anyKey`) for id-keyed collections. */
	| { readonly kind: 'map'; readonly keys: ReadonlyMap<string, DocShape>; readonly anyKey: DocShape | null }
	/** A Y.Text of plain characters (a collaborative cell). */
	| { readonly kind: 'text' }
	/** A Y.XmlFragment; what Tiptap writes beneath it is not constrained. */
	| { readonly kind: 'xml' }
	/** A plain JSON value set with `map.set(key, value)`. */
	| { readonly kind: 'value' };

export type MapShape = Extract<DocShape, { kind: 'map' }>;

export const VALUE: DocShape = Object.freeze({ kind: 'value' });
export const TEXT: DocShape = Object.freeze({ kind: 'text' });
export const XML: DocShape = Object.freeze({ kind: 'xml' });

/** A map whose keys are exactly `fields` (a Map, so "__proto__" or "constructor" are just names). */
export function mapOf(fields: Record<string, DocShape> | [string, DocShape][]): MapShape {
	const entries = Array.isArray(fields) ? fields : Object.entries(fields);
	return Object.freeze({ kind: 'map', keys: new Map(entries), anyKey: null });
}

/** A map keyed by ids (or codes) whose every value has shape `each`. */
export function collectionOf(each: DocShape): MapShape {
	return Object.freeze({ kind: 'map', keys: new Map(), anyKey: each });
}

/** The shape of the value under `key` in `map`, or null when the map may not hold that key. */
export function shapeUnder(map: MapShape, key: string): DocShape | null {
	return map.keys.get(key) ?? map.anyKey;
}
