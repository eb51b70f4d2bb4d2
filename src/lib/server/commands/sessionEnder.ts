/** Ends sessions — one (logout), all of a user's (revocation, password change) — and tells the
 * collaboration server to close their connections. */
import type { Database } from '../db';
import * as sessions from '../db/sessions';
import { events } from '../events';

export async function endSession(db: Database, sessionId: string) {
	await sessions.remove(db, sessionId);
	events().emit('sessionsEnded', [sessionId]);
}

/** Ends every session of `userId` except `keep`; returns how many ended. */
export async function endUserSessions(db: Database, userId: string, keep?: string): Promise<number> {
	const ended = await sessions.removeAllOf(db, userId, keep);
	if (ended.length) events().emit('sessionsEnded', ended);
	return ended.length;
}
