/**
 * Several server instances behind one load balancer (REDIS_URL and DATABASE_URL set).
 *
 * - `RelayExtension` is Hocuspocus' Redis extension, made safe to run in production:
 *   it relays each accepted update as the update itself (one message, applied on the other
 *   instances with the Redis origin, so they neither log nor re-publish it) instead of the
 *   extension's state-vector round trip; it never rejects a hook (Hocuspocus does not catch
 *   `onChange`/`onAwarenessUpdate` rejections, which would end the process); it does not take
 *   a Redis lock before storing (our stores only trigger compaction, which is safe from any
 *   instance); and a document loads even while Redis is down.
 * - `ScaleOutExtension` keeps the instances consistent around faults: the workflow and
 *   session events are bridged through Redis (`bridgeEvents`); when Redis comes back every
 *   loaded document is resubscribed and resynced and every open plan re-checked (events sent
 *   during the outage are lost); and every few seconds each loaded document catches up from
 *   the shared update log, so an update accepted by an instance that died before relaying it
 *   still reaches the others.
 */
import type {
	Document,
	Extension,
	Hocuspocus,
	afterLoadDocumentPayload,
	beforeBroadcastStatelessPayload,
	onAwarenessUpdatePayload,
	onChangePayload,
	onConfigurePayload,
	onStoreDocumentPayload
} from '@hocuspocus/server';
import { MessageType, isTransactionOrigin } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';
import IORedis from 'ioredis';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { and, gt, inArray, max } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { bridgeEvents, events } from '$lib/server/events';
import { planIdFromDocName } from '$lib/domain/docNames';
import { log } from '$lib/server/log';
import { storedOf } from './DurableLogExtension';
import { syncMessage } from './firstSync';

type RedisClient = import('ioredis').Redis;

