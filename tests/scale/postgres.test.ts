/**
 * PostgreSQL briefly unavailable (every connection to it reset, new ones refused, through a
 * proxy the test cuts): the server does not crash, updates it cannot store are refused (the
 * client is told `storage-unavailable` and keeps them as unsynced — the visible state), a client
 * that arrives meanwhile is told `server-unavailable` and its socket closed, and
 * once PostgreSQL is back every edit is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/postgres';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { readScratch } from '../helpers/planCells';
import { RawClient } from '../helpers/rawClient';
import { demoPlan, signIn } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { converged, editor, every, expectedText, startCuttableProxy, type Editor } from './cluster';

describe('PostgreSQL briefly unavailable', () => {
	let database: Awaited<ReturnType<typeof createTestDatabase>>;
	let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
	const servers: RunningServer[] = [];
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await createTestDatabase();
		proxy = await startCuttableProxy(5432);
	});

	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await Promise.all(servers.map((s) => s.kill('SIGKILL')));
		await proxy?.close();
		await database?.drop();
	});

	it('refuses what it cannot store, then stores everything', { timeout: 80_000 }, async () => {
		const viaProxy = new URL(database.url);
		viaProxy.port = String(proxy.port);
		const server = await startServer({ databaseUrl: viaProxy.toString() });
		servers.push(server);
		const cookie = await signIn(server, 'support');
		const { docName } = await demoPlan(server, cookie);

		const editors: Editor[] = Array.from({ length: 6 }, (_, i) => editor(server.wsUrl, docName, cookie, `e${i}`));
		clients.push(...editors.map((e) => e.client));
		await Promise.all(editors.map((e) => waitSynced(e.client)));
		const closes: string[] = [];
		for (const e of editors) e.client.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push(`${event.code} ${event.reason}`));

		let tick = 0;
		const stop = every(20, () => editors[tick++ % editors.length].edit());
		await new Promise((r) => setTimeout(r, 1500));

		proxy.cut();
		const cutAt = Date.now();
		let maxUnsynced = 0;
		const watch = every(50, () => (maxUnsynced = Math.max(maxUnsynced, ...editors.map((e) => e.client.provider.unsyncedChanges))));
		// A client arriving now cannot be authenticated: it is told why and its socket is closed,
		// so it retries at once instead of waiting on an open socket.
		const arriving = new RawClient(server.wsUrl, docName, cookie);
		await arriving.opened;
		arriving.auth();
		expect((await arriving.waitFor('denied')).reason).toBe('server-unavailable');
		expect(await arriving.closed).toBe(4503);
		await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - cutAt))));
		expect(server.process.exitCode).toBeNull();
		// The outage is visible: changes wait as unsynced on the clients.
		expect(maxUnsynced).toBeGreaterThan(0);
		const health = await fetch(server.url + '/').then((r) => r.status).catch(() => 0);
		proxy.restore();
		const backAt = Date.now();
		await new Promise((r) => setTimeout(r, 1500));
		stop();
		watch();

		await converged(clients, 40_000);
		const convergedMs = Date.now() - backAt;
		for (const e of editors) expect(readScratch(editors[0].client.doc, e.name)).toBe(expectedText(e.edits));

		// Everything is in PostgreSQL: a cold instance reading it directly has it all.
		const cold = await startServer({ databaseUrl: database.url });
		servers.push(cold);
		const fresh = connectClient(cold.wsUrl, docName, { cookie });
		clients.push(fresh);
		await waitFor(() => fresh.provider.isSynced, 'fresh client synced', 20_000);
		for (const e of editors) expect(readScratch(fresh.doc, e.name)).toBe(expectedText(e.edits));
		const total = editors.reduce((n, e) => n + e.edits, 0);
		console.info(
			`postgres: outage ${backAt - cutAt} ms; ${total} edits; max unsynced per client ${maxUnsynced}; page status during outage ${health}; ` +
				`closes seen by clients: ${[...new Set(closes)].join(', ') || 'none'}; converged ${convergedMs} ms after PostgreSQL came back`
		);
	});
});
