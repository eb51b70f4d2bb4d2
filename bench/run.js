#!/usr/bin/env node
// Scale benchmark: ours (the built server with auth, durable log and write gate) against a
// bare @hocuspocus/server 4, the y-websocket reference server and a raw `ws` broadcast
// server, in the same run. Prints a table and writes bench/results/scale-*.json.
//
//   npm run build && node bench/run.js            # full run (3 repetitions, ~10 min)
//   node bench/run.js --quick                     # 1 repetition, shorter points (~3 min)
//   node bench/run.js --only fanout,cpu           # fanout, cpu, presence, many, sync
//   node bench/run.js --quick --only many --kinds ours,hocuspocus   # RSS per plan, ~1 min
//
// Method: the server is pinned to core 0 and the load generator and the observer to core 1
// (taskset); before each point the run waits (up to 10 s, 3 s with --quick) for the machine to be quiet; each
// repetition rotates the order of the servers; the table shows medians with min–max.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { prepareOurs, startOurs, ROOT } from './scale/prepare.js';
import { KINDS } from './scale/wire.js';
import { inspect, inspectorUrl } from './scale/inspector.js';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = (args[args.indexOf('--only') + 1] ?? '').split(',').filter((s) => args.includes('--only') && s);
// Servers to run (default: all four), e.g. `--kinds ours,hocuspocus`.
const ONLY_KINDS = args.includes('--kinds') ? args[args.indexOf('--kinds') + 1].split(',') : KINDS;
const REPS = QUICK ? 1 : 3;
const DURATION = QUICK ? 2500 : 4000;
const CORES = os.cpus().length;
// Ours packs an open plan's content once nobody touched it for PLAN_SLEEP_AFTER_MS (a minute by
// default); the bench shortens that and reads memory again after IDLE_WAIT_MS, for every server.
const IDLE_SLEEP_MS = 4000;
const IDLE_WAIT_MS = 2 * IDLE_SLEEP_MS + 2000;
const SERVER_CORE = 0;
const LOAD_CORE = CORES > 1 ? 1 : 0;
const HERE = path.dirname(new URL(import.meta.url).pathname);
const want = (name) => !ONLY.length || ONLY.includes(name);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
	return new Promise((resolve) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function cpuTicks(pid) {
	const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(f[11]) + Number(f[12]); // utime + stime, clock ticks (1/100 s)
}
function rssKb(pid) {
	return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}
function machineBusy(ms = 500) {
	const read = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
	const a = read();
	return sleep(ms).then(() => {
		const b = read();
		const total = b.reduce((s, v, i) => s + v - a[i], 0);
		const idle = b[3] - a[3] + (b[4] - a[4]);
		return 1 - idle / total;
	});
}
const noise = [];
async function quiet() {
	let busy = 1;
	for (let i = 0; i < (QUICK ? 6 : 20); i++) {
		busy = await machineBusy();
		if (busy < 0.25) break;
	}
	noise.push(busy);
}

async function startServer(kind, ctx, { inspectable = false } = {}) {
	const port = await freePort();
	let child;
	// Memory points open the DevTools protocol on a free port to force GCs (scale/inspector.js).
	const inspectFlag = inspectable ? ['--inspect=127.0.0.1:0'] : [];
	// One account on one address plays every client here: lift the per-user and per-address
	// socket caps (2,000 sockets for 1,000 open plans). Saturation runs write far faster than
	// people type: lift the per-plan hourly growth bound.
	// Idle plans sleep after IDLE_SLEEP_MS instead of a minute, so the idle reading comes soon.
	const env = { MAX_SOCKETS_PER_USER: '100000', MAX_SOCKETS_PER_ADDRESS: '100000', PLAN_MAX_GROWTH_PER_HOUR: String(1024 * 1024 * 1024), PLAN_SLEEP_AFTER_MS: String(IDLE_SLEEP_MS) };
	if (kind === 'ours') child = startOurs(ctx.ours.dataDir, port, { pin: SERVER_CORE, env, nodeArgs: inspectFlag });
	else {
		const script = path.join(HERE, 'scale', 'servers', `${kind}.js`);
		child = spawn('taskset', ['-c', String(SERVER_CORE), process.execPath, ...inspectFlag, script], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
	}
	let out = '';
	await new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`${kind} did not start: ${out}`)), 60_000);
		child.stdout.on('data', (d) => ((out += d), /listening on/.test(out) && (clearTimeout(t), resolve())));
		child.stderr.on('data', (d) => (out += d));
		child.once('exit', (code) => (clearTimeout(t), reject(new Error(`${kind} exited ${code}: ${out}`))));
	});
	await sleep(300);
	const inspector = inspectable ? await inspect(inspectorUrl(out)) : null;
	return {
		kind,
		pid: child.pid,
		inspector,
		base: `ws://127.0.0.1:${port}`,
		cookie: kind === 'ours' ? ctx.ours.cookie : undefined,
		stop: () => (inspector?.close(), new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGKILL')))))
	};
}

