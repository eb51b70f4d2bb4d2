/**
 * In-process notifications from commands to the collaboration server (which runs in the same
 * process): the command commits, then says what changed; the listener re-checks access.
 */
import { EventEmitter } from 'node:events';

export interface ServerEvents {
	/** These sessions no longer exist (logout, password change, revocation). */
	sessionsEnded: [sessionIds: string[]];
	/** A plan's state or membership changed: open connections must be re-authorized. */
	planAccessChanged: [planId: string];
}

const key = Symbol.for('ruamphaen.events');
type WithEvents = typeof globalThis & { [key]?: EventEmitter<ServerEvents> };

export function events(): EventEmitter<ServerEvents> {
	const g = globalThis as WithEvents;
	g[key] ??= new EventEmitter<ServerEvents>();
	return g[key];
}
