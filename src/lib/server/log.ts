/** One structured JSON logger for the process (pino): one line per request and collab event. */
import pino from 'pino';
import { processSlot } from './processSlot';


/** The process logger; its level comes from LOG_LEVEL (default info). */
export function log(): pino.Logger {
	const slot = processSlot();
	slot.log ??= pino({ level: process.env.LOG_LEVEL || 'info', base: undefined });
	return slot.log;
}
