/**
 * The socket a collaboration connection arrived on, carried in its Hocuspocus context (the
 * upgrade handler passes it as the default context, which every hook's context starts from;
 * a symbol key keeps it out of anything that serialises the context).
 *
 * Hocuspocus answers a failed authentication or document load with a denial message and
 * leaves the socket open: the provider would then wait ~30 s before it tries again. Closing
 * the socket with a code and reason makes it reconnect at once (with back-off) and tells the
 * client why.
 */
import type { WebSocket } from 'ws';

export const SOCKET = Symbol('ruamphaen.socket');

export interface SocketContext {
	[SOCKET]?: WebSocket;
}

export function socketOf(context: unknown): WebSocket | undefined {
	return (context as SocketContext | undefined)?.[SOCKET];
}

/** Closes the context's socket once Hocuspocus has sent its denial, then throws `close` as the denial. */
export function refuse(context: unknown, close: { code: number; reason: string }): never {
	const socket = socketOf(context);
	setTimeout(() => socket?.close(close.code, close.reason), 50).unref();
	throw Object.assign(new Error(close.reason), close);
}
