/**
 * Stateless messages across instances: what the server sends (a thread changed) still
 * reaches the editors on every instance through Redis, while a client's own
 * broadcast-stateless reaches no one on any instance.
 */
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { waitFor, waitSynced } from '../helpers/collabClient';
import { demoPlan, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { RawClient } from '../helpers/rawClient';
import type { TestClient } from '../helpers/collabClient';
import { editor, useCluster } from './cluster';

describe('stateless messages on two instances', () => {
	const cluster = useCluster();

	it("relay the server's comment notice everywhere and a client's broadcast nowhere", { timeout: 60_000 }, async () => {
		const a = await cluster.instance();
		const b = await cluster.instance();
		const officer = await signIn(a, 'officer');
		const support = await signIn(b, 'support');
		const { id: planId, docName } = await demoPlan(a, officer);

		const heard: Record<'onA' | 'onB', string[]> = { onA: [], onB: [] };
		for (const [name, server, cookie] of [['onA', a, officer], ['onB', b, support]] as const) {
			const e = editor(server.wsUrl, docName, cookie, name);
			cluster.clients.push(e.client);
			await waitSynced(e.client);
			e.client.provider.on('stateless', ({ payload }: { payload: string }) => heard[name].push(payload));
		}

		// A viewer on A broadcasts a forged lock; A closes its connection.
		const viewer = new RawClient(a.wsUrl, docName, await signIn(a, 'viewer'));
		cluster.clients.push({ destroy: () => viewer.close() } as unknown as TestClient);
		await viewer.opened;
		viewer.auth();
		await viewer.waitFor('authenticated');
		const e = encoding.createEncoder();
		encoding.writeVarString(e, docName);
		encoding.writeVarUint(e, 6);
		encoding.writeVarString(e, JSON.stringify({ type: 'access', readOnly: true, state: 'announced' }));
		viewer.send(encoding.toUint8Array(e));
		await waitFor(() => viewer.events.some((ev) => ev.kind === 'closed'), 'A closes the forger', 5000);

		// Then a real thread through A: its notice reaches both instances' editors.
		const { status, body } = await api<{ threadId: string }>(a, 'POST', `/api/plans/${planId}/comments`, officer, { anchor: { kind: 'plan' }, quote: '', body: 'ข้อสังเกต' });
		expect(status).toBe(201);
		const notice = JSON.stringify({ type: 'comments', threadId: body.threadId });
		await waitFor(() => heard.onA.includes(notice) && heard.onB.includes(notice), 'both instances relay the comment notice', 10_000);
		for (const list of Object.values(heard)) expect(list.filter((p) => p !== notice)).toEqual([]);
	});
});
