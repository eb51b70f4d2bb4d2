/**
 * Collaboration sockets are bounded: per user and per address (with low caps configured
 * here), a client that stops reading is cut off once its unsent data passes the bound, and
 * a page on another site cannot open the socket at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { waitFor } from '../helpers/collabClient';

let server: RunningServer;
let docName: string;
const open: RawClient[] = [];

const PER_USER = 3;
const PER_ADDRESS = 5;
const BUFFER_BYTES = 1024 * 1024;

beforeAll(async () => {
	server = await startServer({
		env: { MAX_SOCKETS_PER_USER: String(PER_USER), MAX_SOCKETS_PER_ADDRESS: String(PER_ADDRESS), MAX_SOCKET_BUFFER_BYTES: String(BUFFER_BYTES) }
	});
	({ docName } = await demoPlan(server, await signIn(server, 'officer')));
});
afterAll(async () => {
	open.forEach((c) => c.socket.terminate());
	await server?.kill();
});

async function authenticated(cookie: string): Promise<RawClient> {
	const client = new RawClient(server.wsUrl, docName, cookie);
	open.push(client);
	await client.opened;
	client.auth();
	await client.waitFor('authenticated');
	return client;
}

async function closeAll() {
	const closing = open.splice(0).map((c) => (c.socket.close(), c.closed));
	await Promise.all(closing);
}

/** The HTTP status an upgrade is answered with (101 when it is accepted). */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(server.wsUrl, { headers });
		ws.once('upgrade', (res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			res.resume();
		});
		ws.once('error', (err) => {
			if (!/Unexpected server response/.test(err.message)) reject(err);
		});
	});
}

describe('caps on open sockets', () => {
	it('refuses a user more sockets than the cap, and frees a place when one closes', async () => {
		const support = await signIn(server, 'support');
		const first = await Promise.all(Array.from({ length: PER_USER }, () => authenticated(support)));

		const extra = new RawClient(server.wsUrl, docName, support);
		open.push(extra);
		await extra.opened;
		extra.auth();
		expect((await extra.waitFor('denied')).reason).toBe('too-many-sockets');
		expect(await extra.closed).toBe(4429);

		first[0].close();
		await first[0].closed;
		await authenticated(support); // its place is free again
		await closeAll();
	});

	it('answers an upgrade from an address over its cap with 429, before upgrading', async () => {
		const [support, committee] = await Promise.all([signIn(server, 'support'), signIn(server, 'committee')]);
		await Promise.all([...Array.from({ length: PER_USER }, () => authenticated(support)), ...Array.from({ length: PER_ADDRESS - PER_USER }, () => authenticated(committee))]);
		expect(await upgradeStatus({ cookie: committee })).toBe(429);
		expect(await upgradeStatus({})).toBe(429);
		open[0].close();
		await open[0].closed;
		open.shift();
		expect(await upgradeStatus({})).toBe(101);
		await closeAll();
	});
});

describe('a client that does not read', () => {
	it('is cut off once what the server holds for it passes the bound', async () => {
		const cookie = await signIn(server, 'support');
		const client = await authenticated(cookie);
		client.syncStep1();
		const first = await client.waitFor('sync-step2');
		const planBytes = first.payload!.length;
		// Stop reading, then ask for the whole plan again and again: ~40 MB the server would
		// otherwise keep for this socket (loopback's kernel buffers take a few MB of it).
		let received = 0;
		client.socket.on('message', (data: Buffer) => (received += data.length));
		client.socket.pause();
		const asks = Math.ceil((40 * 1024 * 1024) / planBytes);
		for (let i = 0; i < asks; i++) client.syncStep1();
		// The server logs the cut; then the client reads what had reached it and sees the end.
		await waitFor(() => /cut off: the client does not read/.test(server.output()), 'the server cuts the socket off', 30_000);
		client.socket.resume();
		const code = await client.closed;
		expect(code).toBe(1006); // destroyed, not a close handshake it would never read
		expect(received).toBeLessThan(asks * planBytes / 2);
		open.splice(open.indexOf(client), 1);
	});
});

describe('a client asking for the plan again and again', () => {
	it('is closed once past its budget of sync requests', async () => {
		const client = await authenticated(await signIn(server, 'support'));
		// A state vector naming a client the server never saw: each answer is a new encoding
		// of the whole plan.
		const stranger = encoding.createEncoder();
		encoding.writeVarUint(stranger, 1);
		encoding.writeVarUint(stranger, 987654321);
		encoding.writeVarUint(stranger, 0);
		for (let i = 0; i < 40; i++) client.syncStep1(encoding.toUint8Array(stranger));
		await waitFor(() => client.events.some((e) => e.kind === 'closed'), 'the client is closed', 10_000);
		expect(await client.closed).toBe(4429);
		expect(client.events.filter((e) => e.kind === 'sync-step2').length).toBeLessThan(20);
		open.splice(open.indexOf(client), 1);
	});
});

describe('the origin of the upgrade', () => {
	it('refuses a page on another site with 403 and accepts the own origin and clients without an Origin', async () => {
		const cookie = await signIn(server, 'support');
		expect(await upgradeStatus({ cookie, origin: 'https://evil.example' })).toBe(403);
		expect(await upgradeStatus({ cookie, origin: 'null' })).toBe(403);
		expect(await upgradeStatus({ cookie, origin: server.url })).toBe(101);
		expect(await upgradeStatus({ cookie })).toBe(101);
	});
});
