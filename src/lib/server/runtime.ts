/**
 * The process' long-lived parts — configuration, database, collaboration server — created
 * once. SvelteKit's `init` hook creates it inside the app bundle; the production entry
 * (server/index.js), the operator CLI and the dev-server plugin (vite.config.ts) reach the same
 * instance through the process slot ($lib/server/processSlot), because they load the app
 * through different module graphs.
 */
import path from 'node:path';
import { readConfig, type Config } from '$lib/server/config';
import { openDatabase, type Database } from '$lib/server/db';
import { log } from '$lib/server/log';
import { createCollab, type Collab } from './collab';
import { seedDemo } from '$lib/server/demo/seedDemo';
import { createAdmin } from '$lib/server/commands/adminCreator';
import { processSlot } from '$lib/server/processSlot';

export interface Runtime {
	config: Config;
	db: Database;
	/** Null in the operator CLI, which accepts no connections. */
	collab: Collab | null;
	/** Commands for the operator CLI (server/cli.js), which reaches them through the bundle. */
	operator: { createAdmin: (props: Parameters<typeof createAdmin>[1]) => ReturnType<typeof createAdmin> };
	/** Flushes pending writes, closes collaboration connections and the database. */
	shutdown(): Promise<void>;
}

/** Starts the runtime on first call; later calls get the same one. */
export function startRuntime(): Promise<Runtime> {
	const slot = processSlot();
	slot.runtime ??= create(slot.operatorOnly === true);
	return slot.runtime;
}

/** The started runtime; for request handlers, which only run after `init`. */
export function runtime(): Promise<Runtime> {
	const started = processSlot().runtime;
	if (!started) throw new Error('runtime not started');
	return started;
}

async function create(operatorOnly: boolean): Promise<Runtime> {
	const config = readConfig();
	const db = await openDatabase({
		url: config.databaseUrl,
		file: path.join(config.dataDir, 'ruamphaen.sqlite')
	});
	if (config.seedDemo) await seedDemo(db);
	// The operator CLI only runs commands against the database: no collaboration server, no
	// Redis connections, nothing listening for events.
	const collab = operatorOnly ? null : createCollab({ db, config });
	log().info({ database: db.dialect, dataDir: config.dataDir }, 'runtime started');
	if (config.maxSocketBufferBytes <= config.planMaxBytes) {
		// A plan's first sync is one message: readers of a plan near the cap would be cut off.
		log().warn({ maxSocketBufferBytes: config.maxSocketBufferBytes, planMaxBytes: config.planMaxBytes }, 'MAX_SOCKET_BUFFER_BYTES should exceed PLAN_MAX_BYTES');
	}
	let stopping: Promise<void> | null = null;
	return {
		config,
		db,
		collab,
		operator: { createAdmin: (props) => createAdmin(db, props) },
		shutdown() {
			stopping ??= (async () => {
				await collab?.close();
				await db.close();
			})();
			return stopping;
		}
	};
}
