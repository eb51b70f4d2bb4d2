/**
 * What the collaboration server must keep doing whatever Hocuspocus version carries it (these
 * guard the move to Hocuspocus 4, whose batching, transaction origins and Redis reply channel
 * each broke one of them in a first attempt):
 * - a cold load sends the stored state to the first client once, not once more as a broadcast;
 * - with two instances behind Redis, an edit on one reaches a client of the other at once
 *   (not through the 5 s log catch-up);
 * - a client that leaves disappears from the others' presence at once (no ghost cursor).
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { readScratch, scratchText } from '../helpers/planCells';
import { useCluster } from './cluster';

describe('a cold load', () => {
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.kill();
	});

	it('sends the stored state to the first client once', async () => {
		server = await startServer();
		const cookie = await signIn(server, 'officer');
		const { docName } = await demoPlan(server, cookie);
		const client = new RawClient(server.wsUrl, docName, cookie);
		await client.opened;
		client.auth();
		client.syncStep1();
		const first = await client.waitFor('sync-step2');
		const state = new Y.Doc();
		Y.applyUpdate(state, first.payload!);
		// A second request, sent only now, is answered after anything the load left queued.
		const received = client.events.length;
		client.syncStep1(Y.encodeStateVector(state));
		await waitFor(() => client.events.slice(received).some((e) => e.kind === 'sync-step2'), 'second sync answer');
		const carried = client.events
			.slice(0, received)
			.filter((e) => e.kind === 'sync-step2' || e.kind === 'sync-update')
			.reduce((n, e) => n + e.payload!.length, 0);
		const stateBytes = Y.encodeStateAsUpdate(state).length;
		expect(stateBytes).toBeGreaterThan(1000);
		expect(carried).toBeLessThan(1.5 * stateBytes);
		client.close();
	});
});

describe('two instances behind Redis', () => {
	const cluster = useCluster();

	function join(wsUrl: string, docName: string, cookie: string): TestClient {
		const client = connectClient(wsUrl, docName, { cookie });
		cluster.clients.push(client);
		return client;
	}

	it('relay an edit to the other instance within a second', { timeout: 60_000 }, async () => {
		const a = await cluster.instance();
		const b = await cluster.instance();
		const cookieA = await signIn(a, 'support');
		const cookieB = await signIn(b, 'support2');
		const { docName } = await demoPlan(a, cookieA);
		const onA = join(a.wsUrl, docName, cookieA);
		const onB = join(b.wsUrl, docName, cookieB);
		await Promise.all([waitSynced(onA, 30_000), waitSynced(onB, 30_000)]);
		for (let i = 0; i < 3; i++) {
			const text = `edit-${i}`;
			scratchText(onA.doc, 'relay').insert(0, text);
			await waitFor(() => readScratch(onB.doc, 'relay').startsWith(text), `edit ${i} relayed to B`, 1000);
		}
	});

	it("drop a client's presence at once when it leaves", { timeout: 60_000 }, async () => {
		const a = cluster.servers[0] ?? (await cluster.instance());
		const b = cluster.servers[1] ?? (await cluster.instance());
		const cookieA = await signIn(a, 'support');
		const cookieB = await signIn(b, 'support2');
		const { docName } = await demoPlan(a, cookieA);
		// Nobody else on the plan (the previous test's clients would keep B's document open).
		for (const client of cluster.clients.splice(0)) client.destroy();
		const watcher = join(a.wsUrl, docName, cookieA);
		const sameInstance = join(a.wsUrl, docName, cookieA);
		// The only client on B: the last to leave an instance must disappear from the others too.
		const otherInstance = join(b.wsUrl, docName, cookieB);
		await Promise.all([watcher, sameInstance, otherInstance].map((c) => waitSynced(c, 30_000)));
		const cell = { table: 'projects', rowId: 'PJ-1', col: 'name' };
		sameInstance.provider.setAwarenessField('cell', cell);
		otherInstance.provider.setAwarenessField('cell', cell);
		const seen = (c: TestClient) => watcher.provider.awareness!.getStates().has(c.doc.clientID);
		await waitFor(() => seen(sameInstance) && seen(otherInstance), 'presence of both seen', 5000);
		for (const leaving of [sameInstance, otherInstance]) {
			cluster.clients.splice(cluster.clients.indexOf(leaving), 1);
			leaving.destroy();
			await waitFor(() => !seen(leaving), `presence dropped after leaving ${leaving === sameInstance ? 'A' : 'B'}`, 1000);
		}
	});
});
