/**
 * Limits what one WebSocket can make the server do, before Hocuspocus parses anything:
 *
 * - a message larger than MAX_MESSAGE_BYTES is refused by `ws` itself (close 1009); this
 *   guard gives that close a reason clients can show (`message-too-big`), and listens for the
 *   socket's 'error' event — without a listener, that refusal was an uncaught exception that
 *   ended the whole process;
 * - messages per second and bytes per second per socket (token buckets): a socket over its
 *   budget has its messages held back and handed on one at a time at the sustained rate;
 *   past a short queue (64 messages or two bursts of bytes) the server stops reading it
 *   (TCP back-pressure slows the sender).
 *   Nothing it sent is dropped, and one flooding client cannot starve the others (each
 *   accepted update costs a committed database write);
 * - before a document's authentication completes, Hocuspocus queues that document's messages
 *   (up to 1,000 per socket in v4) and accepts up to 100 document names on one socket: both
 *   are capped tighter here, and a socket over a cap is closed with a reason (4429 / 4400).
 *
 * - when a hook ends a document's connection (e.g. `storage-unavailable`), Hocuspocus leaves
 *   the socket open and the provider waits ~30 s before it gives up on it; the guard closes
 *   such a socket with the code and reason, so the client reconnects at once (with back-off)
 *   and offers its unsynced changes again. (Failed authentication and document loads close
 *   their socket themselves: contextSocket.ts.)
 *
 * - what the server sends waits in the socket's buffer until the client reads it: past
 *   `maxBufferedBytes` (MAX_SOCKET_BUFFER_BYTES) the socket is destroyed, which frees it at
 *   once; a closing socket is destroyed after 5 s instead of ws' 30 s, since a client that
 *   does not read never sees our close frame either.
 *
 * `guardSocket` is applied by the upgrade path (`Collab.accept`) and hands on each message it
 * lets through; the extension part learns when a document's connection is established on a
 * socket, and when it ends.
 */
import type { Extension, connectedPayload } from '@hocuspocus/server';
import { MessageTooBig } from '@hocuspocus/common';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import { log } from '$lib/server/log';

export interface FloodLimits {
	/** Sustained messages per second per socket. */
	messagesPerSecond: number;
	/** Messages a socket may send at once before it is slowed down. */
	messageBurst: number;
	/** Sustained bytes per second per socket. */
	bytesPerSecond: number;
	/** Bytes a socket may send at once. */
	byteBurst: number;
	/** Document names one socket may open. */
	maxDocumentsPerSocket: number;
	/** Messages for one document before its authentication has completed. */
	maxMessagesBeforeAuth: number;
	/** Unsent bytes a socket may hold (a client that does not read); past it, it is cut off. */
	maxBufferedBytes: number;
}

export const CloseReasons = {
	tooBig: { code: MessageTooBig.code, reason: 'message-too-big' },
	beforeAuth: { code: 4429, reason: 'too-many-messages-before-auth' },
	tooManyDocuments: { code: 4400, reason: 'too-many-documents' }
} as const;

export function defaultLimits(maxMessageBytes: number, maxBufferedBytes = 16 * 1024 * 1024): FloodLimits {
	return {
		// A fast typist sends ~15 updates and ~15 presence messages a second.
		messagesPerSecond: 60,
		messageBurst: 60,
		bytesPerSecond: Math.max(2 * 1024 * 1024, maxMessageBytes),
		byteBurst: 2 * maxMessageBytes,
		maxDocumentsPerSocket: 16,
		maxMessagesBeforeAuth: 200,
		maxBufferedBytes
	};
}

interface SocketState {
	/** Per document name: messages seen before it was established (-1 once established). */
	pending: Map<string, number>;
	messages: number;
	bytes: number;
	last: number;
	/** Messages held back because the socket is over its budget, oldest first. */
	queue: Buffer[];
	/** Their total size: the queue is bounded in bytes too (64 messages of 4 MB would be 256 MB). */
	queuedBytes: number;
	timer: NodeJS.Timeout | null;
	paused: boolean;
}

const STATE = new WeakMap<WebSocket, SocketState>();
/** Held-back messages beyond which the server stops reading the socket (TCP back-pressure). */
const MAX_QUEUE = 64;
/** How long a closing socket may take to finish the close handshake before it is destroyed. */
const CLOSING_GRACE_MS = 5000;

