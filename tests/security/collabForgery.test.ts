/**
 * A viewer with a raw socket cannot speak for the server or for anyone else: its
 * broadcast-stateless message (a forged "the plan is announced, you are read-only") reaches
 * nobody and ends its connection, and its presence shows the user id, name, role and colour the
 * server knows for it — not the mayor's name, not a CSS-injecting colour, not someone
 * else's client ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { colorFor } from '../../src/lib/domain/colors';

let server: RunningServer;
let dataDir: string;
let plan: { id: string; docName: string };
const clients: TestClient[] = [];

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	plan = await demoPlan(server, await signIn(server, 'officer'));
});
afterAll(async () => {
	clients.forEach((c) => c.destroy());
	await server?.kill();
});

function person(username: string): { id: string; displayName: string } {
	const db = openDataDb(dataDir);
	const row = db.prepare('select id, display_name as displayName from users where username = ?').get(username) as { id: string; displayName: string };
	db.close();
	return row;
}

function frame(docName: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, docName);
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
}

/** An awareness message carrying the given states (clock chosen by the attacker). */
function awarenessFrame(docName: string, states: [clientId: number, clock: number, state: Record<string, unknown> | null][]): Uint8Array {
	const awareness = new Awareness(new Y.Doc());
	for (const [clientId, clock, state] of states) {
		if (state) awareness.states.set(clientId, state);
		awareness.meta.set(clientId, { clock, lastUpdated: 0 });
	}
	const update = encodeAwarenessUpdate(awareness, states.map(([id]) => id));
	return frame(docName, 1, (e) => encoding.writeVarUint8Array(e, update));
}

async function editorOf(username: string): Promise<TestClient> {
	const client = connectClient(server.wsUrl, plan.docName, { cookie: await signIn(server, username) });
	clients.push(client);
	await waitSynced(client);
	return client;
}

/** A viewer's raw socket; `address` is what its messages name (Hocuspocus 4 also routes `name\0session`). */
async function viewerSocket(address = plan.docName): Promise<RawClient> {
	const viewer = new RawClient(server.wsUrl, address, await signIn(server, 'viewer'));
	await viewer.opened;
	viewer.auth();
	expect((await viewer.waitFor('authenticated')).scope).toBe('readonly');
	return viewer;
}

describe('stateless messages from a client', () => {
	it("a viewer's broadcast reaches no one, and its connection is closed", async () => {
		const officer = await editorOf('officer');
		const received: string[] = [];
		officer.provider.on('stateless', ({ payload }: { payload: string }) => received.push(payload));
		let officerReadOnly = false;
		officer.provider.on('stateless', ({ payload }: { payload: string }) => {
			if (payload.includes('"readOnly":true')) officerReadOnly = true;
		});

		const viewer = await viewerSocket();
		const forged = JSON.stringify({ type: 'access', readOnly: true, state: 'announced' });
		viewer.send(frame(plan.docName, 6, (e) => encoding.writeVarString(e, forged)));
		viewer.send(frame(plan.docName, 6, (e) => encoding.writeVarString(e, JSON.stringify({ type: 'comments', threadId: 'x' }))));

		// Either the forgery arrives (the old behaviour) or the viewer's socket is closed.
		await waitFor(() => received.length > 0 || viewer.events.some((e) => e.kind === 'closed'), 'the forgery is relayed or refused');
		expect(received).toEqual([]);
		expect(viewer.events.at(-1)).toMatchObject({ kind: 'closed', code: 4400 });

		// Barrier: presence someone sets after the refusal reaches the officer; a relayed
		// message would have been sent on the officer's socket before it.
		const support = await editorOf('support');
		support.provider.setAwarenessField('cell', { table: 'projects', rowId: 'barrier', col: 'name' });
		await waitFor(() => (officer.provider.awareness?.getStates().get(support.doc.clientID) as { cell?: { rowId?: string } } | undefined)?.cell?.rowId === 'barrier', 'officer sees later presence');
		expect(received).toEqual([]);
		expect(officerReadOnly).toBe(false);
	});

	it('plain stateless messages are refused too (no hook uses them)', async () => {
		const viewer = await viewerSocket();
		viewer.send(frame(plan.docName, 5, (e) => encoding.writeVarString(e, 'hello')));
		await waitFor(() => viewer.events.some((e) => e.kind === 'closed'), 'the viewer is closed', 5000);
		expect(await viewer.closed).toBe(4400);
	});
});

describe('presence from a raw socket', () => {
	it("shows the server's name, role and colour for the connection, and cannot touch another client's entry", async () => {
		const officer = await editorOf('officer');
		officer.provider.setAwarenessField('user', { name: 'officer-as-typed', color: '#000000' });
		const observer = await editorOf('committee');
		await waitFor(() => observer.provider.awareness!.getStates().has(officer.doc.clientID), 'observer sees the officer');

		const viewer = await viewerSocket();
		const viewerClientId = 424242;
		viewer.send(
			awarenessFrame(plan.docName, [
				// Claiming another user's id (a meeting's presenter, whom followers follow) is overwritten too.
				[viewerClientId, 1, { user: { id: person('officer').id, name: 'นายกเทศมนตรี', color: 'red;background:url(https://evil.example/x)', role: 'executive' }, role: 'executive', cursor: { anchor: 1, head: 2 }, cell: { table: 'projects', rowId: 'r1', col: 'name' }, view: { part: 'pd02', y: 0.5, rowId: 'r1', col: 'name' } }],
				[officer.doc.clientID, 10_000, { user: { name: 'hijacked', color: '#ff0000' } }]
			])
		);
		await waitFor(() => observer.provider.awareness!.getStates().has(viewerClientId), 'observer sees the viewer');
		const states = observer.provider.awareness!.getStates();
		const me = person('viewer');
		expect(states.get(viewerClientId)).toEqual({
			user: { id: me.id, name: me.displayName, role: 'viewer', color: colorFor(me.id) },
			cell: { table: 'projects', rowId: 'r1', col: 'name' },
			view: { part: 'pd02', y: 0.5, rowId: 'r1', col: 'name' }
		});
		// The officer's entry is the officer's, stamped by the server — not the forgery.
		expect((states.get(officer.doc.clientID) as { user: unknown }).user).toEqual({
			id: person('officer').id,
			name: person('officer').displayName,
			role: 'planning_officer',
			color: colorFor(person('officer').id)
		});
		viewer.close();
	});

	it('are screened the same when the messages name a session (`docName\0session`)', async () => {
		const observer = await editorOf('committee');
		const address = `${plan.docName}\0forger`;
		const viewer = await viewerSocket(address);
		const viewerClientId = 434343;
		viewer.send(awarenessFrame(address, [[viewerClientId, 1, { user: { id: person('officer').id, name: 'นายกเทศมนตรี', color: 'red' } }]]));
		await waitFor(() => observer.provider.awareness!.getStates().has(viewerClientId), 'observer sees the viewer');
		const me = person('viewer');
		expect(observer.provider.awareness!.getStates().get(viewerClientId)).toEqual({ user: { id: me.id, name: me.displayName, role: 'viewer', color: colorFor(me.id) } });

		viewer.send(frame(address, 5, (e) => encoding.writeVarString(e, 'hello')));
		await waitFor(() => viewer.events.some((e) => e.kind === 'closed'), 'the viewer is closed', 5000);
		expect(await viewer.closed).toBe(4400);
	});
});
