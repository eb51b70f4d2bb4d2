/** One structured JSON logger for the process (pino): one line per request and collab event. */
import pino from 'pino';

const key = Symbol.for('ruamphaen.log');
type WithLog = typeof globalThis & { [key]?: pino.Logger };

/** The process logger; its level comes from LOG_LEVEL (default info). */
export function log(): pino.Logger {
	const g = globalThis as WithLog;
	g[key] ??= pino({ level: process.env.LOG_LEVEL || 'info', base: undefined });
	return g[key];
}
