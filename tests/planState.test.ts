/**
 * GET /api/plans/<id>/state — the plan document the editor page fetches while its scripts
 * load: only for people who may read the plan (anyone else cannot tell it exists), the same
 * content the collaboration socket holds (also when answered from storage, with an edit made
 * just before everyone left), compressed, never cached, and no server error for hostile ids.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useDemoPlanServer } from './helpers/demoPlanServer';
import { signIn } from './helpers/http';
import { createOtherOrgAdmin } from './helpers/people';
import { connectClient, waitFor, waitSynced } from './helpers/collabClient';
import { readScratch, scratchText } from './helpers/planCells';
import { decodeUpdateList } from '../src/lib/domain/updateList';
import { listProjects } from '../src/lib/domain/plan/doc';

const env = useDemoPlanServer();

async function getState(id: string, cookie?: string, headers: Record<string, string> = {}) {
	const res = await fetch(`${env.server.url}/api/plans/${id}/state`, { headers: { ...(cookie ? { cookie } : {}), ...headers }, redirect: 'manual' });
	return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The fetched state applied to a fresh document, as the page does. */
function docFrom(bytes: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const update of decodeUpdateList(bytes)) Y.applyUpdate(doc, update);
	});
	return doc;
}

describe('who gets the plan state', () => {
	it('asks a signed-out request to sign in, and answers another organization and unknown or hostile ids alike: not found', async () => {
		expect((await getState(env.plan.id)).res.status).toBe(401);
		const otherPassword = 'รหัสผ่านยาวพอสมควร-2569';
		createOtherOrgAdmin(env.dataDir, 'other_admin', otherPassword);
		const outsider = await signIn(env.server, 'other_admin', otherPassword);
		const refused = await getState(env.plan.id, outsider);
		expect(refused.res.status).toBe(404);
		expect(refused.bytes.length).toBeLessThan(200); // an error message, not the plan
		for (const id of ['no-such-plan', '..%2F..%2Fetc%2Fpasswd', 'ก'.repeat(500), '%00', `${env.plan.id}%27%20or%201%3D1`]) {
			const { res } = await getState(id, env.officer);
			expect(res.status, id).toBe(404);
		}
	});
});

describe('what the plan state holds', () => {
	it('is the document the socket holds, gzipped when asked, never cached', async () => {
		const client = connectClient(env.server.wsUrl, env.plan.docName, { cookie: env.officer });
		try {
			await waitSynced(client);
			const { res, bytes } = await getState(env.plan.id, env.officer, { 'accept-encoding': 'gzip' });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-encoding')).toBe('gzip');
			expect(res.headers.get('cache-control')).toContain('no-store');
			expect(res.headers.get('content-type')).toBe('application/octet-stream');
			const fetched = docFrom(bytes);
			expect(Y.encodeStateVector(fetched)).toEqual(Y.encodeStateVector(client.doc));
			expect(listProjects(fetched).map((p) => p.id)).toEqual(listProjects(client.doc).map((p) => p.id));
		} finally {
			client.destroy();
		}
	});

	it('holds an edit made just before everyone left (the plan no longer loaded: answered from storage)', async () => {
		const writer = connectClient(env.server.wsUrl, env.plan.docName, { cookie: env.officer });
		await waitSynced(writer);
		// The earlier answer's hold on the plan (kept for a socket that follows) sees this one and lets go.
		await new Promise((r) => setTimeout(r, 500));
		scratchText(writer.doc, 'state-after-unload').insert(0, 'แก้ไขก่อนทุกคนออก');
		await waitSynced(writer);
		const expected = Y.encodeStateVector(writer.doc);
		writer.destroy();
		// The last socket left: the server stores and unloads the plan.
		await new Promise((r) => setTimeout(r, 500));
		const { res, bytes } = await getState(env.plan.id, env.officer);
		expect(res.status).toBe(200);
		const fetched = docFrom(bytes);
		expect(readScratch(fetched, 'state-after-unload')).toBe('แก้ไขก่อนทุกคนออก');
		expect(Y.encodeStateVector(fetched)).toEqual(expected);

		// The page's socket then finds nothing to send either way.
		const reader = connectClient(env.server.wsUrl, env.plan.docName, { cookie: env.officer });
		try {
			Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(fetched));
			await waitFor(() => reader.provider.isSynced, 'reader synced');
			expect(readScratch(reader.doc, 'state-after-unload')).toBe('แก้ไขก่อนทุกคนออก');
		} finally {
			reader.destroy();
		}
	});
});
