/**
 * Where Yjs bytes go. Every update a client sends is appended to the update log and
 * committed BEFORE Hocuspocus applies it and answers with its sync acknowledgement
 * (`beforeHandleMessage` is awaited before the message is applied), so a provider whose
 * `unsyncedChanges` reaches 0 has everything on disk. Documents load from the latest
 * snapshot plus the log tail; compaction runs after Hocuspocus' debounced store and when a
 * document unloads, off the editing path.
 *
 * Changes made on the server (document migrations, imports through a direct connection) have
 * no client message to hook; they are appended from `onChange`, and code that makes them
 * awaits `flush()` before reporting success.
 */
import { Connection } from '@hocuspocus/server';
import type {
	Extension,
	afterUnloadDocumentPayload,
	beforeHandleMessagePayload,
	onChangePayload,
	onLoadDocumentPayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db';
import * as docLog from '$lib/server/db/docLog';
import { log } from '$lib/server/log';
import { writeGate } from '$lib/server/writeGate';
import { planIdFromDocName } from '$lib/domain/docNames';

/** The transaction origin Hocuspocus' Redis extension gives relayed updates. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

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
		if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
		const step = decoding.readVarUint(decoder);
		if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
		const update = decoding.readVarUint8Array(decoder);
		Y.decodeUpdate(update); // throws on bytes that are not a Yjs update
		return update;
	} catch {
		throw new MalformedMessageError('malformed sync message');
	}
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
	private readonly serverAppends = new Set<Promise<unknown>>();

	constructor(options: DurableLogOptions) {
		this.db = options.db;
		this.compactAfter = options.compactAfter ?? 200;
	}

	async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
		const stored = await docLog.read(this.db, documentName);
		docLog.applyStored(document, stored, this, (seq, error) =>
			log().error({ documentName, seq, err: error }, 'skipped unreadable update log entry')
		);
		this.tailLength.set(documentName, stored.tail.length);
	}

	async beforeHandleMessage({ connection, update: message, documentName, context }: beforeHandleMessagePayload) {
		const update = updateCarriedBy(message);
		// A read-only connection's update is dropped by Hocuspocus; it must not be logged either.
		if (!update || connection.readOnly || isEmptyUpdate(update)) return;
		const gate = writeGate();
		if (!gate.enter(documentName)) {
			// The plan is freezing: Hocuspocus drops what a read-only connection sends.
			connection.readOnly = true;
			return;
		}
		try {
			const userId: string | null = context?.user?.id ?? null;
			// Plan content is written only while the plan is a draft, checked with the insert: a
			// transition committed by any instance refuses what arrives after it.
			const seq = await docLog.append(this.db, documentName, update, userId, planIdFromDocName(documentName));
			if (seq === null) {
				connection.readOnly = true; // Hocuspocus then drops the update and says it was not applied
				return;
			}
			this.tailLength.set(documentName, (this.tailLength.get(documentName) ?? 0) + 1);
		} catch (error) {
			// Not stored, so it must not be applied either: closing the connection drops it,
			// and the client keeps the change as unsynced and sends it again on reconnect.
			throw Object.assign(new Error('could not store the update'), { code: 4503, reason: 'storage-unavailable', cause: error });
		} finally {
			gate.leave(documentName);
		}
	}

	async onChange({ transactionOrigin, update, documentName, context }: onChangePayload) {
		// Client updates were logged before they were applied; Redis-relayed ones by the instance
		// that received them; our own load replays what is already stored.
		if (transactionOrigin instanceof Connection || transactionOrigin === this || transactionOrigin === REDIS_ORIGIN) return;
		if (isEmptyUpdate(update)) return;
		const userId: string | null = context?.user?.id ?? null;
		const append = docLog
			.append(this.db, documentName, update, userId)
			.then(() => this.tailLength.set(documentName, (this.tailLength.get(documentName) ?? 0) + 1))
			.catch((err) => log().error({ documentName, err }, 'could not log a server-side change'))
			.finally(() => this.serverAppends.delete(append));
		this.serverAppends.add(append);
	}

	/** Resolves when every server-side change made so far is on disk. */
	async flushServerChanges() {
		await Promise.allSettled([...this.serverAppends]);
	}

	async onStoreDocument({ documentName }: onStoreDocumentPayload) {
		if ((this.tailLength.get(documentName) ?? 0) >= this.compactAfter) this.compactInBackground(documentName);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
		if ((this.tailLength.get(documentName) ?? 0) > 0) this.compactInBackground(documentName);
		this.tailLength.delete(documentName);
	}

	/** Waits for server-side appends and compactions under way (graceful shutdown). */
	async flush() {
		await this.flushServerChanges();
		await Promise.allSettled([...this.compactions]);
	}

	private compactInBackground(documentName: string) {
		const run = docLog
			.compact(this.db, documentName)
			.then((folded) => {
				if (this.tailLength.has(documentName)) this.tailLength.set(documentName, 0);
				log().debug({ documentName, folded }, 'compacted document');
			})
			.catch((err) => log().error({ documentName, err }, 'compaction failed; the log still holds every update'))
			.finally(() => this.compactions.delete(run));
		this.compactions.add(run);
	}
}
