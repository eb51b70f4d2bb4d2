/**
 * An open plan nobody touches keeps its content packed (PLAN_SLEEP_AFTER_MS, short here) and
 * works as before once someone does: an editor's change reaches the others and is stored, a
 * newcomer gets the whole plan, and a server-side write (an import) reaches the open editors —
 * each of them arriving while the plan sleeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, type RunningServer } from './helpers/server';
import { serversAndClients, waitFor, waitSynced, type TestClient } from './helpers/collabClient';
import { demoPlan, signIn } from './helpers/http';
import { readScratch, scratchText } from './helpers/planCells';
import { exportPlanJson } from '../src/lib/domain/plan/json';

const SLEEP_MS = 200;
const tracked = serversAndClients(afterEach);
const connect = tracked.connect;
const start = (dataDir: string) => tracked.start({ dataDir, env: { PLAN_SLEEP_AFTER_MS: String(SLEEP_MS), LOG_LEVEL: 'debug' } });

/** Waits until the server has packed the plan once more than `before` times. */
async function asleep(server: RunningServer, before: number) {
	await waitFor(() => packedCount(server) > before, 'the idle plan is packed', 10_000);
	return packedCount(server);
}
const packedCount = (server: RunningServer) => server.output().split('idle plan content packed').length - 1;

describe('an open plan that fell asleep', () => {
	it('takes edits, newcomers and server-side writes as if it never slept, and stores them', { timeout: 90_000 }, async () => {
		const dataDir = tempDir();
		const server = await start(dataDir);
		const officer = await signIn(server, 'officer');
		const { docName, id } = await demoPlan(server, officer);
		const a = connect(server, docName, officer);
		const b = connect(server, docName, officer);
		await Promise.all([waitSynced(a), waitSynced(b)]);
		let packed = await asleep(server, 0);

		// An editor's change while it sleeps: the other editor gets it, the sender is acknowledged.
		a.doc.transact(() => scratchText(a.doc, 'idle').insert(0, 'ตื่นแล้ว'));
		await waitFor(() => readScratch(b.doc, 'idle') === 'ตื่นแล้ว', 'the peer gets the edit', 10_000);
		await waitFor(() => a.provider.unsyncedChanges === 0, 'the sender is acknowledged', 10_000);
		packed = await asleep(server, packed);

		// A newcomer while it sleeps gets the whole plan, the edit included.
		const c = connect(server, docName, officer);
		await waitSynced(c);
		expect(exportPlanJson(c.doc)).toEqual(exportPlanJson(a.doc));
		await asleep(server, packed);

		// A server-side write while it sleeps (the plan's own JSON imported back, one name
		// changed) reaches every open editor.
		const file = await (await fetch(`${server.url}/api/plans/${id}/plan.json`, { headers: { cookie: officer } })).json();
		const project = file.strategies[0].planGroups[0].projects[0];
		project.name = 'ชื่อโครงการจากการนำเข้า';
		const body = new FormData();
		body.set('file', new Blob([JSON.stringify(file)], { type: 'application/json' }), 'plan.json');
		const imported = await fetch(`${server.url}/api/plans/${id}/import?replace=1`, { method: 'POST', body, headers: { origin: server.url, cookie: officer } });
		expect(imported.status).toBe(200);
		const names = (client: TestClient) => exportPlanJson(client.doc).strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects.map((p) => p.name)));
		for (const client of [a, b, c]) await waitFor(() => names(client).includes('ชื่อโครงการจากการนำเข้า'), 'the editor gets the import', 10_000);
		expect(exportPlanJson(b.doc)).toEqual(exportPlanJson(a.doc));
		const expected = exportPlanJson(a.doc);

		// All of it was stored: the plan after a restart is what the editors hold.
		await tracked.closeAll();
		const again = await start(dataDir);
		const fresh = connect(again, docName, await signIn(again, 'officer'));
		await waitSynced(fresh);
		expect(exportPlanJson(fresh.doc)).toEqual(expected);
	});
});
