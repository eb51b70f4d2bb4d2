/**
 * Reads the few server messages the offline logic must see before the provider applies them:
 * the server's state vector (its sync step 1), the document content it sends (sync step 2 or
 * an update) and its answer to what this page sent (Hocuspocus' SyncStatus: true = stored,
 * false = refused, e.g. the plan is no longer a draft). Anything else reads as null.
 */
import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (the provider does not export them). */
const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STATUS = 8;
/** y-protocols sync steps. */
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

export type ServerSyncMessage =
	| { kind: 'stateVector'; stateVector: Uint8Array }
	| { kind: 'content'; update: Uint8Array; step2: boolean }
	| { kind: 'status'; stored: boolean };

export function readServerSyncMessage(data: ArrayBuffer | Uint8Array): ServerSyncMessage | null {
	try {
		const decoder = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
		decoding.readVarString(decoder); // document name
		const type = decoding.readVarUint(decoder);
		if (type === SYNC_STATUS) return { kind: 'status', stored: decoding.readVarUint(decoder) === 1 };
		if (type !== SYNC && type !== SYNC_REPLY) return null;
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === STEP1) return { kind: 'stateVector', stateVector: payload };
		if (step === STEP2 || step === UPDATE) return { kind: 'content', update: payload, step2: step === STEP2 };
		return null;
	} catch {
		return null;
	}
}
