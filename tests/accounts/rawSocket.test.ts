/**
 * A raw WebSocket client (no provider, no UI) cannot read or write a plan it may not: with no
 * session, an expired session, another organization's session, or a viewer's session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { createOtherOrgAdmin } from '../helpers/people';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { hasPlanted, plantedUpdate, readScratch, scratchText } from '../helpers/planCells';

let server: RunningServer;
let dataDir: string;
let plan: { id: string; docName: string };
let officer: string;

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	officer = await signIn(server, 'officer');
	plan = await demoPlan(server, officer);
});
afterAll(async () => {
	await server?.kill();
});

function logCount(): number {
	const db = openDataDb(dataDir);
	const { n } = db.prepare('select count(*) as n from doc_updates where doc_name = ?').get(plan.docName) as { n: number };
	db.close();
	return n;
}

/** An update that would add a visible marker to the plan's document. */
function hostileUpdate(marker: string): Uint8Array {
	return plantedUpdate('intrusion', marker);
}

async function expectRefused(cookie: string | undefined) {
	const before = logCount();
	const client = new RawClient(server.wsUrl, plan.docName, cookie);
	await client.opened;
	// Sends everything at once, before the answer, as an attacker would.
	client.auth();
	client.syncStep1();
	client.update(hostileUpdate('refused-client-was-here'));
	const denied = await client.waitFor('denied');
	expect(denied.reason).toMatch(/unauthorized|forbidden/);
	const code = await client.closed;
	expect(code).toBeGreaterThanOrEqual(4400);
	// Nothing of the document was sent, and nothing was written.
	expect(client.events.some((e) => e.kind === 'sync-step2' || e.kind === 'sync-update')).toBe(false);
	expect(logCount()).toBe(before);
}

describe('refused sockets', () => {
	it('without a session', async () => {
		await expectRefused(undefined);
	});

	it('with a made-up session token', async () => {
		await expectRefused('ruamphaen_session=abcdefghijklmnopqrstuvwxyz234567');
	});

	it('with an expired session', async () => {
		const cookie = await signIn(server, 'support');
		const db = openDataDb(dataDir);
		db.prepare("update sessions set expires_at = ? where user_id = (select id from users where username = 'support')").run(Date.now() - 1000);
		db.close();
		await expectRefused(cookie);
	});

	it("with another organization's session", async () => {
		createOtherOrgAdmin(dataDir, 'stranger', 'stranger-password-1');
		await expectRefused(await signIn(server, 'stranger', 'stranger-password-1'));
	});
});

describe("a viewer's raw socket", () => {
	it('reads the plan but its updates change nothing, on the server or for others', async () => {
		const watcher = connectClient(server.wsUrl, plan.docName, { cookie: officer });
		await waitSynced(watcher);
		const before = logCount();

		const viewer = new RawClient(server.wsUrl, plan.docName, await signIn(server, 'viewer'));
		await viewer.opened;
		viewer.auth();
		expect((await viewer.waitFor('authenticated')).scope).toBe('readonly');
		viewer.syncStep1();
		const state = await viewer.waitFor('sync-step2');
		expect(state.payload!.length).toBeGreaterThan(1000);
		for (let i = 0; i < 20; i++) viewer.update(hostileUpdate(`viewer-write-${i}`));

		// A legitimate edit after the hostile ones arrives; the hostile ones never do.
		const editor = connectClient(server.wsUrl, plan.docName, { cookie: await signIn(server, 'support') });
		await waitSynced(editor);
		editor.doc.transact(() => scratchText(editor.doc, 'probe').insert(0, 'after'));
		await waitSynced(editor);
		await waitFor(() => readScratch(watcher.doc, 'probe') === 'after', 'watcher sees the legitimate edit');
		expect(hasPlanted(watcher.doc, 'intrusion')).toBe(false);
		expect(logCount()).toBe(before + 1);
		viewer.close();
		editor.destroy();
		watcher.destroy();
	});
});
