/**
 * What a client may say about itself in presence (awareness). The client chooses only where
 * it is — its text cursor, the grid cell it stands on and where in the plan it is looking
 * (`view`, what a meeting's followers follow when it is the presenter), all shape-checked;
 * who it is (user id, name, plan role, colour) is overwritten with what the server knows for
 * the connection, so no client can pass for the presenter.
 * Entries for client IDs that another connection (or another instance) holds are dropped, so
 * nobody can rewrite or remove someone else's presence.
 *
 * Pure: decodes one awareness update and returns the entries to apply. Called once per
 * incoming message, before Hocuspocus applies it (ClientMessagesExtension); the fan-out then
 * sends the stamped states.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection is, as the server knows it. */
export interface PresenceIdentity {
	/** The user's id: followers of a meeting's presenter follow the state stamped with the presenter's. */
	id?: string;
	name: string;
	/** Plan role key, or null (e.g. an organization admin without a plan role). */
	role: string | null;
	/** From the fixed palette (domain/colors.ts). */
	color: string;
}

export interface ClientOwnership {
	/** The connection already holds this client ID. */
	owns(clientId: number): boolean;
	/** Someone else holds a live state under this client ID. */
	heldByOthers(clientId: number): boolean;
	/** How many client IDs the connection holds now. */
	count(): number;
}

/** Client IDs one connection may hold (a page has one Y.Doc per plan; a few spare for re-creation). */
export const MAX_CLIENTS_PER_CONNECTION = 4;
/** Largest state JSON accepted for one client (a cursor and a cell are a few hundred bytes). */
export const MAX_STATE_CHARS = 4096;
const MAX_ID = 2 ** 53 - 1;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_ID;
const shortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A Yjs ID ({client, clock}) or null; undefined when malformed. */
function yId(v: unknown): { client: number; clock: number } | null | undefined {
	if (v === undefined || v === null) return null;
	return isObject(v) && isUint(v.client) && isUint(v.clock) ? { client: v.client, clock: v.clock } : undefined;
}

/** A Yjs relative position as JSON (Y.relativePositionToJSON), rebuilt from known keys. */
function relativePosition(v: unknown): Json | undefined {
	if (!isObject(v)) return undefined;
	const type = yId(v.type);
	const item = yId(v.item);
	if (type === undefined || item === undefined) return undefined;
	if (v.tname !== undefined && v.tname !== null && !shortString(v.tname, 256)) return undefined;
	if (v.assoc !== undefined && v.assoc !== null && !(Number.isInteger(v.assoc) && Math.abs(v.assoc as number) <= 1)) return undefined;
	const out: Json = { type, tname: v.tname ?? null, item };
	if (v.assoc !== undefined && v.assoc !== null) out.assoc = v.assoc;
	return out;
}

/** The text cursor (y-prosemirror's `cursor` field): null, or anchor and head. */
function cursor(v: unknown): Json | null | undefined {
	if (v === null) return null;
	if (!isObject(v)) return undefined;
	const anchor = relativePosition(v.anchor);
	const head = relativePosition(v.head);
	return anchor && head ? { anchor, head } : undefined;
}

/** The grid cell (Presence.setCell): null, or table, row and column keys. */
function cell(v: unknown): Json | null | undefined {
	if (v === null) return null;
	if (!isObject(v)) return undefined;
	return shortString(v.table, 64) && shortString(v.rowId, 128) && shortString(v.col, 64) ? { table: v.table, rowId: v.rowId, col: v.col } : undefined;
}

/** Parts of the plan page a presenter can be in (the editor's section ids). */
const VIEW_PARTS = new Set(['narrative', 'pd02', 'pd021', 'pd01', 'outline']);

/** Where someone looks (FollowPresenter): a part of the page, how far into it (0–1), and the grid row and column, if any. */
function view(v: unknown): Json | null | undefined {
	if (v === null) return null;
	if (!isObject(v) || typeof v.part !== 'string' || !VIEW_PARTS.has(v.part)) return undefined;
	if (typeof v.y !== 'number' || !Number.isFinite(v.y) || v.y < 0 || v.y > 1) return undefined;
	const rowId = v.rowId ?? null;
	const col = v.col ?? null;
	if ((rowId !== null && !shortString(rowId, 128)) || (col !== null && !shortString(col, 64))) return undefined;
	return { part: v.part, y: v.y, rowId, col };
}

/**
 * The state to keep for one client: the server's identity plus the position fields that pass
 * their shape check (a malformed one is left out, not the whole state). Null for a state
 * that is not a JSON object.
 */
export function stampState(json: string, identity: PresenceIdentity): Json | null {
	if (json.length > MAX_STATE_CHARS) return null;
	let state: unknown;
	try {
		state = JSON.parse(json);
	} catch {
		return null;
	}
	if (!isObject(state)) return null;
	const out: Json = { user: { ...(identity.id ? { id: identity.id } : {}), name: identity.name, color: identity.color, role: identity.role } };
	if ('cursor' in state) {
		const c = cursor(state.cursor);
		if (c !== undefined) out.cursor = c;
	}
	if ('cell' in state) {
		const c = cell(state.cell);
		if (c !== undefined) out.cell = c;
	}
	if ('view' in state) {
		const v = view(state.view);
		if (v !== undefined) out.view = v;
	}
	return out;
}

/** One entry of a stamped awareness update: a state the server wrote, or null (a removal). */
export interface StampedEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/**
 * Rewrites one awareness update (y-protocols format: count, then clientID, clock and state
 * JSON per entry) for the connection that sent it: the entries that survive, in order. Throws
 * on bytes that are not an awareness update.
 */
export function stampAwarenessEntries(update: Uint8Array, identity: PresenceIdentity, ownership: ClientOwnership): StampedEntry[] {
	const d = decoding.createDecoder(update);
	const entries = decoding.readVarUint(d);
	const kept: StampedEntry[] = [];
	let claimed = 0;
	for (let i = 0; i < entries; i++) {
		const clientId = decoding.readVarUint(d);
		const clock = decoding.readVarUint(d);
		const json = decoding.readVarString(d);
		if (!ownership.owns(clientId)) {
			if (ownership.heldByOthers(clientId)) continue;
			if (ownership.count() + claimed >= MAX_CLIENTS_PER_CONNECTION) continue;
			if (json === 'null') continue; // removing a state nobody holds: nothing to do
			claimed++;
		}
		if (json === 'null') {
			kept.push({ clientId, clock, state: null });
			continue;
		}
		const state = stampState(json, identity);
		if (state) kept.push({ clientId, clock, state });
	}
	return kept;
}

/** The same, encoded as an awareness update; null when no entry survives. */
export function stampAwarenessUpdate(update: Uint8Array, identity: PresenceIdentity, ownership: ClientOwnership): Uint8Array | null {
	const kept = stampAwarenessEntries(update, identity, ownership);
	if (!kept.length) return null;
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, kept.length);
	for (const { clientId, clock, state } of kept) {
		encoding.writeVarUint(e, clientId);
		encoding.writeVarUint(e, clock);
		encoding.writeVarString(e, JSON.stringify(state));
	}
	return encoding.toUint8Array(e);
}
