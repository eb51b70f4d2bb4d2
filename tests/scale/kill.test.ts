/**
 * Two instances on PostgreSQL + Redis behind a round-robin balancer serve one plan to 50
 * editors. Instance A is killed with SIGKILL while they type: its clients reconnect through
 * the balancer (to B, and to A once it is back). After convergence every edit is present,
 * every replica is equal, and a cold instance reading only PostgreSQL has the same content —
 * including edits A acknowledged to clients that went away with it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitSynced, waitFor } from '../helpers/collabClient';
import { readScratch } from '../helpers/planCells';
import { demoPlan, signIn } from '../helpers/http';
import { startServer } from '../helpers/server';
import { converged, editor, every, expectedText, freePort, startBalancer, type Editor, useCluster } from './cluster';

const CLIENTS = Number(process.env.SCALE_CLIENTS ?? 50);
const WITNESSES = 5;

describe('SIGKILL of one of two instances while 50 clients edit', () => {
	const cluster = useCluster();

	it('loses no acknowledged edit and converges', { timeout: 85_000 }, async () => {
		const [portA, portB] = [await freePort(), await freePort()];
		let a = await cluster.instance(portA);
		const b = await cluster.instance(portB);
		const balancer = await startBalancer(() => [portA, portB]);
		cluster.closers.push(() => balancer.close());

		const cookies = [await signIn(a, 'support'), await signIn(b, 'support2')];
		const { docName } = await demoPlan(a, cookies[0]);

		const editors: Editor[] = [];
		for (let i = 0; i < CLIENTS; i++) {
			const e = editor(balancer.wsUrl, docName, cookies[i % 2], `e${i}`);
			editors.push(e);
			cluster.clients.push(e.client);
		}
		await Promise.all(editors.map((e) => waitSynced(e.client, 40_000)));

		// Witnesses talk to A directly and vanish with it: only the server side can keep their edits.
		const witnesses = Array.from({ length: WITNESSES }, (_, i) => editor(a.wsUrl, docName, cookies[i % 2], `w${i}`));
		await Promise.all(witnesses.map((w) => waitSynced(w.client, 20_000)));

		// 100 edits a second in all: each editor types about 2 characters a second.
		let tick = 0;
		const stop = every(20, () => {
			editors[tick++ % CLIENTS].edit();
			editors[tick++ % CLIENTS].edit();
		});
		await new Promise((r) => setTimeout(r, 2500));

		for (let n = 0; n < 20; n++) witnesses.forEach((w) => w.edit());
		await Promise.all(witnesses.map((w) => waitSynced(w.client, 10_000)));
		witnesses.forEach((w) => w.client.destroy());
		const killed = await a.kill('SIGKILL');
		expect(killed.signal).toBe('SIGKILL');
		const killedAt = Date.now();

		await new Promise((r) => setTimeout(r, 2000));
		a = await cluster.instance(portA);
		await new Promise((r) => setTimeout(r, 2000));
		stop();

		await converged(cluster.clients, 40_000);
		const convergedMs = Date.now() - killedAt;
		const doc = editors[0].client.doc;
		const total = editors.reduce((n, e) => n + e.edits, 0);
		for (const e of editors) expect(readScratch(doc, e.name)).toBe(expectedText(e.edits));

		// Fresh clients on each live instance, and a cold instance without Redis reading only PostgreSQL.
		const cold = await startServer({ databaseUrl: cluster.database.url });
		cluster.servers.push(cold);
		const fresh = [connectClient(a.wsUrl, docName, { cookie: cookies[0] }), connectClient(b.wsUrl, docName, { cookie: cookies[1] }), connectClient(cold.wsUrl, docName, { cookie: cookies[0] })];
		cluster.clients.push(...fresh);
		await Promise.all(fresh.map((c) => waitSynced(c, 20_000)));
		// The live instances may still be catching up from the log (every few seconds).
		const state = (d: Y.Doc) => JSON.stringify([...editors.map((e) => readScratch(d, e.name)), ...witnesses.map((w) => readScratch(d, w.name))]);
		await waitFor(() => fresh.every((c) => state(c.doc) === state(doc)), 'fresh replicas equal', 15_000);
		for (const c of fresh) {
			for (const e of editors) expect(readScratch(c.doc, e.name)).toBe(expectedText(e.edits));
			for (const w of witnesses) expect(readScratch(c.doc, w.name)).toBe(expectedText(20));
		}
		console.info(`kill: ${CLIENTS} editors, ${total} edits + ${WITNESSES * 20} witnessed; converged ${convergedMs} ms after SIGKILL; all ${CLIENTS + 3} replicas equal`);
	});
});