function client(config) {
	const child = spawn('taskset', ['-c', String(LOAD_CORE), process.execPath, path.join(HERE, 'scale', 'client.js'), JSON.stringify(config)], {
		cwd: ROOT,
		stdio: ['pipe', 'pipe', 'inherit']
	});
	let out = '';
	const lines = [];
	let wake = null;
	child.stdout.on('data', (d) => {
		out += d;
		const parts = out.split('\n');
		out = parts.pop();
		lines.push(...parts);
		wake?.();
	});
	const next = async (timeoutMs = 120_000) => {
		const start = Date.now();
		while (!lines.length) {
			if (child.exitCode !== null && !lines.length) throw new Error(`client exited: ${out}`);
			if (Date.now() - start > timeoutMs) throw new Error('client timed out');
			await new Promise((r) => ((wake = r), setTimeout(r, 100)));
		}
		return lines.shift();
	};
	return { child, next, go: () => child.stdin.write('go\n'), kill: () => child.kill('SIGKILL') };
}

let docCounter = 0;
function docFor(server, ctx) {
	docCounter++;
	if (server.kind === 'ours') return ctx.ours.sampleDocs[docCounter % ctx.ours.sampleDocs.length];
	return `bench-${docCounter}`;
}

/** Edits through `clients` connections at `rate` edits/s; an observer measures fan-out. */
async function editPoint(server, ctx, { clients, rate, awarenessHz = 0 }) {
	const docName = docFor(server, ctx);
	const common = { kind: server.kind, base: server.base, cookie: server.cookie, docName, durationMs: DURATION, mode: 'edit' };
	const observer = client({ ...common, role: 'observer', clients: 1 });
	if ((await observer.next()) !== 'ready') throw new Error('observer not ready');
	const load = client({ ...common, role: 'load', clients: clients - 1, rate, awarenessHz });
	const ready = await load.next();
	if (ready !== 'ready') throw new Error(`load not ready: ${ready}`);
	await quiet();
	const cpu0 = cpuTicks(server.pid);
	observer.go();
	load.go();
	const [o, l] = [JSON.parse(await observer.next()), JSON.parse(await load.next())];
	const cpuUs = (cpuTicks(server.pid) - cpu0) * 10_000;
	const deliveries = o.deliveries + l.deliveries;
	return { ...o, deliveries, cpuUsPerDelivery: deliveries ? cpuUs / deliveries : NaN, cpuShare: cpuUs / (DURATION * 1000) };
}

async function manyPoint(server, ctx, docs) {
	const names = server.kind === 'ours' ? ctx.ours.sampleDocs.slice(0, docs) : Array.from({ length: docs }, (_, i) => `many-${docCounter++}-${i}`);
	await quiet();
	// As the server is (garbage included), then after full GCs: what it holds.
	const before = rssKb(server.pid);
	await server.inspector.gc();
	const beforeGc = { ...(await server.inspector.memory()), rss: rssKb(server.pid) };
	const load = client({ kind: server.kind, base: server.base, cookie: server.cookie, mode: 'many', docs: names, state: server.kind === 'ours' ? null : ctx.sampleFile });
	const ready = await load.next(300_000);
	if (ready !== 'ready') throw new Error(`many not ready: ${ready}`);
	const after = rssKb(server.pid);
	await server.inspector.gc();
	const afterGc = { ...(await server.inspector.memory()), rss: rssKb(server.pid) };
	// The same plans, still open, after nobody touched them for a while (ours packs an idle
	// plan's content after PLAN_SLEEP_AFTER_MS, set to IDLE_SLEEP_MS here).
	await sleep(IDLE_WAIT_MS);
	const idle = rssKb(server.pid);
	await server.inspector.gc();
	const idleGc = { ...(await server.inspector.memory()), rss: rssKb(server.pid) };
	load.go();
	await load.next();
	const perPlanKb = (at, key) => (at[key] - beforeGc[key]) / 1024 / docs;
	return {
		rssPerPlanKb: (after - before) / docs,
		rssAfterGcPerPlanKb: (afterGc.rss - beforeGc.rss) / docs,
		heapPerPlanKb: perPlanKb(afterGc, 'heapUsed'),
		buffersPerPlanKb: perPlanKb(afterGc, 'arrayBuffers'),
		idleRssPerPlanKb: (idle - before) / docs,
		idleRssAfterGcPerPlanKb: (idleGc.rss - beforeGc.rss) / docs,
		idleHeapPerPlanKb: perPlanKb(idleGc, 'heapUsed'),
		idleBuffersPerPlanKb: perPlanKb(idleGc, 'arrayBuffers')
	};
}

