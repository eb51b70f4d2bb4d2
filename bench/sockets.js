#!/usr/bin/env node
// Socket exhaustion, measured against the real built server (SQLite, fresh data dir):
//
//  A. `--slow 300`: one user opens 300 sockets, asks each for the ~4 MB plan and never reads
//     (the client stops reading its TCP socket), holds them, then drops them;
//  B. `--many 2000`: one user opens 2,000 authenticated sockets on the sample plan.
//
// Prints the server's RSS (from /proc) before, at the peak, while held and 10 s after the
// sockets are gone, how many sockets the server accepted (authenticated), and /healthz
// latency (probed every 100 ms) during each attack. Run `npm run build` first.
//   node bench/sockets.js [--slow 300] [--many 2000] [--projects 3000] [--hold 15000]
import fs from 'node:fs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { prepareOurs, startOurs } from './scale/prepare.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const SLOW = Number(args.slow ?? 300);
const MANY = Number(args.many ?? 2000);
const PROJECTS = Number(args.projects ?? 3000);
const HOLD = Number(args.hold ?? 15000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function frame(docName, write) {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, docName);
	write(e);
	return encoding.toUint8Array(e);
}
const authFrame = (doc) => frame(doc, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, 'cookie')));
const step1Frame = (doc) => frame(doc, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0]))));

function rssMb(pid) {
	const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}

/** Probes /healthz every 100 ms; returns a stop function that yields the latencies. */
function probeHealth(base) {
	const latencies = [];
	const slow = [];
	const t0 = performance.now();
	let running = true;
	const loop = (async () => {
		while (running) {
			const t = performance.now();
			try {
				await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer());
			} catch {
				/* counted as its latency */
			}
			latencies.push(performance.now() - t);
			if (performance.now() - t > 500) slow.push(`${((t - t0) / 1000).toFixed(1)}s:${(performance.now() - t).toFixed(0)}ms`);
			await sleep(100);
		}
	})();
	return async () => {
		running = false;
		await loop;
		const s = [...latencies].sort((a, b) => a - b);
		return { n: s.length, p50: s[Math.floor(s.length / 2)], max: s[s.length - 1], over500ms: slow };
	};
}

function sampler(pid) {
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
	return () => (clearInterval(timer), peak);
}

/** Opens a socket, authenticates and asks for the whole document; resolves when authenticated or refused. */
function openSocket(wsUrl, cookie, docName, { read }) {
	return new Promise((resolve) => {
		const ws = new WebSocket(wsUrl, { headers: { cookie }, perMessageDeflate: false });
		let done = false;
		const finish = (ok) => {
			if (done) return;
			done = true;
			resolve({ ws, ok });
		};
		ws.on('error', () => finish(false));
		ws.on('close', () => finish(false));
		ws.on('open', () => {
			ws.send(authFrame(docName));
			ws.send(step1Frame(docName));
		});
		ws.on('message', (data) => {
			const d = decoding.createDecoder(new Uint8Array(data));
			decoding.readVarString(d);
			if (decoding.readVarUint(d) !== 2) return;
			const ok = decoding.readVarUint(d) === 2;
			// Stop reading the TCP socket: everything the server sends from now on piles up.
			if (ok && !read) ws._socket.pause();
			finish(ok);
		});
		setTimeout(() => finish(false), 60_000).unref();
	});
}

async function attack(name, server, base, wsUrl, cookie, docName, count, read) {
	const before = rssMb(server.pid);
	const stopProbe = probeHealth(base);
	const stopPeak = sampler(server.pid);
	const t0 = performance.now();
	const results = [];
	for (let i = 0; i < count; i += 50) {
		results.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => openSocket(wsUrl, cookie, docName, { read })))));
	}
	const openedMs = performance.now() - t0;
	const accepted = results.filter((r) => r.ok).length;
	await sleep(HOLD);
	const held = rssMb(server.pid);
	const health = await stopProbe();
	for (const { ws } of results) ws.terminate();
	await sleep(10_000);
	const peak = stopPeak();
	const after = rssMb(server.pid);
	const line = { attack: name, sockets: count, authenticated: accepted, openedMs: Math.round(openedMs), rssMb: { before: +before.toFixed(0), peak: +peak.toFixed(0), held: +held.toFixed(0), after10s: +after.toFixed(0) }, healthzMs: { n: health.n, p50: +health.p50.toFixed(1), max: +health.max.toFixed(0), over500ms: health.over500ms } };
	process.stdout.write(JSON.stringify(line) + '\n');
	return line;
}

async function withServer(ours, run) {
	const env = { LOG_LEVEL: 'silent', ...(args.env ? Object.fromEntries(args.env.split(',').map((kv) => kv.split('='))) : {}) };
	const child = startOurs(ours.dataDir, 0, { env });
	const port = await new Promise((resolve) => child.stdout.on('data', (d) => {
		const m = /listening on http:\/\/[^:]+:(\d+)/.exec(String(d));
		if (m) resolve(Number(m[1]));
	}));
	try {
		return await run(child, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}/collab`);
	} finally {
		child.kill('SIGKILL');
		await new Promise((r) => child.once('exit', r));
	}
}

async function main() {
	const ours = await prepareOurs({ copies: 1, bigProjects: PROJECTS });
	process.stdout.write(`big plan: ${PROJECTS} projects, ${(ours.bigBytes / 1024 / 1024).toFixed(1)} MB of Yjs state\n`);
	try {
		// A fresh server for each attack; the big plan is loaded once first, so its cold load
		// from SQLite is not part of the attack.
		if (SLOW) {
			await withServer(ours, async (child, base, wsUrl) => {
				const warm = await openSocket(wsUrl, ours.cookie, ours.bigDoc, { read: true });
				await sleep(2000);
				warm.ws.close();
				await attack('slow readers of the big plan', child, base, wsUrl, ours.cookie, ours.bigDoc, SLOW, false);
			});
		}
		if (MANY) await withServer(ours, (child, base, wsUrl) => attack('many sockets on the sample plan', child, base, wsUrl, ours.cookie, ours.sampleDocs[0], MANY, true));
	} finally {
		fs.rmSync(ours.dataDir, { recursive: true, force: true });
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
