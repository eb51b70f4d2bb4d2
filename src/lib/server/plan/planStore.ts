/**
 * The plan store: the one way plan content is written and the one way it is rebuilt.
 *
 * Every change to a plan's Yjs document — an editor's keystroke arriving on the socket, an
 * import, a migration, a meeting's proposal — goes through `writePlan`, which, in order:
 *   1. passes the per-process write gate (closed while a transition freezes the plan);
 *   2. checks the update against the plan's shape (roots, keys, kinds of value — shapeCheck.ts);
 *   3. reserves room under the per-plan size bounds (sizeBudget.ts);
 *   4. appends it to the update log only if the plan is a draft, checked in the same
 *      transaction as the insert (docLog.append), so a transition committed by any instance
 *      refuses it;
 *   5. applies it to the live document when one is loaded here (open editors see it, and the
 *      relay passes it to the other instances) — except for an editor's own message, which
 *      Hocuspocus applies right after its hook, so the sync acknowledgement follows the commit.
 * A refusal is a PlanWriteRefused, never a silent drop. A brand-new plan's first content is
 * written by `createPlanContent`, inside the transaction that creates its row.
 *
 * `readPlanInto` is the only code that rebuilds a document from storage (snapshot + log
 * tail): collaboration loads, versions, exports, attribution and compaction all use it.
 */
import * as Y from 'yjs';
import type { Database } from '../db';
import * as docLog from '../db/docLog';
import { log } from '../log';
import { writeGate } from '../writeGate';
import { planDocName, planIdFromDocName } from '$lib/domain/docNames';
import { PLAN_DOC_SHAPE } from '$lib/domain/plan/doc';
import { checkUpdateShape, type CheckedItem } from './shapeCheck';
import { LiveShapeIndex, liveShapeIndex } from './liveShapeIndex';
import { DEFAULT_PLAN_LIMITS, SizeBudget, type PlanLimits } from './sizeBudget';
import { liveDocuments } from './liveDocuments';
import { PlanWriteRefused } from './writeRefusal';

export { PlanWriteRefused } from './writeRefusal';
export type { PlanLimits } from './sizeBudget';

/** Origin of stored changes the store applies to a live document (the durable log knows them as stored). */
export const PLAN_STORE_ORIGIN = Object.freeze({ name: 'plan-store' });
/** Origin of a rebuild from storage. */
export const PLAN_LOAD_ORIGIN = Object.freeze({ name: 'plan-load' });

let limits: PlanLimits = DEFAULT_PLAN_LIMITS;
const budgets = new WeakMap<Database, SizeBudget>();

/** Sets the size bounds (from the configuration; defaults otherwise). */
export function setPlanLimits(next: Partial<PlanLimits>): void {
	limits = { ...DEFAULT_PLAN_LIMITS, ...next };
}

function budgetOf(db: Database): SizeBudget {
	let budget = budgets.get(db);
	if (!budget) {
		budget = new SizeBudget(() => limits, (docName, since) => docLog.loggedBytesSince(db, docName, since));
		budgets.set(db, budget);
	}
	return budget;
}

// ───────────────────────────── reading ─────────────────────────────

export interface StoredRead {
	/** Highest log seq included. */
	logSeq: number;
	/** Bytes read: snapshot + log tail (the plan's stored size when read whole). */
	bytes: number;
	/** Log entries applied after the snapshot. */
	tailEntries: number;
}

/**
 * Rebuilds a document from storage into `doc`: the latest snapshot, then the log after it (up
 * to `upto` when given). An entry Yjs cannot read is skipped and logged, so one corrupt row
 * never makes a whole plan unreadable.
 */
export async function readPlanInto(db: Database, docName: string, doc: Y.Doc, options: { upto?: number; origin?: unknown } = {}): Promise<StoredRead> {
	const stored = await docLog.readStored(db, docName, options.upto);
	const origin = options.origin ?? PLAN_LOAD_ORIGIN;
	let bytes = stored.snapshot?.byteLength ?? 0;
	Y.transact(
		doc,
		() => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
			for (const entry of stored.tail) {
				bytes += entry.data.byteLength;
				try {
					Y.applyUpdate(doc, entry.data, origin);
				} catch (err) {
					log().error({ docName, seq: entry.seq, err }, 'skipped unreadable update log entry');
				}
			}
		},
		origin
	);
	if (options.upto === undefined) budgetOf(db).measured(docName, bytes);
	return { logSeq: stored.tail.at(-1)?.seq ?? stored.uptoSeq, bytes, tailEntries: stored.tail.length };
}

/** Runs `fn` on the plan's stored document, rebuilt for the call and destroyed after it. */
export async function withStoredPlan<T>(db: Database, planId: string, fn: (doc: Y.Doc, read: StoredRead) => T): Promise<Awaited<T>> {
	const doc = new Y.Doc();
	try {
		const read = await readPlanInto(db, planDocName(planId), doc);
		return await fn(doc, read);
	} finally {
		doc.destroy();
	}
}

