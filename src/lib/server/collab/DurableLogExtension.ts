/**
 * Where an editor's Yjs bytes go: every update a client sends is handed to the plan store
 * (src/lib/server/plan/planStore.ts), which checks it and appends it to the log before
 * Hocuspocus answers with its sync acknowledgement (`beforeHandleMessage` is awaited before
 * the message is handled), so a provider whose `unsyncedChanges` reaches 0 has everything on
 * disk.
 *
 * Broadcast before fsync: once the store has accepted an update (shape, bounds, write gate)
 * and queued its append, it is applied here at once, so the other editors get it while the
 * append commits; only the acknowledgement to the sender waits for the disk. A crash in
 * between loses nothing that anyone acknowledged: the sender still holds the update as
 * unsynced and sends it again when it reconnects (so do the peers that saw it — each sends
 * what the restarted server lacks). What the server must never do is keep an update it did not
 * store while claiming to have it (its state vector would tell reconnecting clients not to
 * send it again): when an append fails or is refused after the update was shown, every
 * connection of the document is closed so it reloads from the log, and the clients send it
 * again. Other instances get the update through Redis only once it is stored (`storedOf`,
 * used by the relay), since they could not tell. Hocuspocus handles a connection's messages one
 * at a time and acknowledges each as it returns from this hook, so the next update from the
 * same sender is shown once the previous one is stored: the gain is for the first update of a
 * burst (a keystroke after a pause), not for a stream from one sender.
 *
 * Documents load through the store's one read (latest snapshot plus the log tail); compaction
 * runs after Hocuspocus' debounced store and when a document unloads, off the editing path.
 *
 * Server-side changes (imports, migrations, proposals) are written by the store too, which
 * applies them here with PLAN_STORE_ORIGIN once stored. A change with any other origin did not
 * come through the store: it is not stored, and the document's connections are closed so this
 * instance reloads it from storage (see `onChange`).
 */
