/**
 * The collaboration server: one Hocuspocus instance with our extensions in the order they
 * must run. Transport only — every rule it applies comes from $lib/server modules.
 */
import { Hocuspocus } from '@hocuspocus/server';
import type { Database } from '$lib/server/db';
import { DurableLogExtension } from './DurableLogExtension';
import { AuthExtension, rememberSocket } from './AuthExtension';
import { PlanSchemaExtension } from './PlanSchemaExtension';
import { CommentsBroadcastExtension } from './CommentsBroadcastExtension';

export interface Collab {
	hocuspocus: Hocuspocus;
	durableLog: DurableLogExtension;
	/** Called by the upgrade handler before handing a socket to Hocuspocus. */
	rememberSocket: typeof rememberSocket;
	/** Closes every connection and waits for pending writes. */
	close(): Promise<void>;
}

export function createCollab({ db }: { db: Database }): Collab {
	const durableLog = new DurableLogExtension({ db });
	const hocuspocus = new Hocuspocus({
		name: 'ruamphaen',
		quiet: true,
		// Stores are only compaction triggers: durability comes from the log, so this timing
		// decides how much tail a cold load replays, not what a crash could lose.
		debounce: 5000,
		maxDebounce: 30000,
		extensions: [new AuthExtension({ db }), durableLog, new PlanSchemaExtension(), new CommentsBroadcastExtension()]
	});
	return {
		hocuspocus,
		durableLog,
		rememberSocket,
		async close() {
			hocuspocus.closeConnections();
			await durableLog.flush();
		}
	};
}