// ───────────────────────────── writing ─────────────────────────────

/** A change to plan content: a Yjs update made elsewhere, or an edit the store runs on the current content. */
export type PlanChange<T = void> = { update: Uint8Array } | { edit: (doc: Y.Doc) => T };

export interface WriteOptions {
	/** The user the log attributes the change to (null: the system). */
	author: string | null;
	/** The live document, when the caller holds it (collaboration hooks); otherwise the store looks it up. */
	document?: Y.Doc;
	/** Hocuspocus applies an editor's own message right after its hook; the store must not apply it too. */
	appliedByCaller?: boolean;
	/** Writes stored in the same transaction as the change (given its log seq); see writeResolvedProposal. */
	within?: (tx: Database, seq: number) => Promise<void>;
	/**
	 * Called once an update is accepted — its shape checked, within the plan's bounds, past the
	 * write gate — and its append queued, before the append is committed (fsync). The
	 * collaboration hooks show it to the other editors then (DurableLogExtension). If the append
	 * then fails or is refused, the write throws as usual and the caller must take back what it
	 * showed.
	 */
	accepted?: () => void;
}

export interface WriteReceipt<T> {
	/** Log seq of the stored change, or null when the change changed nothing. */
	seq: number | null;
	result: T;
}

const isEmptyUpdate = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0;

/** The one write path for plan content (see the top of this file). Throws PlanWriteRefused. */
export async function writePlan<T = void>(db: Database, planId: string, change: PlanChange<T>, options: WriteOptions): Promise<WriteReceipt<T>> {
	return write(db, planId, change, options, 'draft');
}

/**
 * The one exception to "frozen content never changes": a committee meeting's resolution
 * applying an accepted proposal while the plan is in review (or in draft). Only the
 * resolution command (commands/resolutionRecorder.ts) calls it — after checking the chair's
 * ability and the quorum — and it records the meeting and resolution in the version history
 * and the audit log. It passes the same shape check, size bounds and log as every write, but
 * not the write gate, which stays closed to editors for the whole review: instead the append
 * is refused unless the plan is still in `state` in the same transaction as the insert, so a
 * transition committed meanwhile (review → locked) wins and nothing changes after it.
 *
 * `record` writes the resolution (its row, version, audit event) in the same transaction as the
 * change, so a crash or a refusal between them cannot leave the plan changed without its
 * resolution recorded, or a resolution recorded whose change is not stored. It is not called
 * when the edit changes nothing (seq null): the caller records the resolution alone then.
 */
export async function writeResolvedProposal<T>(
	db: Database,
	planId: string,
	edit: (doc: Y.Doc) => T,
	options: { author: string; state: 'draft' | 'review'; record: (tx: Database, seq: number) => Promise<void> }
): Promise<WriteReceipt<T>> {
	return write(db, planId, { edit }, { author: options.author, within: options.record }, options.state);
}

async function write<T>(db: Database, planId: string, change: PlanChange<T>, options: WriteOptions, state: 'draft' | 'review'): Promise<WriteReceipt<T>> {
	const docName = planDocName(planId);
	if (planIdFromDocName(docName) !== planId) throw new PlanWriteRefused('shape', `not a plan id: ${planId}`);
	const bypassGate = state === 'review';
	// A freezing plan refuses before anything else is judged: a message that builds on one just
	// refused must read as "not a draft", not as "builds on unknown content".
	if (!bypassGate && writeGate().isFrozen(docName)) throw new PlanWriteRefused('notDraft', 'the plan is freezing');
	const live = liveDocuments();
	const run = async (): Promise<WriteReceipt<T>> => {
		const current = options.document ?? (await live?.find(docName)) ?? null;
		if ('update' in change) {
			if (isEmptyUpdate(change.update)) return { seq: null, result: undefined as T };
			if (current) {
				const index = liveShapeIndex(current, PLAN_DOC_SHAPE);
				const checked = checkUpdateShape(change.update, PLAN_DOC_SHAPE, index);
				return { seq: await commit(db, planId, change.update, checked, index, options, state), result: undefined as T };
			}
			// No live document here: judge the update against the stored one.
			return withStoredPlan(db, planId, async (doc) => {
				const checked = checkUpdateShape(change.update, PLAN_DOC_SHAPE, new LiveShapeIndex(doc, PLAN_DOC_SHAPE));
				return { seq: await commit(db, planId, change.update, checked, null, options, state), result: undefined as T };
			});
		}
		// An edit runs on a copy of the current content; what it changed is the update to store.
		const scratch = new Y.Doc();
		let update: Uint8Array;
		let result: T;
		let checked: CheckedItem[];
		try {
			if (current) Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
			else await readPlanInto(db, docName, scratch);
			const made: Uint8Array[] = [];
			const collect = (u: Uint8Array) => void made.push(u);
			scratch.on('update', collect);
			try {
				result = change.edit(scratch);
			} finally {
				scratch.off('update', collect);
			}
			if (!made.length) return { seq: null, result };
			update = made.length === 1 ? made[0] : Y.mergeUpdates(made);
			checked = checkUpdateShape(update, PLAN_DOC_SHAPE, new LiveShapeIndex(scratch, PLAN_DOC_SHAPE));
		} finally {
			scratch.destroy();
		}
		return { seq: await commit(db, planId, update, checked, null, options, state), result };
	};
	// A document being loaded by its own hooks (options.document) is already held.
	return options.document || !live ? run() : live.hold(docName, run);
}