/** ioredis options from a redis:// or rediss:// URL: fail fast while disconnected, retry forever. */
export function redisOptionsFromUrl(redisUrl: string) {
	const u = new URL(redisUrl);
	const db = Number(u.pathname.replace(/^\//, '') || 0);
	return {
		host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
		port: Number(u.port || 6379),
		options: {
			username: u.username ? decodeURIComponent(u.username) : undefined,
			password: u.password ? decodeURIComponent(u.password) : undefined,
			db: Number.isFinite(db) ? db : 0,
			tls: u.protocol === 'rediss:' ? {} : undefined,
			// A command while Redis is away fails at once instead of piling up; the resync on
			// reconnect covers what was not relayed.
			enableOfflineQueue: false,
			maxRetriesPerRequest: 1,
			retryStrategy: (times: number) => Math.min(100 * times, 1000),
			lazyConnect: false
		}
	};
}

export class RelayExtension extends Redis {
	constructor(redisUrl: string, identifier?: string) {
		const { host, port, options } = redisOptionsFromUrl(redisUrl);
		let clients = 0;
		super({
			prefix: 'ruamphaen',
			...(identifier ? { identifier } : {}),
			// The document log is authoritative: a cold load does not wait for a peer's state.
			awaitInitialSyncTimeout: 0,
			// The extension creates the publisher, then the subscriber, and subscribes its reply
			// channel at once: the subscriber queues that while it connects (the publisher fails fast).
			createClient: () => new IORedis(port, host, clients++ === 0 ? options : { ...options, enableOfflineQueue: true })
		});
		// Swallow errors of a relayed message (a bad message must not end the process).
		const handle = (this as unknown as { handleIncomingMessage: (channel: Buffer, data: Buffer) => Promise<void> }).handleIncomingMessage;
		this.sub.removeListener('messageBuffer', handle);
		this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
			try {
				if (this.applyRelayedAwareness(data)) return;
				void Promise.resolve(handle(channel, data)).catch((err) => log().warn({ err }, 'could not apply a relayed message'));
			} catch (err) {
				log().warn({ err }, 'could not apply a relayed message');
			}
		});
		for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
	}

	/**
	 * Applies presence relayed by another instance as it came. Hocuspocus 4.7 re-encodes an
	 * incoming awareness update from the states it decodes, which drops removals (a null
	 * state): someone who left on another instance would stay here until presence times out.
	 * Returns false for anything that is not another instance's presence.
	 */
	private applyRelayedAwareness(data: Buffer): boolean {
		const idLength = data[0];
		if (data.toString('utf-8', 1, idLength + 1) === this.configuration.identifier) return false;
		const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset + idLength + 1, data.byteLength - idLength - 1));
		const documentName = decoding.readVarString(d);
		if (decoding.readVarUint(d) !== MessageType.Awareness) return false;
		const document = this.instance?.documents.get(documentName);
		if (document && !document.isDestroyed) applyAwarenessUpdate(document.awareness, decoding.readVarUint8Array(d), this.redisTransactionOrigin);
		return true;
	}

	key(documentName: string) {
		return `${this.configuration.prefix}:${documentName}`;
	}

	private publishQuietly(documentName: string, message: Uint8Array) {
		if (this.pub.status !== 'ready') return;
		this.pub
			.publish(this.key(documentName), Buffer.concat([this.messagePrefix, Buffer.from(message)]))
			.catch((err) => log().debug({ err, documentName }, 'relay publish failed'));
	}

	/** Subscribes, then asks the other instances for what they have (state vector + awareness). */
	override async afterLoadDocument(payload: afterLoadDocumentPayload) {
		if (this.sub.status !== 'ready') return; // resynced when Redis is back
		try {
			await super.afterLoadDocument(payload);
		} catch (err) {
			log().warn({ err, documentName: payload.documentName }, 'relay subscribe failed; resync when Redis is back');
		}
	}

	/** Asks the other instances to exchange everything either side lacks for this document. */
	resync(document: Document) {
		this.sub.subscribe(this.key(document.name)).catch(() => undefined);
		this.publishQuietly(document.name, syncMessage(document.name, messageYjsSyncStep1, Y.encodeStateVector(document)));
		const q = encoding.createEncoder();
		encoding.writeVarString(q, document.name);
		encoding.writeVarUint(q, MessageType.QueryAwareness);
		this.publishQuietly(document.name, encoding.toUint8Array(q));
	}

	override async onChange({ transactionOrigin, documentName, update }: onChangePayload) {
		if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return;
		// An editor's update is applied here before its append commits (DurableLogExtension);
		// another instance must get it only once stored: were this one to die first, the other
		// would hold it without it being in the log, and tell reconnecting clients it has it.
		const stored = storedOf(transactionOrigin);
		if (stored) return void stored.then((ok) => ok && this.publishQuietly(documentName, syncMessage(documentName, messageYjsSyncStep2, update)));
		this.publishQuietly(documentName, syncMessage(documentName, messageYjsSyncStep2, update));
	}

	override async onAwarenessUpdate(payload: onAwarenessUpdatePayload) {
		try {
			if (this.pub.status !== 'ready') return;
			// Removals are published here, at once: the extension publishes nothing for a document
			// whose connections are gone by the end of the turn, so the last client to leave this
			// instance stayed in the others' presence until it timed out (30 s).
			const { documentName, awareness, removed } = payload;
			if (removed.length) {
				const e = encoding.createEncoder();
				encoding.writeVarString(e, documentName);
				encoding.writeVarUint(e, MessageType.Awareness);
				encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, removed));
				this.publishQuietly(documentName, encoding.toUint8Array(e));
			}
			// The extension schedules the rest (once per turn) and logs its own failures.
			if (payload.added.length || payload.updated.length) await super.onAwarenessUpdate({ ...payload, removed: [] });
		} catch (err) {
			log().debug({ err }, 'relay awareness publish failed');
		}
	}

	override async beforeBroadcastStateless(payload: beforeBroadcastStatelessPayload) {
		try {
			if (this.pub.status === 'ready') return await super.beforeBroadcastStateless(payload);
		} catch (err) {
			log().debug({ err }, 'relay stateless publish failed');
		}
		return 0;
	}

	/** No Redis lock: our store hook only triggers compaction, which any instance may run. */
	override async onStoreDocument(_payload: onStoreDocumentPayload) {}

	/** No lock to release, and no reason to hold a server-side write for a second. */
	override async afterStoreDocument() {}

	override async onDestroy() {
		this.pub.disconnect(false);
		this.sub.disconnect(false);
	}
}

export interface ScaleOutOptions {
	db: Database;
	relay: RelayExtension;
	/** Origin for updates replayed from the log: the durable log skips logging them again. */
	replayOrigin: unknown;
	/** How often loaded documents catch up from the shared log, ms. */
	catchUpMs?: number;
}

export class ScaleOutExtension implements Extension {
	priority = 900;
	private instance?: Hocuspocus;
	private timer?: NodeJS.Timeout;
	private bridge?: { close(): Promise<void> };
	private eventsSub?: RedisClient;
	/** Log rows above this seq have not been replayed yet (with one interval of overlap). */
	private since = -1;
	private nextSince = -1;
	private running?: Promise<void>;
	private wasDown = false;

	constructor(private readonly options: ScaleOutOptions) {}

