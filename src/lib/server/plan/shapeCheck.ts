/**
 * Does a Yjs update stay inside the plan's shape (docShape.ts)? Decides from the decoded
 * update alone plus a few lookups in the document it will be applied to, so the cost grows
 * with the size of the update, not of the plan:
 *
 * - an item whose parent is a string is a root entry: the root must be a plan root, and its
 *   key (parentSub) one that root may hold;
 * - an item whose parent is an id lives inside that type: the type's shape comes from the
 *   same update or from the document (walked up once, then cached per type);
 * - an item that names only its neighbour (origin / right origin) lives where that neighbour
 *   lives (Yjs gives it the neighbour's parent and key), so its position is resolved the same
 *   way, and only the kind of its content is checked.
 *
 * Deletions are not checked: removing content never leaves the shape.
 */
import * as Y from 'yjs';
import { shapeUnder, type DocShape, type MapShape } from '$lib/domain/plan/docShape';
import { PlanWriteRefused } from './writeRefusal';

/** Yjs does not export the base class of item contents. */
type AbstractContent = Y.Item['content'];

/** Where an item sits: the shape of its parent type and its key in that parent (null in a list). */
export interface Position {
	parent: DocShape;
	key: string | null;
}

/**
 * What the target document knows. `GONE` means "exists but garbage-collected": Yjs discards
 * anything placed there, so it is harmless. `null` means "not known here".
 */
export const GONE = Symbol('gone');
export type Found<T> = T | typeof GONE | null;

export interface ShapeLookup {
	/** The position of the existing item covering `id`. */
	positionOf(id: Y.ID): Found<Position>;
	/** The shape of the existing type created by the item `id`. */
	typeShapeOf(id: Y.ID): Found<DocShape>;
}

/** An accepted item, for callers that must answer lookups before the update is applied. */
export interface CheckedItem {
	client: number;
	clock: number;
	length: number;
	position: Position | typeof GONE;
	/** The shape of the type this item creates, when it creates one. */
	typeShape: DocShape | null;
}

/** Nesting deeper than this inside one update is refused (the plan model is four levels deep; Tiptap lists a few more). */
const MAX_DEPTH = 64;

const isType = (content: AbstractContent): content is Y.ContentType => content instanceof Y.ContentType;

/** The shape a map slot gives to what is stored under `key`, or null when the key is not allowed. */
function slotShape(position: Position): DocShape | null {
	const { parent, key } = position;
	if (parent.kind === 'map') return key === null ? null : shapeUnder(parent as MapShape, key);
	if (parent.kind === 'xml') return parent; // anything beneath a Tiptap fragment
	return null;
}

/** Refuses content of the wrong kind at `position`; returns the shape of a type it creates. */
function contentShape(position: Position, content: AbstractContent, where: string): DocShape | null {
	const { parent, key } = position;
	if (content instanceof Y.ContentDoc) throw new PlanWriteRefused('shape', `sub-document at ${where}`);
	if (parent.kind === 'text') {
		if (key !== null) throw new PlanWriteRefused('shape', `key "${key}" in a text cell at ${where}`);
		if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted) return null;
		throw new PlanWriteRefused('shape', `${content.constructor.name} in a text cell at ${where}`);
	}
	if (parent.kind === 'xml') return isType(content) ? parent : null;
	if (parent.kind !== 'map') throw new PlanWriteRefused('shape', `content inside a plain value at ${where}`);
	const slot = slotShape(position);
	if (!slot) throw new PlanWriteRefused('shape', key === null ? `list content in a map at ${where}` : `unknown key "${key}" at ${where}`);
	if (content instanceof Y.ContentDeleted) return null;
	const ok =
		slot.kind === 'value'
			? content instanceof Y.ContentAny
			: isType(content) &&
				((slot.kind === 'map' && content.type.constructor === Y.Map) ||
					(slot.kind === 'text' && content.type.constructor === Y.Text) ||
					(slot.kind === 'xml' && content.type.constructor === Y.XmlFragment));
	if (!ok) throw new PlanWriteRefused('shape', `${content.constructor.name} where a ${slot.kind} belongs at ${where}`);
	return isType(content) ? slot : null;
}

