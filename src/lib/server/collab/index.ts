/**
 * The collaboration server: one Hocuspocus instance with our extensions in the order they
 * must run. Transport only — every rule it applies comes from $lib/server modules.
 */
import { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Database } from '$lib/server/db';
import type { Config } from '$lib/server/config';
import { log } from '$lib/server/log';
import { clientAddress } from '$lib/server/clientAddress';
import { DurableLogExtension } from './DurableLogExtension';
import { AuthExtension } from './AuthExtension';
import { SOCKET, type SocketContext } from './contextSocket';
import { PlanSchemaExtension } from './PlanSchemaExtension';
import { CommentsBroadcastExtension } from './CommentsBroadcastExtension';
import { MeetingBroadcastExtension } from './MeetingBroadcastExtension';
import { LoadedStateExtension } from './LoadedStateExtension';
import { IdlePlansExtension } from './IdlePlansExtension';
import { FloodGuardExtension, defaultLimits, guardSocket, type FloodLimits } from './FloodGuardExtension';
import { createScaleOut } from './ScaleOutExtension';
import { ClientMessagesExtension } from './ClientMessagesExtension';
import { SocketCounter } from './socketLimits';
import { upgradeOriginAllowed } from './upgradeOrigin';
import { keepAlive } from './keepAlive';
import { webRequest } from './webRequest';
import { setLiveDocuments } from '$lib/server/plan/liveDocuments';
import { setPlanLimits } from '$lib/server/plan/planStore';
import { warmUp } from './warmUp';
import { DocumentStates } from './documentState';

/** Why an upgrade is refused before it happens (HTTP status and a short reason). */
export interface UpgradeRefusal {
	status: 403 | 429;
	reason: string;
}

type CollabConfig = Pick<
	Config,
	| 'redisUrl'
	| 'maxMessageBytes'
	| 'origin'
	| 'maxSocketsPerUser'
	| 'maxSocketsPerAddress'
	| 'maxSocketBufferBytes'
	| 'trustedProxyHeader'
	| 'trustedProxyHops'
	| 'planMaxBytes'
	| 'planMaxGrowthPerHour'
	| 'planSleepAfterMs'
>;

export interface Collab {
	hocuspocus: Hocuspocus;
	durableLog: DurableLogExtension;
	/** Asked by the upgrade handler before upgrading: a cross-site origin, or an address over its socket cap. */
	refuseUpgrade(request: IncomingMessage): UpgradeRefusal | null;
	/** Takes an upgraded socket: counts it, guards it, and hands it to Hocuspocus. */
	accept(socket: WebSocket, request: IncomingMessage): void;
	/**
	 * Starts loading a document its editor page was just served for (see warmUp) — unless the
	 * page's fetch of its state will be answered from storage (documentState.ts).
	 */
	warmUp(documentName: string): void;
	/** Loads and holds a document for the socket that follows (after its state was sent over HTTP). */
	holdForSocket(documentName: string): void;
	/**
	 * The whole document as Yjs updates (see documentState.ts), or null when it cannot be
	 * loaded. The caller has checked that the person may read it.
	 */
	documentState(documentName: string): Promise<Uint8Array[] | null>;
	/** Closes every connection and waits for pending writes. */
	close(): Promise<void>;
}

export interface CollabOptions {
	db: Database;
	/** Scale-out (REDIS_URL) and the message limits; omitted in unit tests. */
	config?: Partial<CollabConfig>;
	/** Overrides the per-socket flood limits (tests). */
	limits?: Partial<FloodLimits>;
}

