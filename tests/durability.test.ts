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
import { readScratch, scratchText } from './helpers/planCells';
import type * as Y from 'yjs';

const CLIENTS = 3;

/** Client n's map entries, in edit order. */
const entriesOf = (doc: Y.Doc, n: number) =>
	[...doc.getMap<number>('revisions').entries()].filter(([k]) => k.startsWith(`r${n}-`)).map(([, v]) => v).sort((a, b) => a - b);
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
			const text = scratchText(c.doc, `t${n}`);
			text.insert(text.length, `${i % 10}`);
			c.doc.getMap('revisions').set(`r${n}-${i}`, i); // a map entry per edit as well
		});
		if (i % 25 === 0) await new Promise((r) => setTimeout(r, 5));
	}
	await Promise.all(clients.map((c) => waitSynced(c, 20_000)));
	const expected = clients.map((c, n) => ({ text: readScratch(c.doc, `t${n}`), list: entriesOf(c.doc, n) }));

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
		expect(readScratch(fresh.doc, `t${n}`)).toBe(expected[n].text);
		expect(entriesOf(fresh.doc, n)).toEqual(expected[n].list);
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