function sizeOf(data: Buffer | ArrayBuffer | Buffer[]): number {
	return Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/** Installs the guard on a freshly upgraded socket; `deliver` hands a message on to Hocuspocus. */
export function guardSocket(ws: WebSocket, limits: FloodLimits, deliver: (data: Buffer) => void) {
	const state: SocketState = {
		pending: new Map(),
		messages: limits.messageBurst,
		bytes: limits.byteBurst,
		last: performance.now(),
		queue: [],
		queuedBytes: 0,
		timer: null,
		paused: false
	};
	STATE.set(ws, state);

	// Without a listener, the 'error' `ws` emits for a bad frame (e.g. an oversized message)
	// is an uncaught exception that ends the process: any client could stop the server.
	ws.on('error', (err: Error & { code?: string }) => log().warn({ code: err.code, message: err.message }, 'collab socket error; closed'));

	// `ws` closes an oversized message with 1009 and no reason; say why. A closing socket
	// gets CLOSING_GRACE_MS to finish the handshake, not ws' 30 s: a client that does not
	// read never receives our close frame, and its unsent data would be held all that time.
	const close = ws.close.bind(ws);
	ws.close = ((code?: number, reason?: string | Buffer) => {
		close(code, reason ?? (code === CloseReasons.tooBig.code ? CloseReasons.tooBig.reason : undefined));
		setTimeout(() => ws.terminate(), CLOSING_GRACE_MS).unref();
	}) as typeof ws.close;

	// What the server sends waits in the socket's buffer until the client reads it. A client
	// that stops reading (or asks for the whole plan again and again) would make that buffer
	// grow without end: past the bound the socket is destroyed, which frees it at once.
	const send = ws.send.bind(ws);
	ws.send = ((data: unknown, ...rest: unknown[]) => {
		const result = (send as (...args: unknown[]) => void)(data, ...rest);
		if (ws.bufferedAmount > limits.maxBufferedBytes && ws.readyState === ws.OPEN) cutOff(ws, ws.bufferedAmount);
		return result;
	}) as typeof ws.send;

	const refill = () => {
		const now = performance.now();
		const dt = (now - state.last) / 1000;
		state.last = now;
		state.messages = Math.min(limits.messageBurst, state.messages + dt * limits.messagesPerSecond);
		state.bytes = Math.min(limits.byteBurst, state.bytes + dt * limits.bytesPerSecond);
	};
	const take = (size: number) => {
		refill();
		if (state.messages < 1 || state.bytes < size) return false;
		state.messages -= 1;
		state.bytes -= size;
		return true;
	};

	/** Hands a message to Hocuspocus, after the per-document checks; false when the socket was refused. */
	const admit = (data: Buffer): boolean => {
		if (!checkDocument(data)) return false;
		deliver(data);
		return true;
	};
	// Messages for documents not yet established: Hocuspocus would queue them forever.
	const checkDocument = (data: Buffer): boolean => {
		let name: string;
		try {
			name = decoding.readVarString(decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
		} catch {
			return true; // Hocuspocus closes the socket for an unreadable frame
		}
		const seen = state.pending.get(name);
		if (seen === -1) return true;
		if (seen === undefined && state.pending.size >= limits.maxDocumentsPerSocket) return refuse(ws, CloseReasons.tooManyDocuments);
		const count = (seen ?? 0) + 1;
		state.pending.set(name, count);
		return count > limits.maxMessagesBeforeAuth ? refuse(ws, CloseReasons.beforeAuth) : true;
	};
	const clearQueue = () => {
		state.queue.length = 0;
		state.queuedBytes = 0;
	};
	const drain = () => {
		state.timer = null;
		while (state.queue.length && ws.readyState === ws.OPEN) {
			const data = state.queue[0];
			const size = sizeOf(data);
			if (!take(size)) break;
			state.queue.shift();
			state.queuedBytes -= size;
			if (!admit(data)) return clearQueue();
		}
		if (ws.readyState !== ws.OPEN) return clearQueue();
		if (state.paused && state.queue.length < MAX_QUEUE / 2 && state.queuedBytes < limits.byteBurst / 2) {
			state.paused = false;
			ws.resume();
		}
		if (state.queue.length) {
			const size = sizeOf(state.queue[0]);
			const waitMs = Math.max(
				((1 - state.messages) / limits.messagesPerSecond) * 1000,
				((size - state.bytes) / limits.bytesPerSecond) * 1000,
				1
			);
			state.timer = setTimeout(drain, Math.ceil(waitMs));
		}
	};

	// Every incoming message passes here first: within budget it goes on at once; over budget
	// it waits its turn (one at a time at the sustained rate), so one socket's flood is spread
	// out between everyone else's messages instead of arriving as one long burst.
	ws.on('message', (data: Buffer) => {
		if (!state.queue.length && take(sizeOf(data))) return void admit(data);
		state.queue.push(data);
		state.queuedBytes += sizeOf(data);
		if (!state.paused && (state.queue.length >= MAX_QUEUE || state.queuedBytes >= limits.byteBurst)) {
			state.paused = true;
			ws.pause();
		}
		if (!state.timer) drain();
	});
	ws.once('close', () => {
		clearQueue();
		if (state.timer) clearTimeout(state.timer);
	});
}

function cutOff(ws: WebSocket, buffered: number) {
	log().warn({ buffered }, 'collab socket cut off: the client does not read what it is sent');
	ws.terminate();
}

function refuse(ws: WebSocket, close: { code: number; reason: string }): false {
	log().warn({ reason: close.reason }, 'collab socket refused by the flood guard');
	ws.close(close.code, close.reason);
	// A client that does not answer the close handshake is cut off.
	setTimeout(() => ws.terminate(), 1000).unref();
	return false;
}

export class FloodGuardExtension implements Extension {
	priority = 2000;

	/**
	 * From now on the document's messages go to its connection, not to Hocuspocus' queue; and
	 * when a hook ends the connection (a refused or unstorable update, a reset), the socket
	 * goes too, with the code and reason, so the provider reconnects at once.
	 */
	async connected({ connection, documentName }: connectedPayload) {
		const ws = connection.webSocket as unknown as WebSocket;
		STATE.get(ws)?.pending.set(documentName, -1);
		connection.onClose((_document, event) => {
			// Closed by the client, or because the socket is going anyway: nothing to add.
			if (!event || event.reason === 'provider_initiated' || ws.readyState !== ws.OPEN) return;
			const code = event.code >= 4000 && event.code < 5000 ? event.code : 4000;
			// After Hocuspocus' close message for the document, which the provider reads first.
			setTimeout(() => ws.close(code, event.reason.slice(0, 100)), 50).unref();
		});
	}
}
