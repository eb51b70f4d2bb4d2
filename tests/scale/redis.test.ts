/**
 * Redis restarted while people edit on two instances: during the outage each instance still
 * accepts and stores its own clients' edits (they just are not relayed); when Redis is back
 * the instances resubscribe and resync, and every client converges with nothing lost.
 */
import { describe, expect, it } from 'vitest';
import { waitSynced } from '../helpers/collabClient';
import { readScratch } from '../helpers/planCells';
import { demoPlan, signIn } from '../helpers/http';
import { converged, editor, every, expectedText, type Editor, useCluster } from './cluster';

const PER_INSTANCE = 10;

describe('Redis restarted while people edit', () => {
	const cluster = useCluster();

	it('resyncs the instances and loses nothing', { timeout: 80_000 }, async () => {
		const a = await cluster.instance();
		const b = await cluster.instance();
		const cookies = [await signIn(a, 'support'), await signIn(b, 'support2')];
		const { docName } = await demoPlan(a, cookies[0]);

		const editors: Editor[] = [];
		for (let i = 0; i < 2 * PER_INSTANCE; i++) {
			const e = editor((i % 2 ? b : a).wsUrl, docName, cookies[i % 2], `e${i}`);
			editors.push(e);
			cluster.clients.push(e.client);
		}
		await Promise.all(editors.map((e) => waitSynced(e.client, 30_000)));

		let tick = 0;
		const stop = every(20, () => editors[tick++ % editors.length].edit());
		await new Promise((r) => setTimeout(r, 2000));

		await cluster.redis.kill();
		const killedAt = Date.now();
		// Edits keep being accepted and stored on both sides during the outage.
		await new Promise((r) => setTimeout(r, 3000));
		expect(a.process.exitCode).toBeNull();
		expect(b.process.exitCode).toBeNull();
		const during = editors.map((e) => e.client.provider.unsyncedChanges);
		await cluster.redis.start();
		const backAt = Date.now();
		await new Promise((r) => setTimeout(r, 2000));
		stop();

		await converged(cluster.clients, 30_000);
		const convergedMs = Date.now() - backAt;
		const doc = editors[0].client.doc;
		for (const e of editors) expect(readScratch(doc, e.name)).toBe(expectedText(e.edits));
		const total = editors.reduce((n, e) => n + e.edits, 0);
		console.info(
			`redis: outage ${backAt - killedAt} ms, ${total} edits by ${editors.length} clients on 2 instances; ` +
				`max unsynced during the outage ${Math.max(...during)}; converged ${convergedMs} ms after Redis came back`
		);
	});
});
