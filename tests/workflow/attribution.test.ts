/** "Who changed this budget?" — the update log names the person, not the client's claim. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { connectClient, waitSynced } from '../helpers/collabClient';
import { listProjects, updateProjectField, setMonth } from '../../src/lib/domain/plan/doc';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.kill();
});

it('names who wrote each cell', async () => {
	const [support, support2] = [await signIn(server, 'support'), await signIn(server, 'support2')];
	const { id, docName } = await demoPlan(server, support);
	const a = connectClient(server.wsUrl, docName, { cookie: support });
	const b = connectClient(server.wsUrl, docName, { cookie: support2 });
	await Promise.all([waitSynced(a), waitSynced(b)]);
	const [p1, p2] = listProjects(a.doc);
	updateProjectField(a.doc, p1.id, 'budget', p1.budget + 100_00);
	updateProjectField(b.doc, p2.id, 'location', `${p2.location} (ปรับปรุง)`);
	setMonth(b.doc, p1.id, 3, true);
	await Promise.all([waitSynced(a), waitSynced(b)]);

	const who = async (project: string, field: string) =>
		(await api<{ name: string }[]>(server, 'GET', `/api/plans/${id}/attribution?project=${project}&field=${field}`, support)).body.map((x) => x.name);
	expect(await who(p1.id, 'budget')).toEqual(['นายสมชาย ช่วยงาน']);
	expect((await who(p2.id, 'location'))[0]).toBe('นางมาลี ใจดี');
	expect(await who(p1.id, 'months')).toContain('นางมาลี ใจดี');
	// Cells untouched since the plan was seeded have no person behind them.
	expect(await who(p2.id, 'budget')).toEqual(['']);
	expect((await api(server, 'GET', `/api/plans/${id}/attribution?project=${p1.id}&field=password`, support)).status).toBe(400);
	a.destroy();
	b.destroy();
});
