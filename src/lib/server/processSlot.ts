/**
 * The one process-wide global. The production entry (server/index.js), the operator CLI
 * (server/cli.js) and the dev-server plugin load the app through module graphs other than the
 * SvelteKit bundle's, and a module re-evaluated by the dev server would otherwise start a second
 * logger, event bus or write gate; what must exist once per process lives here, under one key.
 */
import type { EventEmitter } from 'node:events';
import type pino from 'pino';
import type { Runtime } from '$lib/server/runtime';
import type { WriteGate } from './writeGate';
import type { LiveDocuments } from './plan/liveDocuments';
import type { ServerEvents } from './events';

export interface ProcessSlot {
	/** Set by the operator CLI before it loads the bundle: run commands, accept no connections. */
	operatorOnly?: boolean;
	runtime?: Promise<Runtime>;
	log?: pino.Logger;
	events?: EventEmitter<ServerEvents>;
	writeGate?: WriteGate;
	liveDocuments?: LiveDocuments | null;
}

const KEY = Symbol.for('ruamphaen');

export function processSlot(): ProcessSlot {
	const g = globalThis as typeof globalThis & { [KEY]?: ProcessSlot };
	g[KEY] ??= {};
	return g[KEY];
}
