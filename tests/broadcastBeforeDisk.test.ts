/**
 * An editor's update reaches the other editors once the server has accepted it, while its
 * append is still being committed; only the acknowledgement to the sender waits for the disk.
 * The disk is made slow on purpose (RUAMPHAEN_TEST_COMMIT_DELAY_MS). And a SIGKILL between the
 * broadcast and the commit loses nothing: the sender still holds the update as unacknowledged
 * and sends it again to the restarted server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/server';
import { serversAndClients, waitFor, waitSynced } from './helpers/collabClient';
import { demoPlan, signIn } from './helpers/http';
import { readScratch, scratchText } from './helpers/planCells';

const { start, connect } = serversAndClients(afterEach);

describe('broadcast before the disk', () => {
	it('a peer gets an update before its sender is acknowledged, which waits for the commit', { timeout: 60_000 }, async () => {
		const DELAY = 1500;
		const server = await start({ env: { RUAMPHAEN_TEST_COMMIT_DELAY_MS: String(DELAY) } });
		const cookie = await signIn(server, 'support');
		const { docName } = await demoPlan(server, cookie);
		const sender = connect(server, docName, cookie);
		const peer = connect(server, docName, cookie);
		await Promise.all([waitSynced(sender), waitSynced(peer)]);

		const sent = Date.now();
		// One update (the cell and its text): a connection's messages are handled one at a time.
		sender.doc.transact(() => scratchText(sender.doc, 'slow').insert(0, 'ก'));
		expect(sender.provider.unsyncedChanges).toBeGreaterThan(0);
		await waitFor(() => readScratch(peer.doc, 'slow') === 'ก', 'the peer gets the update', 10_000);
		const peerMs = Date.now() - sent;
		expect(sender.provider.unsyncedChanges).toBeGreaterThan(0); // not acknowledged yet
		await waitFor(() => sender.provider.unsyncedChanges === 0, 'the sender is acknowledged', 10_000);
		const ackMs = Date.now() - sent;
		expect(peerMs).toBeLessThan(DELAY);
		expect(ackMs).toBeGreaterThanOrEqual(DELAY - 50);
		
		console.info(`broadcast before disk: peer after ${peerMs} ms, acknowledgement after ${ackMs} ms (commit delayed ${DELAY} ms)`);
	});

	it('a SIGKILL between the broadcast and the commit loses nothing once the sender reconnects', { timeout: 60_000 }, async () => {
		const dataDir = tempDir();
		const server = await start({ dataDir, env: { RUAMPHAEN_TEST_COMMIT_DELAY_MS: '20000' } });
		const cookie = await signIn(server, 'support');
		const { docName } = await demoPlan(server, cookie);
		const sender = connect(server, docName, cookie);
		const peer = connect(server, docName, cookie);
		await Promise.all([waitSynced(sender), waitSynced(peer)]);

		sender.doc.transact(() => scratchText(sender.doc, 'crash').insert(0, 'ไม่หาย'));
		await waitFor(() => readScratch(peer.doc, 'crash') === 'ไม่หาย', 'the peer gets the update', 10_000);
		expect(sender.provider.unsyncedChanges).toBeGreaterThan(0);
		// The peer goes away: only the sender can bring the update back.
		peer.destroy();
		expect((await server.kill('SIGKILL')).signal).toBe('SIGKILL');

		// The same data on the same port, a normal disk: the sender's provider reconnects by itself.
		const again = await start({ dataDir, port: server.port });
		const before = connect(again, docName, cookie);
		await waitSynced(before);
		expect(readScratch(before.doc, 'crash')).toBe(''); // it was never committed
		await waitFor(() => sender.provider.isSynced && sender.provider.unsyncedChanges === 0, 'the sender resends and is acknowledged', 20_000);
		await waitFor(() => readScratch(before.doc, 'crash') === 'ไม่หาย', 'the update is back', 10_000);

		// Stored: a client of a cold restart sees it.
		expect((await again.kill('SIGKILL')).signal).toBe('SIGKILL');
		const cold = await start({ dataDir });
		const fresh = connect(cold, docName, cookie);
		await waitSynced(fresh);
		expect(readScratch(fresh.doc, 'crash')).toBe('ไม่หาย');
	});
});
