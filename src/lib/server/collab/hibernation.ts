/**
 * An open plan nobody is editing keeps its content packed instead of as a live Y.Doc.
 *
 * A loaded Y.Doc costs about eight times its encoded size (the sample plan: ~750 KB of objects
 * for 117 KB of state — an object per item, per id, per type, per map), and Hocuspocus keeps
 * it for as long as one editor has the plan open, even when nobody types for hours. After
 * `idleMs` in which nothing read or wrote the document's content, its state is kept as one
 * deflated Yjs update (~16 KB for the sample plan) and the structures are let go; the first
 * access afterwards — any Yjs function, since they all go through the document's `store`,
 * `share` or (transactions) `_transactionCleanups` — rebuilds them from that update first. The document object, its
 * connections and its presence stay as they are; only the content sleeps.
 *
 * Safe because the content after waking is the same content (same items, ids, deletions and
 * state vector: Yjs' own encoding of it), because nothing outside the document can act on it
 * without going through those fields first, and because it only sleeps when it was not
 * touched for a whole interval: a caller holding a type across an `await` is not caught
 * mid-use. A document with updates waiting for missing parts (pending structs) or inside a
 * transaction is left awake. Waking applies the update with the document's observers detached:
 * it is not a change, so Hocuspocus must not broadcast or store it.
 */
import zlib from 'node:zlib';
import * as Y from 'yjs';

/** The origin of the transaction that rebuilds a sleeping document. */
export const WAKE_ORIGIN = Object.freeze({ name: 'plan-wake' });

interface Internals {
	store: { pendingStructs: unknown; pendingDs: unknown; constructor: new () => Internals['store'] };
	share: Map<string, Y.AbstractType<unknown>>;
	_transaction: unknown;
	_observers: Map<string, Set<unknown>>;
}

interface RootInternals {
	_start: unknown;
	_map: Map<string, unknown>;
	_length: number;
	_searchMarker: unknown[] | null;
	_hasFormatting?: boolean;
}

export interface Hibernation {
	/** Is the content packed right now? */
	readonly asleep: boolean;
	/** Packs the content now if it may (tests; the timer does it after `idleMs` untouched). */
	sleep(): boolean;
	/** Stops the timer (the document is unloaded); wakes the content first. */
	stop(): void;
}

/**
 * Lets `doc` pack its content after `idleMs` untouched (checked every `idleMs`, so it sleeps
 * between one and two intervals after the last access). Call once, after the document loaded.
 */
export function hibernateWhenIdle(doc: Y.Doc, idleMs: number, onSleep?: (packedBytes: number) => void): Hibernation {
	const internals = doc as unknown as Internals;
	let store = internals.store;
	const share = internals.share;
	let packed: Uint8Array | null = null;
	let touched = true;

	const wake = () => {
		const update = zlib.inflateRawSync(packed!);
		packed = null;
		const observers = internals._observers;
		internals._observers = new Map();
		try {
			Y.applyUpdateV2(doc, update, WAKE_ORIGIN);
		} finally {
			internals._observers = observers;
		}
	};
	const access = () => {
		touched = true;
		if (packed) wake();
	};
	Object.defineProperty(doc, 'store', {
		configurable: true,
		enumerable: true,
		get: () => (access(), store),
		set: (value) => (store = value)
	});
	Object.defineProperty(doc, 'share', {
		configurable: true,
		enumerable: true,
		get: () => (access(), share)
	});
	// Yjs' `transact` reads this list before anything else and finishes the transactions in it:
	// waking after that read (at `store`) would leave the caller's transaction behind the wake's
	// in a list Yjs has already replaced, so its observers and 'update' would never run.
	let cleanups = (doc as unknown as { _transactionCleanups: unknown[] })._transactionCleanups;
	Object.defineProperty(doc, '_transactionCleanups', {
		configurable: true,
		enumerable: true,
		get: () => (access(), cleanups),
		set: (value) => (cleanups = value)
	});

	const sleep = (): boolean => {
		if (packed || internals._transaction || store.pendingStructs || store.pendingDs) return false;
		const state = Y.encodeStateAsUpdateV2(doc);
		// Level 1: ~1 ms and 20 KB for the sample plan (level 6: 2.5 ms, 16 KB). Copied into a
		// plain Uint8Array of its own size: the deflated Buffer is a view on a 64 KB block, and so
		// is a Buffer.from copy in Node 24.
		const next = new Uint8Array(zlib.deflateRawSync(state, { level: 1 }));
		store = new store.constructor();
		for (const type of share.values()) {
			const root = type as unknown as RootInternals;
			root._start = null;
			root._map = new Map();
			root._length = 0;
			if (root._searchMarker) root._searchMarker = [];
			if (root._hasFormatting) root._hasFormatting = false;
		}
		packed = next;
		touched = false;
		onSleep?.(next.byteLength);
		return true;
	};

	const timer = setInterval(() => {
		if (touched) touched = false;
		else sleep();
	}, idleMs);
	timer.unref();
	const stop = () => {
		clearInterval(timer);
		if (packed) wake();
	};
	doc.once('destroy', () => clearInterval(timer));
	return {
		get asleep() {
			return packed !== null;
		},
		sleep,
		stop
	};
}
