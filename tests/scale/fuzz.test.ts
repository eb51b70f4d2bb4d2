/**
 * Hostile input: more than 10,000 malformed or hostile frames — random bytes, truncated real
 * messages, garbage Yjs inside well-formed frames, unknown message types, wrong and huge
 * document names, bogus tokens, updates sent before authentication, and messages larger
 * than MAX_MESSAGE_BYTES — from unauthenticated, read-only and editing sockets. The process
 * stays up, the document gains nothing from them, two honest editors keep working
 * throughout, and oversized messages are refused with close 1009 `message-too-big`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/collabClient';
import { hasPlanted, plantedUpdate, readScratch } from '../helpers/planCells';
import { demoPlan, signIn } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { editor, every, expectedText } from './cluster';

const MAX = 65536;
const TARGET_FRAMES = 10_000;

let seed = 42;
const rnd = (n: number) => {
	seed = (seed * 1103515245 + 12345) & 0x7fffffff;
	return (seed >>> 12) % n;
};
const bytes = (n: number) => Uint8Array.from({ length: n }, () => rnd(256));

function frame(docName: string, write: (e: encoding.Encoder) => void) {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, docName);
	write(e);
	return encoding.toUint8Array(e);
}

/** A hostile frame for `docName`; `validUpdate` is a real update used for truncations. */
function hostile(docName: string, validUpdate: Uint8Array, allowWellFormedGarbage: boolean, soft = false): Uint8Array {
	const real = frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, validUpdate)));
	// "Soft" frames have a readable header, so Hocuspocus does not drop the whole socket at the
	// first one and the later frames reach the document's hooks too.
	const soft_ = allowWellFormedGarbage ? [2, 3, 4, 5, 7, 8] : [2, 3, 4, 5, 8];
	switch (soft ? soft_[rnd(soft_.length)] : rnd(allowWellFormedGarbage ? 9 : 7)) {
		case 0:
			return bytes(rnd(200));
		case 1: // truncated real update (the length prefix promises more than is there)
			return real.slice(0, 1 + rnd(real.length - 2));
		case 2: // unknown message type
			return frame(docName, (e) => (encoding.writeVarUint(e, 9 + rnd(100)), encoding.writeUint8Array(e, bytes(rnd(50)))));
		case 3: // truncated sync step 1 / bad state vector
			return frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1000), encoding.writeUint8Array(e, bytes(3))));
		case 4: // garbage awareness
			return frame(docName, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, bytes(rnd(80)))));
		case 5: // unknown sync step
			return frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 3 + rnd(20)), encoding.writeVarUint8Array(e, bytes(10))));
		case 6: // truncated frame header (document name length beyond the frame)
			return Uint8Array.from([200, 1, ...bytes(rnd(20))]);
		case 7: // well-formed sync update carrying random bytes
			return frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, bytes(1 + rnd(100)))));
		default: // wrong document names (other plans, huge names)
			return frame(rnd(2) ? `plan.${Buffer.from(bytes(8)).toString('hex')}` : 'x'.repeat(1000 + rnd(3000)), (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, validUpdate)));
	}
}

describe('hostile frames', () => {
	let server: RunningServer;
	const clients: TestClient[] = [];
	beforeAll(async () => {
		server = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX) } });
	});
	afterAll(async () => {
		clients.forEach((c) => c.destroy());
		await server?.kill('SIGKILL');
	});

	it('keep the process up and change nothing', { timeout: 85_000 }, async () => {
		const editorCookie = await signIn(server, 'support');
		const viewerCookie = await signIn(server, 'viewer');
		const { docName } = await demoPlan(server, editorCookie);

		const honest = [editor(server.wsUrl, docName, editorCookie, 'h0'), editor(server.wsUrl, docName, editorCookie, 'h1')];
		clients.push(...honest.map((h) => h.client));
		await Promise.all(honest.map((h) => waitSynced(h.client)));
		const before = Y.decodeStateVector(Y.encodeStateVector(honest[0].client.doc));
		let tick = 0;
		const stop = every(50, () => honest[tick++ % 2].edit());

		const validUpdate = plantedUpdate('hostile', 'this must never be stored');

		let sent = 0;
		let sockets = 0;
		const closeCodes = new Map<number, number>();
		const kinds = ['anonymous', 'viewer', 'editor'] as const;
		const one = async (kind: (typeof kinds)[number]) => {
			const cookie = kind === 'viewer' ? viewerCookie : kind === 'editor' ? editorCookie : undefined;
			const ws = new WebSocket(server.wsUrl, { headers: cookie ? { cookie } : {} });
			sockets++;
			const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
			ws.on('error', () => undefined);
			await new Promise((r) => ws.once('open', r).once('close', r));
			const auth = frame(docName, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, rnd(2) ? 'cookie' : Buffer.from(bytes(30)).toString('latin1'))));
			if (kind === 'anonymous') {
				// Messages before authentication, then a token the server cannot accept.
				for (let i = 0; i < 40 && ws.readyState === WebSocket.OPEN; i++, sent++) ws.send(rnd(3) ? hostile(docName, validUpdate, true) : frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, validUpdate))));
				if (ws.readyState === WebSocket.OPEN) {
					ws.send(auth);
					sent++;
				}
			} else {
				ws.send(auth);
				sent++;
				await new Promise((r) => setTimeout(r, 30));
				const soft = rnd(2) === 0;
				for (let i = 0; i < 40 && ws.readyState === WebSocket.OPEN; i++, sent++) ws.send(hostile(docName, validUpdate, kind === 'viewer', soft));
			}
			const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 300))]);
			closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
			ws.terminate();
		};
		const started = Date.now();
		while (sent < TARGET_FRAMES) await Promise.all(Array.from({ length: 8 }, () => one(kinds[rnd(3)])));

		// Oversized messages are refused with a reason.
		const tooBig: { code: number; reason: string }[] = [];
		for (let i = 0; i < 5; i++) {
			const ws = new WebSocket(server.wsUrl, { headers: { cookie: editorCookie } });
			await new Promise((r) => ws.once('open', r));
			const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
			ws.send(frame(docName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, bytes(MAX + 1000 * i)))));
			sent++;
			tooBig.push(await closed);
		}
		const fuzzMs = Date.now() - started;
		await new Promise((r) => setTimeout(r, 500));
		stop();

		expect(server.process.exitCode).toBeNull();
		for (const t of tooBig) expect(t).toEqual({ code: 1009, reason: 'message-too-big' });
		await Promise.all(honest.map((h) => waitSynced(h.client, 20_000)));
		const fresh = connectClient(server.wsUrl, docName, { cookie: editorCookie });
		clients.push(fresh);
		await waitFor(() => fresh.provider.isSynced, 'fresh client synced');
		// The honest editors' work is all there, and nothing else was added.
		for (const h of honest) expect(readScratch(fresh.doc, h.name)).toBe(expectedText(h.edits));
		expect(hasPlanted(fresh.doc, 'hostile')).toBe(false);
		const after = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
		const allowed = new Set([...before.keys(), ...honest.map((h) => h.client.doc.clientID)]);
		expect([...after.keys()].filter((id) => !allowed.has(id))).toEqual([]);
		console.info(
			`fuzz: ${sent} hostile frames on ${sockets} sockets in ${fuzzMs} ms; close codes ${JSON.stringify(Object.fromEntries(closeCodes))} (-1: still open, then dropped); ` +
				`honest editors made ${honest[0].edits + honest[1].edits} edits meanwhile, all stored; oversized: ${tooBig.map((t) => `${t.code} ${t.reason}`)[0]}`
		);
	});
});
