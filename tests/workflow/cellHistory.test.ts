/** A cell's history and authors from the update log: values, who, when — for members who may see drafts. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { cellItems, getProject, listEquipment, listProjects, updateEquipmentField, updateProjectField } from '../../src/lib/domain/plan/doc';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.kill();
});

interface Version {
	value: string;
	name: string;
	at: string;
}

it('lists a cell’s values with who wrote them and when, most recent first; authors of either table and of given items', async () => {
	const [support, support2, viewer] = [await signIn(server, 'support'), await signIn(server, 'support2'), await signIn(server, 'viewer')];
	const { id, docName } = await demoPlan(server, support);
	const a = connectClient(server.wsUrl, docName, { cookie: support });
	const b = connectClient(server.wsUrl, docName, { cookie: support2 });
	await Promise.all([waitSynced(a), waitSynced(b)]);
	const [p1] = listProjects(a.doc);
	const [e1] = listEquipment(a.doc);
	updateProjectField(a.doc, p1.id, 'budget', 1_000_00);
	// Bob's change follows Alice's (he has seen it), so the log holds both in that order.
	await waitFor(() => getProject(b.doc, p1.id)?.budget === 1_000_00, 'Bob sees Alice’s budget');
	updateProjectField(b.doc, p1.id, 'budget', 2_500_00);
	updateEquipmentField(b.doc, e1.id, 'unit', 'เครื่อง (ใหม่)');
	await waitSynced(b);

	const history = await api<Version[]>(server, 'GET', `/api/plans/${id}/history?table=projects&row=${p1.id}&field=budget`, support);
	expect(history.status).toBe(200);
	expect(history.body.slice(0, 3).map((v) => [v.value, v.name])).toEqual([
		['2,500', 'นางมาลี ใจดี'],
		['1,000', 'นายสมชาย ช่วยงาน'],
		[expect.any(String), ''] // as seeded, by nobody
	]);
	expect(Date.parse(history.body[0].at)).toBeGreaterThanOrEqual(Date.parse(history.body[1].at));

	const unitAuthors = await api<{ name: string }[]>(server, 'GET', `/api/plans/${id}/attribution?table=equipment&row=${e1.id}&field=unit`, support);
	expect(unitAuthors.body.map((x) => x.name)).toEqual(['นางมาลี ใจดี']);

	// The items a page holds (the other side of a conflict), named by the log.
	await waitFor(() => getProject(a.doc, p1.id)?.budget === 2_500_00, 'Alice sees Bob’s budget');
	const items = cellItems(a.doc, 'projects', p1.id, 'budget').map((i) => `${i.client}.${i.clock}`).join(',');
	const byItems = await api<{ name: string }[]>(server, 'GET', `/api/plans/${id}/attribution?items=${items}`, viewer);
	expect(byItems.body.map((x) => x.name)).toEqual(['นางมาลี ใจดี']);

	// Viewers read the plan as it stands, not its drafts.
	expect((await api(server, 'GET', `/api/plans/${id}/history?table=projects&row=${p1.id}&field=budget`, viewer)).status).toBe(403);
	expect((await api(server, 'GET', `/api/plans/${id}/history?table=projects&row=${p1.id}&field=budget`, undefined)).status).toBe(401);
	a.destroy();
	b.destroy();
});

it('refuses hostile cell queries', async () => {
	const support = await signIn(server, 'support');
	const { id } = await demoPlan(server, support);
	const bad = [
		'history?table=users&row=p1&field=budget',
		'history?table=projects&row=p1&field=password',
		'history?table=projects&row=p1&field=unit', // an equipment column
		'history?table=projects&row=../../etc&field=budget',
		`history?table=projects&row=${'x'.repeat(65)}&field=budget`,
		'history?table=projects&field=budget',
		'attribution?items=1.2,3',
		'attribution?items=-1.2',
		'attribution?items=1.2;drop',
		`attribution?items=${Array.from({ length: 201 }, (_, i) => `1.${i}`).join(',')}`,
		'attribution?items=99999999999999999.1',
		'attribution?table=equipment&row=e1&field=name'
	];
	for (const query of bad) expect((await api(server, 'GET', `/api/plans/${id}/${query}`, support)).status, query).toBe(400);
	// Unknown rows are simply without history.
	expect((await api(server, 'GET', `/api/plans/${id}/history?table=equipment&row=e-none&field=unit`, support)).body).toEqual([]);
});