/** Items of one update, findable by id (structs of a client come in clock order). */
class UpdateItems {
	private readonly byClient = new Map<number, Y.Item[]>();
	constructor(items: Y.Item[]) {
		for (const item of items) {
			const list = this.byClient.get(item.id.client);
			if (list) list.push(item);
			else this.byClient.set(item.id.client, [item]);
		}
	}
	find(id: Y.ID): Y.Item | null {
		const list = this.byClient.get(id.client);
		if (!list) return null;
		let lo = 0;
		let hi = list.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const item = list[mid];
			if (id.clock < item.id.clock) hi = mid - 1;
			else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
			else return item;
		}
		return null;
	}
}

/**
 * Checks `update` against the plan's roots and `lookup`; throws PlanWriteRefused ('shape' or
 * 'unknownParent'); returns every item with its position for the caller's bookkeeping.
 */
export function checkUpdateShape(update: Uint8Array, roots: ReadonlyMap<string, MapShape>, lookup: ShapeLookup): CheckedItem[] {
	let structs: (Y.Item | Y.GC | Y.Skip)[];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch {
		throw new PlanWriteRefused('shape', 'not a Yjs update');
	}
	const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
	const local = new UpdateItems(items);
	const positions = new Map<Y.Item, Position | typeof GONE>();
	const typeShapes = new Map<Y.Item, DocShape | typeof GONE>();
	const label = (item: Y.Item) => `${item.id.client}:${item.id.clock}`;

	const typeShapeOf = (id: Y.ID, depth: number): DocShape | typeof GONE => {
		const item = local.find(id);
		if (item) {
			if (item.id.clock !== id.clock || !isType(item.content)) throw new PlanWriteRefused('shape', `parent ${id.client}:${id.clock} is not a type`);
			if (!typeShapes.has(item)) positionOf(item, depth + 1); // fills typeShapes for it
			return typeShapes.get(item)!;
		}
		const known = lookup.typeShapeOf(id);
		if (known === null) throw new PlanWriteRefused('unknownParent', `type ${id.client}:${id.clock}`);
		return known;
	};

	/** The position of `item`, following neighbours iteratively (a crafted chain may be long). */
	const positionOf = (start: Y.Item, depth: number): Position | typeof GONE => {
		if (depth > MAX_DEPTH) throw new PlanWriteRefused('shape', 'nested too deeply');
		const chain: Y.Item[] = [];
		const seen = new Set<Y.Item>();
		let item = start;
		let found: Position | typeof GONE;
		for (;;) {
			const cached = positions.get(item);
			if (cached !== undefined) {
				found = cached;
				break;
			}
			if (seen.has(item)) throw new PlanWriteRefused('shape', `neighbour loop at ${label(item)}`);
			seen.add(item);
			chain.push(item);
			const parent = item.parent as unknown;
			if (typeof parent === 'string') {
				const rootShape = roots.get(parent);
				if (!rootShape) throw new PlanWriteRefused('shape', `unknown root "${parent}"`);
				found = { parent: rootShape, key: item.parentSub };
				break;
			}
			if (parent instanceof Y.ID) {
				const shape = typeShapeOf(parent, depth);
				found = shape === GONE ? GONE : { parent: shape, key: item.parentSub };
				break;
			}
			const neighbour = item.origin ?? item.rightOrigin;
			if (!neighbour) throw new PlanWriteRefused('shape', `item ${label(item)} has no parent`);
			const inUpdate = local.find(neighbour);
			if (inUpdate) {
				item = inUpdate;
				continue;
			}
			const known = lookup.positionOf(neighbour);
			if (known === null) throw new PlanWriteRefused('unknownParent', `neighbour ${neighbour.client}:${neighbour.clock}`);
			found = known;
			break;
		}
		for (const c of chain) {
			positions.set(c, found);
			typeShapes.set(c, found === GONE ? GONE : (contentShape(found, c.content, label(c)) ?? GONE));
		}
		return found;
	};

	return items.map((item) => {
		const position = positionOf(item, 0);
		const shape = typeShapes.get(item);
		return {
			client: item.id.client,
			clock: item.id.clock,
			length: item.length,
			position,
			typeShape: shape && shape !== GONE ? shape : null
		};
	});
}