async function syncPoint(server, ctx) {
	const load = client({ kind: server.kind, base: server.base, cookie: server.cookie, mode: 'firstsync', docName: server.kind === 'ours' ? ctx.ours.bigDoc : `big-${docCounter++}`, state: server.kind === 'ours' ? null : ctx.bigFile });
	await quiet();
	load.go();
	return JSON.parse(await load.next());
}

const stats = (values) => {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	return v.length ? { med: v[Math.floor((v.length - 1) / 2)], min: v[0], max: v.at(-1) } : null;
};

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) throw new Error('build first: npm run build');
	const started = Date.now();
	process.stdout.write(`scale bench: ${QUICK ? 'quick' : 'full'} run, ${REPS} repetition(s), ${DURATION} ms per point, server on core ${SERVER_CORE}, load on core ${LOAD_CORE}\n`);
	const ours = await prepareOurs({ copies: want('many') ? (QUICK ? 100 : 1000) : 60 });
	// The states go to the clients as files (too large for a command line).
	const statesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-bench-states-'));
	const ctx = { ours, sampleFile: path.join(statesDir, 'sample.bin'), bigFile: path.join(statesDir, 'big.bin') };
	fs.writeFileSync(ctx.sampleFile, ours.sampleState);
	fs.writeFileSync(ctx.bigFile, ours.bigState);
	process.stdout.write(`sample plan ${(ours.sampleBytes / 1024).toFixed(0)} KB of Yjs state; 1,000-project plan ${(ours.bigBytes / 1024).toFixed(0)} KB\n`);

	const points = [];
	if (want('fanout')) for (const n of [10, 50, 200]) points.push({ name: `fanout ${n}`, run: (s) => editPoint(s, ctx, { clients: n, rate: Math.min(5 * n, 250) }) });
	if (want('cpu')) points.push({ name: 'saturation 50', run: (s) => editPoint(s, ctx, { clients: 50, rate: 2000 }) });
	if (want('presence')) points.push({ name: 'presence 200', run: (s) => editPoint(s, ctx, { clients: 200, rate: 250, awarenessHz: 2 }) });
	if (want('many')) for (const d of QUICK ? [100] : [100, 1000]) points.push({ name: `many ${d}`, fresh: true, inspectable: true, run: (s) => manyPoint(s, ctx, d) });
	if (want('sync')) points.push({ name: 'first sync 1000', fresh: true, run: (s) => syncPoint(s, ctx) });

	const results = {}; // point → kind → [result]
	for (let rep = 0; rep < REPS; rep++) {
		const order = KINDS.map((_, i) => KINDS[(i + rep) % KINDS.length]).filter((k) => ONLY_KINDS.includes(k));
		for (const kind of order) {
			let server = null;
			for (const point of points) {
				if (!server || point.fresh) {
					await server?.stop();
					server = await startServer(kind, ctx, { inspectable: point.inspectable });
				}
				try {
					const r = await point.run(server);
					((results[point.name] ??= {})[kind] ??= []).push(r);
					process.stdout.write(`  rep ${rep + 1} ${kind.padEnd(11)} ${point.name.padEnd(16)} ${JSON.stringify(r)}\n`);
				} catch (e) {
					process.stdout.write(`  rep ${rep + 1} ${kind.padEnd(11)} ${point.name.padEnd(16)} failed: ${e.message}\n`);
				}
			}
			await server?.stop();
		}
	}

	const fmt = (s, d = 1) => (s ? (s.min === s.max ? `${s.med.toFixed(d)}` : `${s.med.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`) : 'n/a');
	const rows = [];
	const line = (label, key, metric, d = 1) => {
		const cells = KINDS.map((k) => stats((results[key]?.[k] ?? []).map(metric)));
		const ratio = cells[0] && cells[1] ? (cells[0].med / cells[1].med).toFixed(2) : 'n/a';
		rows.push(`| ${label} | ${cells.map((c) => fmt(c, d)).join(' | ')} | ${ratio} |`);
	};
	for (const n of [10, 50, 200]) {
		if (!results[`fanout ${n}`]) continue;
		line(`fan-out ${n} clients, ${Math.min(5 * n, 250)} edits/s: p50 ms`, `fanout ${n}`, (r) => r.p50);
		line(`fan-out ${n} clients: p95 ms`, `fanout ${n}`, (r) => r.p95);
		line(`fan-out ${n} clients: p99 ms`, `fanout ${n}`, (r) => r.p99);
	}
	if (results['saturation 50']) {
		line('saturation (50 clients, 2,000 edits/s offered): CPU µs per delivered update', 'saturation 50', (r) => r.cpuUsPerDelivery, 2);
		line('saturation: deliveries per second', 'saturation 50', (r) => r.deliveries / (DURATION / 1000), 0);
		line('saturation: observer p99 ms', 'saturation 50', (r) => r.p99);
	}
	if (results['presence 200']) {
		line('200 clients with presence (2 Hz each), 250 edits/s: p50 ms', 'presence 200', (r) => r.p50);
		line('200 clients with presence: p99 ms', 'presence 200', (r) => r.p99);
	}
	for (const d of [100, 1000]) {
		if (!results[`many ${d}`]) continue;
		line(`${d} open plans × 2 clients: RSS per plan, KB`, `many ${d}`, (r) => r.rssPerPlanKb, 0);
		line(`${d} open plans: RSS per plan after full GCs before and after, KB`, `many ${d}`, (r) => r.rssAfterGcPerPlanKb, 0);
		line(`${d} open plans: live JS heap per plan (after GC), KB`, `many ${d}`, (r) => r.heapPerPlanKb, 0);
		line(`${d} open plans: array buffers per plan (after GC), KB`, `many ${d}`, (r) => r.buffersPerPlanKb, 0);
		line(`${d} open plans, ${IDLE_WAIT_MS / 1000} s later (idle): RSS per plan, KB`, `many ${d}`, (r) => r.idleRssPerPlanKb, 0);
		line(`${d} open idle plans: RSS per plan after full GCs, KB`, `many ${d}`, (r) => r.idleRssAfterGcPerPlanKb, 0);
		line(`${d} open idle plans: live JS heap + array buffers per plan (after GC), KB`, `many ${d}`, (r) => r.idleHeapPerPlanKb + r.idleBuffersPerPlanKb, 0);
	}
	if (results['first sync 1000']) {
		line('1,000-project plan: first sync of the first client (ours: cold load from SQLite; the others keep nothing, so their first client gets an empty document) ms', 'first sync 1000', (r) => r.firstMs);
		line('1,000-project plan: first sync while loaded (warm) ms', 'first sync 1000', (r) => r.warmMs);
	}
	const header = `| metric | ours | bare Hocuspocus | y-websocket | raw ws | ours / bare |\n| --- | --- | --- | --- | --- | --- |`;
	const busy = stats(noise.map((b) => b * 100));
	const table = `${header}\n${rows.join('\n')}\n\nMachine busy before points (other processes), %: median ${busy?.med.toFixed(0)} (min ${busy?.min.toFixed(0)}, max ${busy?.max.toFixed(0)}); ${REPS} repetition(s); ${((Date.now() - started) / 1000).toFixed(0)} s.`;
	process.stdout.write(`\n${table}\n`);
	fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
	fs.writeFileSync(path.join(ROOT, 'bench', 'results', `scale-${QUICK ? 'quick' : 'full'}.json`), JSON.stringify({ at: new Date().toISOString(), results, noise, table }, null, 1));
	fs.rmSync(ours.dataDir, { recursive: true, force: true });
	fs.rmSync(statesDir, { recursive: true, force: true });
}

main().catch((e) => {
	process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
	process.exit(1);
});
