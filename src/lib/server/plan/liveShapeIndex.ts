/**
 * Answers the shape check's lookups from a document: the position of an existing item (a
 * binary search in its client's structs) and the shape of an existing type (walked up to its
 * root once, then cached by id). Updates that passed the check but are not applied yet (still
 * being stored) are registered here too, so the next message of a fast typist, which builds
 * on them, is judged correctly.
 */
import * as Y from 'yjs';
import { shapeUnder, type DocShape, type MapShape } from '$lib/domain/plan/docShape';
import { GONE, type CheckedItem, type Found, type Position, type ShapeLookup } from './shapeCheck';

const idKey = (client: number, clock: number) => `${client}:${clock}`;

export class LiveShapeIndex implements ShapeLookup {
	/** Shapes of types already resolved in the document (ids never move, so this never goes stale). */
	private readonly typeShapes = new Map<string, DocShape | null>();
	private readonly rootShapes = new WeakMap<Y.AbstractType<unknown>, DocShape | null>();
	/** Accepted, not yet applied. */
	private readonly pending = new Set<CheckedItem[]>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly roots: ReadonlyMap<string, MapShape>
	) {}

	/** Makes `items` answerable until `release` is called (after they are applied or dropped). */
	register(items: CheckedItem[]): () => void {
		this.pending.add(items);
		return () => this.pending.delete(items);
	}

	positionOf(id: Y.ID): Found<Position> {
		const struct = this.structAt(id);
		if (struct instanceof Y.GC) return GONE;
		if (struct instanceof Y.Item) {
			const parent = struct.parent;
			if (!(parent instanceof Y.AbstractType)) return GONE;
			const shape = this.shapeOfType(parent);
			return shape ? { parent: shape, key: struct.parentSub } : null;
		}
		for (const items of this.pending) {
			for (const it of items) if (it.client === id.client && id.clock >= it.clock && id.clock < it.clock + it.length) return it.position;
		}
		return null;
	}

	typeShapeOf(id: Y.ID): Found<DocShape> {
		const struct = this.structAt(id);
		if (struct instanceof Y.GC) return GONE;
		if (struct instanceof Y.Item) {
			if (!(struct.content instanceof Y.ContentType)) return GONE; // deleted and collected: Yjs drops what is placed in it
			return this.shapeOfType(struct.content.type);
		}
		for (const items of this.pending) {
			for (const it of items) if (it.client === id.client && it.clock === id.clock) return it.position === GONE ? GONE : it.typeShape;
		}
		return null;
	}

	private structAt(id: Y.ID): Y.Item | Y.GC | null {
		const structs = this.doc.store.clients.get(id.client);
		if (!structs?.length) return null;
		const last = structs[structs.length - 1];
		if (id.clock >= last.id.clock + last.length) return null;
		return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
	}

	/** The shape of a type in the document, or null when it lies outside the plan's shape. */
	private shapeOfType(type: Y.AbstractType<unknown>): DocShape | null {
		// Walk up to the nearest known ancestor, then fill the cache on the way back down.
		const chain: Y.Item[] = [];
		let known: DocShape | null | undefined;
		for (let t: Y.AbstractType<unknown> = type; ; ) {
			const item = t._item;
			if (!item) {
				known = this.rootShape(t);
				break;
			}
			const cached = this.typeShapes.get(idKey(item.id.client, item.id.clock));
			if (cached !== undefined) {
				known = cached;
				break;
			}
			chain.push(item);
			if (!(item.parent instanceof Y.AbstractType)) {
				known = null;
				break;
			}
			t = item.parent;
		}
		for (let i = chain.length - 1; i >= 0; i--) {
			const item = chain[i];
			known = known ? childShape(known, item.parentSub) : null;
			this.typeShapes.set(idKey(item.id.client, item.id.clock), known);
		}
		return known;
	}

	private rootShape(type: Y.AbstractType<unknown>): DocShape | null {
		let shape = this.rootShapes.get(type);
		if (shape === undefined) {
			shape = null;
			for (const [name, t] of this.doc.share) if (t === type) shape = this.roots.get(name) ?? null;
			this.rootShapes.set(type, shape);
		}
		return shape;
	}
}

function childShape(parent: DocShape, key: string | null): DocShape | null {
	if (parent.kind === 'xml') return parent;
	if (parent.kind === 'map' && key !== null) return shapeUnder(parent as MapShape, key);
	return null;
}

const indexes = new WeakMap<Y.Doc, LiveShapeIndex>();

/** The index of a live document (kept as long as the document lives). */
export function liveShapeIndex(doc: Y.Doc, roots: ReadonlyMap<string, MapShape>): LiveShapeIndex {
	let index = indexes.get(doc);
	if (!index) {
		index = new LiveShapeIndex(doc, roots);
		indexes.set(doc, index);
	}
	return index;
}