	async onConfigure({ instance }: onConfigurePayload) {
		this.instance = instance;
		const { relay } = this.options;
		relay.sub.on('ready', () => this.onRedisReady());
		relay.sub.on('end', () => undefined);
		relay.sub.on('close', () => {
			if (!this.wasDown) log().warn('redis connection lost: instances relay nothing until it is back');
			this.wasDown = true;
		});
		const sub = (relay.pub as RedisClient).duplicate({ enableOfflineQueue: true });
		sub.on('error', () => undefined);
		this.eventsSub = sub;
		this.bridge = await bridgeEvents(
			{
				publish: async (channel, message) => {
					if (relay.pub.status === 'ready') await relay.pub.publish(channel, message);
				},
				subscribe: async (channel, onMessage) => {
					sub.on('message', (ch: string, message: string) => {
						if (ch === channel) onMessage(message);
					});
					sub.subscribe(channel).catch((err: unknown) => log().warn({ err }, 'event bridge subscribe failed'));
				},
				close: async () => {
					sub.disconnect(false);
				}
			},
			{ onError: (err) => log().warn({ err }, 'event bridge error') }
		);
		this.timer = setInterval(() => void this.catchUp(), this.options.catchUpMs ?? 5000);
		this.timer.unref();
	}

	async onDestroy() {
		clearInterval(this.timer);
		await this.bridge?.close();
	}

	private loaded(): Document[] {
		return this.instance ? [...this.instance.documents.values()].filter((d) => !d.isLoading && !d.isDestroyed) : [];
	}

	private onRedisReady() {
		const reconnected = this.wasDown;
		this.wasDown = false;
		if (!reconnected) return;
		log().warn({ documents: this.instance?.documents.size ?? 0 }, 'redis is back: resyncing documents and re-checking access');
		// Twice: the other instances may not have resubscribed yet the first time.
		const resyncAll = () => {
			for (const document of this.loaded()) this.options.relay.resync(document);
		};
		resyncAll();
		setTimeout(resyncAll, 1000).unref();
		void this.catchUp();
		// Workflow and session events sent while Redis was away were lost.
		for (const document of this.loaded()) {
			const planId = planIdFromDocName(document.name);
			if (planId) events().emit('planAccessChanged', planId);
		}
	}

	/** Applies log rows of loaded documents that this instance may not have seen. */
	catchUp(): Promise<void> {
		this.running ??= this.runCatchUp().finally(() => (this.running = undefined));
		return this.running;
	}

	private async runCatchUp() {
		const { db, replayOrigin } = this.options;
		const { docUpdates } = db.t;
		try {
			if (this.since < 0) {
				const [row] = await db.orm.select({ head: max(docUpdates.seq) }).from(docUpdates);
				this.since = this.nextSince = Number(row?.head ?? 0);
				return;
			}
			const documents = this.loaded();
			const byName = new Map(documents.map((d) => [d.name, d]));
			const from = this.since;
			let head = this.nextSince;
			if (byName.size) {
				const rows = await db.orm
					.select({ seq: docUpdates.seq, docName: docUpdates.docName, data: docUpdates.data })
					.from(docUpdates)
					.where(and(gt(docUpdates.seq, from), inArray(docUpdates.docName, [...byName.keys()])));
				let applied = 0;
				for (const row of rows) {
					head = Math.max(head, Number(row.seq));
					const document = byName.get(row.docName);
					if (!document || document.isDestroyed) continue;
					const before = Y.encodeStateVector(document);
					try {
						Y.applyUpdate(document, row.data, replayOrigin);
					} catch (err) {
						log().error({ err, seq: row.seq }, 'skipped unreadable update log entry during catch-up');
					}
					if (!equalBytes(before, Y.encodeStateVector(document))) applied++;
				}
				if (applied) log().warn({ applied }, 'caught up updates another instance accepted but did not relay');
			} else {
				const [row] = await db.orm.select({ head: max(docUpdates.seq) }).from(docUpdates);
				head = Math.max(head, Number(row?.head ?? 0));
			}
			// Re-read one interval back next time: a PostgreSQL row with a lower seq may commit
			// after one with a higher seq.
			this.since = this.nextSince;
			this.nextSince = head;
		} catch (err) {
			log().warn({ err }, 'log catch-up failed; retrying');
		}
	}
}

function equalBytes(a: Uint8Array, b: Uint8Array) {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** The extensions for a scaled-out instance, in the order `createCollab` registers them. */
export function createScaleOut(options: { redisUrl: string; db: Database; replayOrigin: unknown; catchUpMs?: number }) {
	const relay = new RelayExtension(options.redisUrl);
	const scaleOut = new ScaleOutExtension({ db: options.db, relay, replayOrigin: options.replayOrigin, catchUpMs: options.catchUpMs });
	return { relay, scaleOut, extensions: [relay, scaleOut] as Extension[] };
}
