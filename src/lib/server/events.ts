/**
 * In-process notifications from commands to the collaboration server (which runs in the same
 * process): the command commits, then says what changed; the listener re-checks access.
 *
 * With several instances (REDIS_URL set), `bridgeEvents` relays these events between them
 * through Redis pub/sub, so a lock committed on instance A re-checks the connections on
 * instance B too. Without it, events stay in the process.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { processSlot } from './processSlot';

export interface ServerEvents {
	/** These sessions no longer exist (logout, password change, revocation). */
	sessionsEnded: [sessionIds: string[]];
	/** A plan's state or membership changed: open connections must be re-authorized. */
	planAccessChanged: [planId: string];
	/** A review thread of a plan was created or changed: clients refresh their comments. */
	commentsChanged: [planId: string, threadId: string];
	/** A progress entry of an organization's fiscal year was saved: open progress pages refetch. */
	progressChanged: [orgId: string, fiscalYear: string, rowId: string];
	/** A committee meeting on a plan changed (attendance, agenda, proposals, resolutions): clients refetch it. */
	meetingChanged: [planId: string, meetingId: string];
}

export function events(): EventEmitter<ServerEvents> {
	const slot = processSlot();
	slot.events ??= new EventEmitter<ServerEvents>();
	return slot.events;
}

/** A pub/sub channel: the Redis clients in production, anything that relays strings in tests. */
export interface EventTransport {
	publish(channel: string, message: string): Promise<unknown>;
	/** Resolves once subscribed; `onMessage` gets every message published on the channel. */
	subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
	close(): Promise<void>;
}

/** The events other instances must hear about; all their arguments are strings or string lists. */
const BRIDGED = ['sessionsEnded', 'planAccessChanged', 'commentsChanged', 'progressChanged', 'meetingChanged'] as const satisfies readonly (keyof ServerEvents)[];
type Bridged = (typeof BRIDGED)[number];

function isStrings(value: unknown): boolean {
	return Array.isArray(value) && value.every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}

/**
 * Relays the bridged events of this process to every other instance on `transport`, and
 * emits theirs here. An event is emitted locally exactly once: a relayed one is not sent back
 * (the sender's id is in the message). Returns a handle that stops relaying.
 */
export async function bridgeEvents(
	transport: EventTransport,
	options: { channel?: string; onError?: (error: unknown) => void } = {}
): Promise<{ close(): Promise<void> }> {
	const channel = options.channel ?? 'ruamphaen:events';
	const origin = randomUUID();
	const emitter = events();
	let relaying = false;
	const outgoing = BRIDGED.map((name) => {
		const listener = (...args: unknown[]) => {
			if (relaying) return;
			transport.publish(channel, JSON.stringify({ origin, name, args })).catch((error) => options.onError?.(error));
		};
		emitter.on(name, listener as never);
		return { name, listener };
	});
	await transport.subscribe(channel, (raw) => {
		let message: { origin?: unknown; name?: unknown; args?: unknown };
		try {
			message = JSON.parse(raw);
		} catch {
			return;
		}
		if (message.origin === origin || !BRIDGED.includes(message.name as Bridged) || !isStrings(message.args)) return;
		// Listeners run synchronously, so the flag keeps this emit from being published again.
		relaying = true;
		try {
			(emitter.emit as (name: string, ...args: unknown[]) => boolean)(message.name as Bridged, ...(message.args as unknown[]));
		} catch (error) {
			options.onError?.(error);
		} finally {
			relaying = false;
		}
	});
	return {
		async close() {
			for (const { name, listener } of outgoing) emitter.off(name, listener as never);
			await transport.close();
		}
	};
}
