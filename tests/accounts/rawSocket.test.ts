/**
 * A raw WebSocket client (no provider, no UI) cannot read or write a plan it may not: with no
 * session, an expired session, another organization's session, or a viewer's session.
 */
import { describe, expect, it } from 'vitest';
import { useDemoPlanServer } from '../helpers/demoPlanServer';
import { signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { createOtherOrgAdmin } from '../helpers/people';
import { connectClient, waitFor, waitSynced } from '../helpers/collabClient';
import { hasPlanted, plantedUpdate, readScratch, scratchText } from '../helpers/planCells';

const env = useDemoPlanServer();

function logCount(): number {
	const db = openDataDb(env.dataDir);
	const { n } = db.prepare('select count(*) as n from doc_updates where doc_name = ?').get(env.plan.docName) as { n: number };
	db.close();
	return n;
}

/** An update that would add a visible marker to the plan's document. */
function hostileUpdate(marker: string): Uint8Array {
	return plantedUpdate('intrusion', marker);
}

async function expectRefused(cookie: string | undefined) {
	const before = logCount();
	const client = new RawClient(env.server.wsUrl, env.plan.docName, cookie);
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
		const cookie = await signIn(env.server, 'support');
		const db = openDataDb(env.dataDir);
		db.prepare("update sessions set expires_at = ? where user_id = (select id from users where username = 'support')").run(Date.now() - 1000);
		db.close();
		await expectRefused(cookie);
	});

	it("with another organization's session", async () => {
		createOtherOrgAdmin(env.dataDir, 'stranger', 'stranger-password-1');
		await expectRefused(await signIn(env.server, 'stranger', 'stranger-password-1'));
	});
});

describe("a viewer's raw socket", () => {
	it('reads the plan but its updates change nothing, on the server or for others', async () => {
		const watcher = connectClient(env.server.wsUrl, env.plan.docName, { cookie: env.officer });
		await waitSynced(watcher);
		const before = logCount();

		const viewer = new RawClient(env.server.wsUrl, env.plan.docName, await signIn(env.server, 'viewer'));
		await viewer.opened;
		viewer.auth();
		expect((await viewer.waitFor('authenticated')).scope).toBe('readonly');
		viewer.syncStep1();
		const state = await viewer.waitFor('sync-step2');
		expect(state.payload!.length).toBeGreaterThan(1000);
		for (let i = 0; i < 20; i++) viewer.update(hostileUpdate(`viewer-write-${i}`));

		// A legitimate edit after the hostile ones arrives; the hostile ones never do.
		const editor = connectClient(env.server.wsUrl, env.plan.docName, { cookie: await signIn(env.server, 'support') });
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
