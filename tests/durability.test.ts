/**
 * "Synced" means "on disk": clients edit until their providers report every change
 * acknowledged, the server is killed with SIGKILL (no chance to flush anything), restarted on
 * the same data, and a fresh client must see every acknowledged edit — on SQLite and on
 * PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir } from './helpers/server';
import { createTestDatabase } from './helpers/postgres';
import { connectClient, waitSynced, waitFor } from './helpers/collabClient';
import { demoPlan, signIn } from './helpers/http';

const CLIENTS = 3;
const EDITS_PER_CLIENT = 100;

async function killAndCheck(start: () => ReturnType<typeof startServer>) {
	const server = await start();
	const cookie = await signIn(server, 'support');
	const { docName } = await demoPlan(server, cookie);
	const clients = Array.from({ length: CLIENTS }, () => connectClient(server.wsUrl, docName, { cookie }));
	await Promise.all(clients.map((c) => waitSynced(c)));

	// Each client types into its own text and list, interleaved, without waiting in between.
	for (let i = 0; i < EDITS_PER_CLIENT; i++) {
		clients.forEach((c, n) => {
			c.doc.getText(`t${n}`).insert(c.doc.getText(`t${n}`).length, `${i % 10}`);
			c.doc.getArray<number>(`a${n}`).push([i]);
		});
		if (i % 25 === 0) await new Promise((r) => setTimeout(r, 5));
	}
	await Promise.all(clients.map((c) => waitSynced(c, 20_000)));
	const expected = clients.map((c, n) => ({ text: c.doc.getText(`t${n}`).toString(), list: c.doc.getArray(`a${n}`).toArray() }));

	const killed = await server.kill('SIGKILL');
	expect(killed.signal).toBe('SIGKILL');
	clients.forEach((c) => c.destroy());

	const restartStarted = Date.now();
	const again = await start();
	const restartMs = Date.now() - restartStarted;
	const fresh = connectClient(again.wsUrl, docName, { cookie });
	await waitFor(() => fresh.provider.isSynced, 'fresh client synced after restart');
	const firstSyncMs = Date.now() - restartStarted;
	for (let n = 0; n < CLIENTS; n++) {
		expect(fresh.doc.getText(`t${n}`).toString()).toBe(expected[n].text);
		expect(fresh.doc.getArray(`a${n}`).toArray()).toEqual(expected[n].list);
	}
	expect(expected[0].text.length).toBe(EDITS_PER_CLIENT);
	console.info(`durability: ${CLIENTS * EDITS_PER_CLIENT * 2} acknowledged edits survived SIGKILL; restart to listening ${restartMs} ms, to first sync ${firstSyncMs} ms`);
	fresh.destroy();
	await again.kill('SIGTERM');
}

describe('acknowledged edits survive SIGKILL', () => {
	it('on SQLite', async () => {
		const dataDir = tempDir();
		await killAndCheck(() => startServer({ dataDir }));
	});

	const databases: { drop(): Promise<void> }[] = [];
	afterAll(async () => {
		await Promise.all(databases.map((d) => d.drop()));
	});

	it('on PostgreSQL', async () => {
		const database = await createTestDatabase();
		databases.push(database);
		await killAndCheck(() => startServer({ databaseUrl: database.url }));
	});
});
