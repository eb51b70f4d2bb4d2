/**
 * The collaboration server: one Hocuspocus instance with our extensions in the order they
 * must run. Transport only — every rule it applies comes from $lib/server modules.
 */
import { Hocuspocus } from '@hocuspocus/server';
import type { Database } from '$lib/server/db';
import type { Config } from '$lib/server/config';
import { log } from '$lib/server/log';
import { DurableLogExtension } from './DurableLogExtension';
import { AuthExtension, rememberSocket } from './AuthExtension';
import { PlanSchemaExtension } from './PlanSchemaExtension';
import { CommentsBroadcastExtension } from './CommentsBroadcastExtension';
import { BroadcastExtension } from './BroadcastExtension';
import { FloodGuardExtension, defaultLimits, guardSocket, type FloodLimits } from './FloodGuardExtension';
import { createScaleOut } from './ScaleOutExtension';

export interface Collab {
	hocuspocus: Hocuspocus;
	durableLog: DurableLogExtension;
	/** Called by the upgrade handler before handing a socket to Hocuspocus. */
	rememberSocket: typeof rememberSocket;
	/** Closes every connection and waits for pending writes. */
	close(): Promise<void>;
}

export interface CollabOptions {
	db: Database;
	/** Scale-out (REDIS_URL) and the message limits; omitted in unit tests. */
	config?: Pick<Config, 'redisUrl' | 'maxMessageBytes'>;
	/** Overrides the per-socket flood limits (tests). */
	limits?: Partial<FloodLimits>;
}

export function createCollab({ db, config, limits: limitOverrides }: CollabOptions): Collab {
	const durableLog = new DurableLogExtension({ db });
	const limits = { ...defaultLimits(config?.maxMessageBytes ?? 4 * 1024 * 1024), ...limitOverrides };
	// With Redis, updates, presence and stateless messages are relayed to the other instances,
	// and workflow/session events are bridged (see ScaleOutExtension).
	const scaleOut = config?.redisUrl ? createScaleOut({ redisUrl: config.redisUrl, db, replayOrigin: durableLog }) : null;
	if (scaleOut && db.dialect === 'sqlite') log().warn('REDIS_URL is set with SQLite: instances must share one database (set DATABASE_URL)');
	const hocuspocus = new Hocuspocus({
		name: 'ruamphaen',
		quiet: true,
		// Stores are only compaction triggers: durability comes from the log, so this timing
		// decides how much tail a cold load replays, not what a crash could lose.
		debounce: 5000,
		maxDebounce: 30000,
		extensions: [
			new FloodGuardExtension(),
			new BroadcastExtension(),
			...(scaleOut?.extensions ?? []),
			new AuthExtension({ db }),
			durableLog,
			new PlanSchemaExtension(),
			new CommentsBroadcastExtension()
		]
	});
	return {
		hocuspocus,
		durableLog,
		rememberSocket(request, socket) {
			guardSocket(socket, limits);
			rememberSocket(request, socket);
		},
		async close() {
			hocuspocus.closeConnections();
			await durableLog.flush();
			if (scaleOut) {
				await scaleOut.scaleOut.onDestroy();
				await scaleOut.relay.onDestroy();
			}
		}
	};
}
