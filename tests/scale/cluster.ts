/**
 * Pieces for the scale-out and fault tests, all on loopback: a private Redis server that a
 * test can kill and restart, a TCP proxy that can be cut (between a server and PostgreSQL),
 * a round-robin TCP balancer with fail-over (in front of several instances, like nginx's
 * `upstream`), and clients that edit and keep count of what they did.
 */
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../helpers/postgres';
import { connectClient, waitFor, type TestClient } from '../helpers/collabClient';
import { startServer, type RunningServer } from '../helpers/server';
import { readScratch, scratchText } from '../helpers/planCells';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
	});
}

async function waitPort(port: number, up: boolean, timeoutMs = 10_000) {
	const start = Date.now();
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const c = net.connect(port, '127.0.0.1');
			c.once('connect', () => (c.destroy(), resolve(true)));
			c.once('error', () => resolve(false));
		});
		if (open === up) return;
		if (Date.now() - start > timeoutMs) throw new Error(`port ${port} did not go ${up ? 'up' : 'down'}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** A throw-away redis-server on its own port (no persistence), killable with SIGKILL. */
export async function startRedis(port?: number) {
	const p = port ?? (await freePort());
	let child: ChildProcess | null = null;
	const redis = {
		port: p,
		url: `redis://127.0.0.1:${p}`,
		async start() {
			child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
			await waitPort(p, true);
		},
		async kill() {
			const c = child;
			child = null;
			if (!c || c.exitCode !== null) return;
			const exited = new Promise((r) => c.once('exit', r));
			c.kill('SIGKILL');
			await exited;
			await waitPort(p, false);
		}
	};
	await redis.start();
	return redis;
}

/** A TCP proxy to `targetPort` that a test can cut (resetting every connection) and restore. */
export async function startCuttableProxy(targetPort: number) {
	const sockets = new Set<net.Socket>();
	let cut = false;
	const server = net.createServer((client) => {
		if (cut) return void client.destroy();
		const upstream = net.connect(targetPort, '127.0.0.1');
		sockets.add(client).add(upstream);
		const drop = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};
		client.on('error', drop).on('close', drop);
		upstream.on('error', drop).on('close', drop);
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as net.AddressInfo;
	return {
		port,
		cut() {
			cut = true;
			for (const s of sockets) s.destroy();
			sockets.clear();
		},
		restore() {
			cut = false;
		},
		close() {
			cut = true;
			for (const s of sockets) s.destroy();
			return new Promise<void>((r) => server.close(() => r()));
		}
	};
}

/**
 * A round-robin TCP balancer over `backends` (ports), trying the next one when a backend
 * refuses — what `nginx` with several `server` lines in an `upstream` does.
 */
export async function startBalancer(backends: () => number[]) {
	const sockets = new Set<net.Socket>();
	let next = 0;
	const server = net.createServer((client) => {
		client.pause();
		sockets.add(client);
		client.on('error', () => client.destroy()).on('close', () => sockets.delete(client));
		const ports = backends();
		const tryBackend = (attempt: number) => {
			if (attempt >= ports.length || client.destroyed) return void client.destroy();
			const port = ports[next++ % ports.length];
			const upstream = net.connect(port, '127.0.0.1');
			let connected = false;
			upstream.once('error', () => {
				upstream.destroy();
				if (!connected) tryBackend(attempt + 1);
				else client.destroy();
			});
			upstream.once('connect', () => {
				connected = true;
				sockets.add(upstream);
				upstream.on('error', () => client.destroy()).on('close', () => (client.destroy(), sockets.delete(upstream)));
				client.on('close', () => upstream.destroy());
				client.pipe(upstream).pipe(client);
				client.resume();
			});
		};
		tryBackend(0);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as net.AddressInfo;
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/collab`,
		close: () =>
			new Promise<void>((r) => {
				for (const s of sockets) s.destroy();
				server.close(() => r());
			})
	};
}

/**
 * Starts one instance of the built server on PostgreSQL + Redis. The scale tests play dozens
 * of people with two accounts, so the per-user socket cap is lifted here.
 */
export function startInstance(databaseUrl: string, redisUrl: string, port?: number, env: Record<string, string> = {}): Promise<RunningServer> {
	return startServer({ databaseUrl, port, env: { REDIS_URL: redisUrl, SEED_DEMO: 'true', MAX_SOCKETS_PER_USER: '1000', ...env } });
}

/** A provider client that types into its own text cell (planCells.ts) and counts its edits. */
export interface Editor {
	client: TestClient;
	name: string;
	edits: number;
	edit(): void;
	text(): string;
}

export function editor(wsUrl: string, docName: string, cookie: string, name: string): Editor {
	const client = connectClient(wsUrl, docName, { cookie });
	const e: Editor = {
		client,
		name,
		edits: 0,
		edit() {
			const t = scratchText(client.doc, name);
			t.insert(t.length, String(e.edits % 10));
			e.edits++;
		},
		text: () => readScratch(client.doc, name)
	};
	return e;
}

/** Expected text of an editor after `n` edits. */
export function expectedText(n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += String(i % 10);
	return s;
}

/** Resolves when every client is synced and acknowledged, and all hold the same state. */
export async function converged(clients: TestClient[], timeoutMs: number) {
	await waitFor(
		() => clients.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0) && allEqual(clients.map((c) => c.doc)),
		'clients converged',
		timeoutMs
	);
}

export function allEqual(docs: Y.Doc[]): boolean {
	const first = Buffer.from(Y.encodeStateVector(docs[0])).toString('base64');
	return docs.every((d) => Buffer.from(Y.encodeStateVector(d)).toString('base64') === first);
}

/** Runs `fn` every `ms` until stopped. */
export function every(ms: number, fn: () => void) {
	const timer = setInterval(fn, ms);
	return () => clearInterval(timer);
}

/**
 * One PostgreSQL database and one private Redis for a test file's instances, torn down after
 * it with every client, extra resource and server the test registered. Call inside describe().
 */
export function useCluster() {
	const cluster = {
		database: undefined as unknown as Awaited<ReturnType<typeof createTestDatabase>>,
		redis: undefined as unknown as Awaited<ReturnType<typeof startRedis>>,
		servers: [] as RunningServer[],
		clients: [] as TestClient[],
		/** Closed after the clients and before the servers (e.g. a balancer). */
		closers: [] as (() => Promise<unknown>)[],
		/** Starts an instance on the shared database and Redis, registered for teardown. */
		async instance(port?: number): Promise<RunningServer> {
			const server = await startInstance(cluster.database.url, cluster.redis.url, port);
			cluster.servers.push(server);
			return server;
		}
	};
	beforeAll(async () => {
		cluster.database = await createTestDatabase();
		cluster.redis = await startRedis();
	});
	afterAll(async () => {
		cluster.clients.forEach((c) => c.destroy());
		for (const close of cluster.closers) await close();
		await Promise.all(cluster.servers.map((s) => s.kill('SIGKILL')));
		await cluster.redis?.kill();
		await cluster.database?.drop();
	});
	return cluster;
}
