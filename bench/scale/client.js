// Load generator and observer (one process each, pinned by run.js to the load core).
// Usage: node client.js '<json config>'. Prints "ready" once connected and synced, waits for
// "go" on stdin, runs, prints one JSON result line and exits.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import readline from 'node:readline';
import fs from 'node:fs';
import { wire, nowUs, stamps, percentile } from './wire.js';

const cfg = JSON.parse(process.argv[2]);
const go = new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(docName, onMessage) {
	const w = wire(cfg.kind, docName);
	const ws = new WebSocket(w.url(cfg.base), { headers: cfg.cookie ? { cookie: cfg.cookie } : {}, perMessageDeflate: false });
	ws.binaryType = 'nodebuffer';
	const c = { ws, w, synced: !w.hasSync, syncedAt: 0, opened: 0 };
	c.ready = new Promise((resolve, reject) => {
		ws.once('error', reject);
		ws.once('open', () => {
			c.opened = performance.now();
			for (const f of w.hello()) ws.send(f);
			if (c.synced) resolve(c);
		});
		ws.on('message', (data) => {
			const kind = w.classify(data);
			if (kind === 'step2' && !c.synced) {
				c.synced = true;
				c.syncedAt = performance.now();
				resolve(c);
			}
			onMessage?.(data, kind);
		});
	});
	return c;
}

async function edit() {
	const docName = cfg.docName;
	const clients = [];
	let deliveries = 0;
	const latencies = [];
	let measuring = false;
	const observer = cfg.role === 'observer';
	for (let i = 0; i < cfg.clients; i++) {
		clients.push(
			connect(docName, (data, kind) => {
				if (kind !== 'update') return;
				if (!measuring) return;
				// Updates, not messages: Hocuspocus 4 (and ours, after a group commit) merges the
				// updates of one event-loop turn into one message.
				const carried = stamps(data);
				deliveries += carried.length || 1;
				if (observer) {
					const t = nowUs();
					for (const s of carried) latencies.push((t - s) / 1000);
				}
			})
		);
		if (i % 20 === 19) await sleep(5);
	}
	await Promise.all(clients.map((c) => c.ready));
	process.stdout.write('ready\n');
	await go;
	measuring = true;
	const timers = [];
	if (!observer) {
		const interval = (cfg.clients / cfg.rate) * 1000;
		clients.forEach((c, i) => {
			const doc = new Y.Doc();
			doc.on('update', (u) => {
				if (c.ws.readyState === 1) c.ws.send(c.w.update(u));
			});
			let n = 0;
			const tick = () => {
				const marker = `~${nowUs()}~`;
				// Our server accepts only the plan model's roots and keys; `revisions` entries fit it
				// and cost the reference servers the same.
				doc.getMap('revisions').set(`r${i}.${n++ % 40}`, { text: `cell ${marker}` });
			};
			timers.push(setTimeout(() => timers.push(setInterval(tick, interval)), Math.random() * interval));
			if (cfg.awarenessHz) {
				const awareness = new Awareness(doc);
				const ai = 1000 / cfg.awarenessHz;
				let k = 0;
				const move = () => {
					awareness.setLocalState({ user: { name: `u${i}`, color: '#123456' }, cursor: { anchor: k++, head: k } });
					if (c.ws.readyState === 1) c.ws.send(c.w.awareness(encodeAwarenessUpdate(awareness, [doc.clientID])));
				};
				timers.push(setTimeout(() => timers.push(setInterval(move, ai)), Math.random() * ai));
			}
		});
	}
	await sleep(cfg.durationMs);
	timers.forEach((t) => clearInterval(t));
	await sleep(observer ? 300 : 200);
	measuring = false;
	latencies.sort((a, b) => a - b);
	const result = { deliveries, n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
	process.stdout.write(JSON.stringify(result) + '\n');
	clients.forEach((c) => c.ws.terminate());
	process.exit(0);
}

async function many() {
	const state = cfg.state ? fs.readFileSync(cfg.state) : null;
	const clients = [];
	for (const docName of cfg.docs) {
		for (let k = 0; k < 2; k++) {
			const c = connect(docName);
			clients.push(c);
			if (k === 0 && state)
				c.ready.then(() => c.ws.send(c.w.update(state)));
		}
		if (clients.length % 40 === 0) await sleep(10);
	}
	await Promise.all(clients.map((c) => c.ready));
	await sleep(1500);
	process.stdout.write('ready\n');
	await go;
	process.stdout.write(JSON.stringify({ connections: clients.length }) + '\n');
	clients.forEach((c) => c.ws.terminate());
	process.exit(0);
}

async function firstSync() {
	await go;
	if (!wire(cfg.kind, cfg.docName).hasSync) {
		// The raw broadcast server keeps no document: there is nothing to sync.
		process.stdout.write(JSON.stringify({ firstMs: null, warmMs: null }) + '\n');
		process.exit(0);
	}
	const first = connect(cfg.docName);
	await first.ready;
	const firstMs = first.syncedAt - first.opened;
	if (cfg.state) {
		first.ws.send(first.w.update(fs.readFileSync(cfg.state)));
		await sleep(1500);
	}
	const warm = [];
	for (let i = 0; i < 3; i++) {
		const c = connect(cfg.docName);
		await c.ready;
		warm.push(c.syncedAt - c.opened);
		c.ws.terminate();
	}
	warm.sort((a, b) => a - b);
	process.stdout.write(JSON.stringify({ firstMs, warmMs: warm[1] }) + '\n');
	first.ws.terminate();
	process.exit(0);
}

const modes = { edit, many, firstsync: firstSync };
modes[cfg.mode]().catch((e) => {
	process.stdout.write(JSON.stringify({ error: String(e?.message ?? e) }) + '\n');
	process.exit(1);
});
