/**
 * A raw WebSocket client that speaks the Hocuspocus wire format by hand — no provider, no UI —
 * to check what the server accepts from a client that ignores the rules.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@hocuspocus/server';
import { AuthMessageType } from '@hocuspocus/common';
import { messageYjsSyncStep1 as SYNC_STEP1, messageYjsSyncStep2 as SYNC_STEP2, messageYjsUpdate as SYNC_UPDATE } from 'y-protocols/sync';

const MSG_SYNC = MessageType.Sync;
const MSG_AUTH = MessageType.Auth;
const AUTH_TOKEN = AuthMessageType.Token;
const AUTH_DENIED = AuthMessageType.PermissionDenied;
const AUTH_OK = AuthMessageType.Authenticated;

export interface RawEvent {
	kind: 'authenticated' | 'denied' | 'sync-step2' | 'sync-update' | 'sync-step1' | 'other' | 'closed';
	scope?: string;
	reason?: string;
	payload?: Uint8Array;
	code?: number;
}

export class RawClient {
	readonly events: RawEvent[] = [];
	readonly socket: WebSocket;
	readonly opened: Promise<void>;
	readonly closed: Promise<number>;

	constructor(url: string, readonly docName: string, cookie?: string) {
		this.socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
		this.opened = new Promise((resolve, reject) => {
			this.socket.once('open', () => resolve());
			this.socket.once('error', reject);
		});
		this.closed = new Promise((resolve) => this.socket.once('close', (code) => {
			this.events.push({ kind: 'closed', code });
			resolve(code);
		}));
		this.socket.on('message', (data: Buffer) => this.events.push(RawClient.parse(new Uint8Array(data))));
	}

	static parse(data: Uint8Array): RawEvent {
		const d = decoding.createDecoder(data);
		decoding.readVarString(d);
		const type = decoding.readVarUint(d);
		if (type === MSG_AUTH) {
			const auth = decoding.readVarUint(d);
			if (auth === AUTH_OK) return { kind: 'authenticated', scope: decoding.readVarString(d) };
			if (auth === AUTH_DENIED) return { kind: 'denied', reason: decoding.readVarString(d) };
			return { kind: 'other' };
		}
		if (type === MSG_SYNC || type === MessageType.SyncReply) {
			const step = decoding.readVarUint(d);
			const payload = decoding.readVarUint8Array(d);
			return { kind: step === SYNC_STEP1 ? 'sync-step1' : step === SYNC_STEP2 ? 'sync-step2' : 'sync-update', payload };
		}
		return { kind: 'other' };
	}

	private frame(write: (e: encoding.Encoder) => void): Uint8Array {
		const e = encoding.createEncoder();
		encoding.writeVarString(e, this.docName);
		write(e);
		return encoding.toUint8Array(e);
	}

	send(bytes: Uint8Array) {
		this.socket.send(bytes);
	}

	auth(token = 'cookie') {
		this.send(this.frame((e) => {
			encoding.writeVarUint(e, MSG_AUTH);
			encoding.writeVarUint(e, AUTH_TOKEN);
			encoding.writeVarString(e, token);
		}));
	}

	/** Asks for the whole document (empty state vector). */
	syncStep1(stateVector: Uint8Array = new Uint8Array([0])) {
		this.send(this.frame((e) => {
			encoding.writeVarUint(e, MSG_SYNC);
			encoding.writeVarUint(e, SYNC_STEP1);
			encoding.writeVarUint8Array(e, stateVector);
		}));
	}

	update(update: Uint8Array) {
		this.send(this.frame((e) => {
			encoding.writeVarUint(e, MSG_SYNC);
			encoding.writeVarUint(e, SYNC_UPDATE);
			encoding.writeVarUint8Array(e, update);
		}));
	}

	async waitFor(kind: RawEvent['kind'], timeoutMs = 5000): Promise<RawEvent> {
		const start = Date.now();
		for (;;) {
			const found = this.events.find((e) => e.kind === kind);
			if (found) return found;
			if (Date.now() - start > timeoutMs) throw new Error(`no ${kind} within ${timeoutMs} ms; saw ${this.events.map((e) => e.kind).join(',')}`);
			await new Promise((r) => setTimeout(r, 10));
		}
	}

	close() {
		this.socket.close();
	}
}
