/**
 * The lock across instances: a plan submitted (content frozen) through instance A makes the
 * connections open on instance B read-only at once (the workflow event is relayed through
 * Redis), B's new connections are read-only, and nothing B's clients send afterwards is
 * stored or relayed.
 */
import { describe, expect, it } from 'vitest';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { hasPlanted, plantedUpdate, readScratch } from '../helpers/planCells';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { startServer } from '../helpers/server';
import { step } from '../helpers/workflow';
import { editor, expectedText, useCluster } from './cluster';

describe('a lock made on instance A', () => {
	const cluster = useCluster();

	it('makes instance B read-only too', { timeout: 60_000 }, async () => {
		const a = await cluster.instance();
		const b = await cluster.instance();
		const officer = await signIn(a, 'officer');
		const support = await signIn(b, 'support');
		const { id: planId, docName } = await demoPlan(a, officer);

		const onB = editor(b.wsUrl, docName, support, 'onB');
		cluster.clients.push(onB.client);
		await waitSynced(onB.client);
		let flippedAt = 0;
		onB.client.provider.on('stateless', ({ payload }: { payload: string }) => {
			if (JSON.parse(payload).readOnly === true) flippedAt ||= Date.now();
		});
		for (let i = 0; i < 5; i++) onB.edit();
		await waitSynced(onB.client);

		await step(a, planId, 'submit', officer);
		const committedAt = Date.now();
		await waitFor(() => flippedAt > 0, 'B told its client the plan is read-only', 5000);

		// What B's clients send now is neither stored nor relayed.
		for (let i = 0; i < 3; i++) onB.edit();
		const raw = new RawClient(b.wsUrl, docName, support);
		cluster.clients.push({ destroy: () => raw.close() } as unknown as TestClient);
		await raw.opened;
		raw.auth();
		const auth = await raw.waitFor('authenticated');
		expect(auth.scope).toBe('readonly');
		raw.update(plantedUpdate('sneaky', 'after the lock'));
		await new Promise((r) => setTimeout(r, 1000));

		const cold = await startServer({ databaseUrl: cluster.database.url });
		cluster.servers.push(cold);
		const fresh = [connectClient(a.wsUrl, docName, { cookie: officer }), connectClient(b.wsUrl, docName, { cookie: support }), connectClient(cold.wsUrl, docName, { cookie: officer })];
		cluster.clients.push(...fresh);
		await Promise.all(fresh.map((c) => waitFor(() => c.provider.isSynced, 'fresh client synced')));
		for (const c of fresh) {
			expect(readScratch(c.doc, 'onB')).toBe(expectedText(5));
			expect(hasPlanted(c.doc, 'sneaky')).toBe(false);
		}
		console.info(`lock: instance B flipped its connection to read-only ${flippedAt - committedAt} ms after A's transition returned (negative: before the HTTP reply arrived)`);
	});
});