async function commit(db: Database, planId: string, update: Uint8Array, checked: CheckedItem[], index: LiveShapeIndex | null, options: WriteOptions, state: 'draft' | 'review'): Promise<number> {
	const docName = planDocName(planId);
	const gate = writeGate();
	// A resolution in review passes the closed gate (see writeResolvedProposal); it still counts
	// as in flight, so a transition freezing meanwhile waits for it.
	const entered = gate.enter(docName);
	if (!entered && state !== 'review') throw new PlanWriteRefused('notDraft', 'the plan is freezing');
	// Until applied, later messages that build on this one are judged through the index.
	const release = index?.register(checked);
	let unreserve: (() => void) | undefined;
	try {
		unreserve = await budgetOf(db).reserve(docName, update.byteLength, checked.length === 0);
		const appended = options.within
			? docLog.appendWith(db, docName, update, options.author, planId, state, options.within)
			: docLog.append(db, docName, update, options.author, planId, state);
		try {
			options.accepted?.();
		} catch (error) {
			await appended.catch(() => null);
			throw error;
		}
		const seq = await appended;
		if (seq === null) throw new PlanWriteRefused('notDraft');
		if (!options.appliedByCaller) {
			const target = options.document ?? (await liveDocuments()?.find(docName));
			if (target) Y.applyUpdate(target, update, PLAN_STORE_ORIGIN);
		}
		return seq;
	} catch (error) {
		unreserve?.();
		throw error;
	} finally {
		// Hocuspocus applies the caller's message in the microtasks after this resolves.
		if (release) setImmediate(release);
		if (entered) gate.leave(docName);
	}
}

/**
 * Writes the first content of a brand-new plan, inside the transaction `tx` that inserts its
 * row: nobody can have the plan open yet, so there is no gate to pass and no live document,
 * and the plan never exists without content. Checked for shape and size like any write;
 * refused for a plan that already has content.
 */
export async function createPlanContent(tx: Database, planId: string, author: string | null, fill: (doc: Y.Doc) => void): Promise<void> {
	const doc = new Y.Doc();
	try {
		fill(doc);
		const update = Y.encodeStateAsUpdate(doc);
		checkUpdateShape(update, PLAN_DOC_SHAPE, new LiveShapeIndex(doc, PLAN_DOC_SHAPE));
		if (update.byteLength > limits.maxBytes) throw new PlanWriteRefused('tooLarge', `${update.byteLength} bytes`);
		await docLog.appendFirst(tx, planDocName(planId), update, author);
	} finally {
		doc.destroy();
	}
}

/** Closes the gate for a plan's content and resolves once writes already past it are stored and applied. */
export function freezePlanWrites(planId: string): Promise<void> {
	return writeGate().freeze(planDocName(planId));
}

export function thawPlanWrites(planId: string): void {
	writeGate().thaw(planDocName(planId));
}

/** Another instance stored `bytes` of this plan (the relay brought them): counts toward its bounds. */
export function noteRelayedGrowth(db: Database, docName: string, bytes: number): void {
	budgetOf(db).grewElsewhere(docName, bytes);
}

// ───────────────────────────── compaction ─────────────────────────────

/**
 * Folds the log tail into a new snapshot. Works from the database alone (not from a live
 * document), so it is correct whichever instance runs it and whatever is in memory. Returns
 * the number of log entries folded in.
 */
export async function compactPlan(db: Database, docName: string): Promise<number> {
	const head = await docLog.committedHead(db, docName);
	const doc = new Y.Doc();
	try {
		const read = await readPlanInto(db, docName, doc, { upto: head, origin: 'compaction' });
		if (read.tailEntries === 0) return 0;
		const state = Y.encodeStateAsUpdate(doc);
		await docLog.putSnapshot(db, docName, state, head);
		budgetOf(db).compacted(docName, read.bytes, state.byteLength);
		return read.tailEntries;
	} finally {
		doc.destroy();
	}
}