import { MessageType, isTransactionOrigin, type ConnectionTransactionOrigin } from '@hocuspocus/server';
import type {
	Extension,
	afterUnloadDocumentPayload,
	beforeHandleMessagePayload,
	onChangePayload,
	onLoadDocumentPayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db';
import { log } from '$lib/server/log';
import { PLAN_LOAD_ORIGIN, PLAN_STORE_ORIGIN, PlanWriteRefused, compactPlan, noteRelayedGrowth, readPlanInto, writePlan } from '$lib/server/plan/planStore';
import { REFUSAL_CLOSE } from '$lib/server/plan/writeRefusal';
import { trimLoadedContent } from '$lib/server/plan/trimLoaded';
import { planIdFromDocName } from '$lib/domain/docNames';
import { refuse } from './contextSocket';

const STORAGE_UNAVAILABLE = { code: 4503, reason: 'storage-unavailable' };


/** Thrown for a frame that is not a well-formed Hocuspocus message; closes the connection. */
export class MalformedMessageError extends Error {
	code = 4400;
	reason = 'malformed-message';
}

/**
 * Returns the Yjs update a sync message carries, or null for messages that change nothing
 * (awareness, sync step 1, stateless …). Throws MalformedMessageError on bytes that do not
 * parse, so garbage never reaches the log.
 */
export function updateCarriedBy(message: Uint8Array): Uint8Array | null {
	try {
		const decoder = decoding.createDecoder(message);
		decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
		const step = decoding.readVarUint(decoder);
		if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return null;
		const update = decoding.readVarUint8Array(decoder);
		Y.decodeUpdate(update); // throws on bytes that are not a Yjs update
		return update;
	} catch {
		throw new MalformedMessageError('malformed sync message');
	}
}

/** The origin of an editor's update applied before its append is committed. */
interface ShownOrigin extends ConnectionTransactionOrigin {
	/** Resolves to true once the update is stored, to false if it never will be. */
	stored: Promise<boolean>;
}

/** For a change applied before it was stored: when it is (true) or will not be (false). Null otherwise. */
export function storedOf(origin: unknown): Promise<boolean> | null {
	return isTransactionOrigin(origin) && origin.source === 'connection' && 'stored' in origin ? (origin as ShownOrigin).stored : null;
}

/** An update that adds nothing (no structs, no deletions): not worth a log row. */
function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export interface DurableLogOptions {
	db: Database;
	/** Compact when a document's log tail is longer than this at store time. */
	compactAfter?: number;
}

export class DurableLogExtension implements Extension {
	priority = 100;
	private readonly db: Database;
	private readonly compactAfter: number;
	/** Log entries appended since the last compaction, per loaded document. */
	private readonly tailLength = new Map<string, number>();
	private readonly compactions = new Set<Promise<unknown>>();

	constructor(options: DurableLogOptions) {
		this.db = options.db;
		this.compactAfter = options.compactAfter ?? 200;
	}

	async onLoadDocument({ document, documentName, context }: onLoadDocumentPayload) {
		try {
			const read = await readPlanInto(this.db, documentName, document, { origin: PLAN_LOAD_ORIGIN });
			// It stays in memory while the plan is open: without the spare room Yjs' reading left.
			trimLoadedContent(document);
			this.tailLength.set(documentName, read.tailEntries);
		} catch (error) {
			// Hocuspocus 4.7 does not destroy a document whose load failed: its awareness timer
			// would keep it in memory for good (hocuspocus#1156).
			document.destroy();
			log().error({ documentName, err: error }, 'could not load a plan document');
			refuse(context, STORAGE_UNAVAILABLE);
		}
	}

	async beforeHandleMessage({ connection, update: message, documentName, document, context, instance }: beforeHandleMessagePayload) {
		const update = updateCarriedBy(message);
		// A read-only connection's update is dropped by Hocuspocus; it must not be logged either.
		if (!update || connection.readOnly || isEmptyUpdate(update)) return;
		const planId = planIdFromDocName(documentName);
		if (!planId) throw Object.assign(new Error('not a plan document'), REFUSAL_CLOSE.shape);
		let settle!: (stored: boolean) => void;
		const origin: ShownOrigin = { source: 'connection', connection, stored: new Promise((resolve) => (settle = resolve)) };
		let shown = false;
		try {
			const userId: string | null = context?.user?.id ?? null;
			// Accepted: the peers get it now (see the top of this file). Stored before this returns,
			// so before Hocuspocus handles the message: its apply is then a no-op, and it acknowledges.
			const accepted = () => {
				Y.applyUpdate(document, update, origin);
				shown = true;
			};
			await writePlan(this.db, planId, { update }, { author: userId, document, appliedByCaller: true, accepted });
			settle(true);
			this.tailLength.set(documentName, (this.tailLength.get(documentName) ?? 0) + 1);
		} catch (error) {
			settle(false);
			if (shown) {
				// In memory (and with the peers) but not stored: reload from the log, and every
				// client that holds it sends it again.
				log().warn({ documentName, err: error }, 'an update shown to the editors was not stored; reloading the document');
				setImmediate(() => instance.closeConnections(documentName));
			}
			if (error instanceof PlanWriteRefused) {
				if (error.reason === 'notDraft') {
					// The plan froze: Hocuspocus drops what a read-only connection sends and says so.
					connection.readOnly = true;
					return;
				}
				log().warn({ documentName, userId: context?.user?.id, reason: error.reason, detail: error.detail }, 'refused a plan update');
				const close = REFUSAL_CLOSE[error.reason];
				// Hocuspocus sends its close message for this document; the socket follows, so the
				// client sees the code and reason (the editor shows them) and nothing more is read.
				setImmediate(() => connection.webSocket.close(close.code, close.reason));
				throw Object.assign(new Error(close.reason), close);
			}
			// Not stored, so it must not be acknowledged: closing the connection drops it, and the
			// client keeps the change as unsynced and sends it again on reconnect.
			throw Object.assign(new Error('could not store the update'), { ...STORAGE_UNAVAILABLE, cause: error });
		}
	}

	async onChange({ transactionOrigin, update, documentName, instance }: onChangePayload) {
		// Stored by the store: editors' messages (in beforeHandleMessage, applied once accepted),
		// server-side writes (applied once stored), our own load.
		if (transactionOrigin === PLAN_LOAD_ORIGIN) return;
		if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'connection') return;
		if (transactionOrigin === PLAN_STORE_ORIGIN) {
			this.tailLength.set(documentName, (this.tailLength.get(documentName) ?? 0) + 1);
			return;
		}
		// Stored by another instance, relayed or caught up from the shared log.
		if ((isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') || transactionOrigin === this) {
			noteRelayedGrowth(this.db, documentName, update.byteLength);
			return;
		}
		if (isEmptyUpdate(update)) return;
		// Anything else bypassed the plan store. It is not stored; the document is dropped from
		// memory (its connections closed) so it reloads from storage, and the editors' copies
		// send what they hold through the store again, where it is checked.
		log().error({ documentName, origin: describeOrigin(transactionOrigin) }, 'a change bypassed the plan store: not stored; reloading the document');
		instance.closeConnections(documentName);
	}

	/** Waits for compactions under way (graceful shutdown). */
	async flush() {
		await Promise.allSettled([...this.compactions]);
	}

	async onStoreDocument({ documentName }: onStoreDocumentPayload) {
		if ((this.tailLength.get(documentName) ?? 0) >= this.compactAfter) this.compactInBackground(documentName);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
		if ((this.tailLength.get(documentName) ?? 0) > 0) this.compactInBackground(documentName);
		this.tailLength.delete(documentName);
	}

	private compactInBackground(documentName: string) {
		const run = compactPlan(this.db, documentName)
			.then((folded) => {
				if (this.tailLength.has(documentName)) this.tailLength.set(documentName, 0);
				log().debug({ documentName, folded }, 'compacted document');
			})
			.catch((err) => log().error({ documentName, err }, 'compaction failed; the log still holds every update'))
			.finally(() => this.compactions.delete(run));
		this.compactions.add(run);
	}
}

function describeOrigin(origin: unknown): string {
	if (origin === null || origin === undefined) return String(origin);
	if (typeof origin === 'object') return (origin as { constructor?: { name?: string } }).constructor?.name ?? 'object';
	return String(origin).slice(0, 80);
}