export function createCollab({ db, config, limits: limitOverrides }: CollabOptions): Collab {
	const durableLog = new DurableLogExtension({ db });
	const limits = {
		...defaultLimits(config?.maxMessageBytes ?? 4 * 1024 * 1024, config?.maxSocketBufferBytes ?? 48 * 1024 * 1024),
		...limitOverrides
	};
	const sockets = new SocketCounter({
		maxSocketsPerUser: config?.maxSocketsPerUser ?? Infinity,
		maxSocketsPerAddress: config?.maxSocketsPerAddress ?? Infinity
	});
	const proxy = { trustedProxyHeader: config?.trustedProxyHeader ?? null, trustedProxyHops: config?.trustedProxyHops ?? 1 };
	const addressOf = (request: IncomingMessage) => clientAddress(request.headers, request.socket.remoteAddress, proxy);
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
		// A socket that sent nothing for this long is closed (providers renew presence every
		// 15 s); Hocuspocus 4's default is 60 s.
		timeout: 30_000,
		// Broadcasts go out once per event-loop turn, encoded once for every connection.
		flushDelay: 0,
		extensions: [
			new FloodGuardExtension(),
			new ClientMessagesExtension(),
			...(scaleOut?.extensions ?? []),
			new AuthExtension({ db, sockets }),
			durableLog,
			new PlanSchemaExtension({ db, loaded: (documentName) => documentStates.loaded(documentName) }),
			new CommentsBroadcastExtension(),
			new MeetingBroadcastExtension(),
			new IdlePlansExtension({ idleMs: config?.planSleepAfterMs ?? 0 }),
			new LoadedStateExtension()
		]
	});
	const documentStates = new DocumentStates(hocuspocus, db);
	if (config?.planMaxBytes) setPlanLimits({ maxBytes: config.planMaxBytes, maxGrowthPerHour: config.planMaxGrowthPerHour });
	// The plan store applies stored server-side changes to the documents loaded here.
	setLiveDocuments({
		async find(docName) {
			const loading = hocuspocus.loadingDocuments.get(docName);
			if (loading) await loading.catch(() => null);
			const document = hocuspocus.documents.get(docName);
			return document && !document.isDestroyed ? document : null;
		},
		async hold(docName, fn) {
			// Scaled out: loaded here for the write, so the relay publishes it at once.
			if (!scaleOut) return fn();
			const connection = await hocuspocus.openDirectConnection(docName, {});
			try {
				return await fn();
			} finally {
				await connection.disconnect();
			}
		}
	});
	return {
		hocuspocus,
		durableLog,
		refuseUpgrade(request) {
			if (!upgradeOriginAllowed(request.headers.origin, request.headers.host, config?.origin ?? null)) {
				log().warn({ origin: request.headers.origin }, 'collab upgrade from another origin refused');
				return { status: 403, reason: 'cross-origin' };
			}
			const address = addressOf(request);
			if (!sockets.addressHasRoom(address)) {
				log().warn({ address }, 'collab upgrade refused: too many sockets from this address');
				return { status: 429, reason: 'too-many-sockets' };
			}
			return null;
		},
		accept(socket, incoming) {
			let request: Request;
			try {
				request = webRequest(incoming);
			} catch {
				return socket.close(4400, 'bad-request'); // a Host header no URL can be built from
			}
			sockets.countAddress(socket, addressOf(incoming));
			// Hocuspocus 4 does not listen to the socket itself: messages (through the flood guard)
			// and the close are ours to hand on.
			const client = hocuspocus.handleConnection(socket, request, { [SOCKET]: socket } satisfies SocketContext);
			guardSocket(socket, limits, (data) => client.handleMessage(data));
			// A socket whose network died silently is closed within seconds (its presence with it).
			keepAlive(socket);
			socket.once('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }));
		},
		warmUp(documentName) {
			if (!documentStates.readsFromStorage(documentName)) void warmUp(hocuspocus, documentName);
		},
		holdForSocket(documentName) {
			void warmUp(hocuspocus, documentName);
		},
		documentState(documentName) {
			return documentStates.read(documentName);
		},
		async close() {
			setLiveDocuments(null);
			hocuspocus.closeConnections();
			hocuspocus.flushPendingStores();
			await durableLog.flush();
			if (scaleOut) {
				await scaleOut.scaleOut.onDestroy();
				await scaleOut.relay.onDestroy();
			}
		}
	};
}
