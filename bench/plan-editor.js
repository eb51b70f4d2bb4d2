#!/usr/bin/env node
/**
 * Benchmark: the plan editor with a 1,000-project plan, in Debian's chromium.
 *
 *   npm run build && node bench/plan-editor.js [--projects 1000] [--keys 200] [--runs 3]
 *
 * 1. Starts the built server (node server/index.js) on a free port with a fresh data dir.
 * 2. Signs in as the demo planning officer, creates a new plan through the plan list's
 *    form action, and fills its document over the collaboration socket with a Node
 *    @hocuspocus/provider client. The content is the sample plan with every แผนงาน group's
 *    projects repeated to N projects, written by the plan model itself (importPlanJson from
 *    src/lib/domain/plan, bundled on the fly with esbuild) — no test-only route, no
 *    hand-written Yjs layout.
 * 3. Server-side first sync: a fresh Node client connects and waits for the first sync —
 *    cold (server restarted, the document loads from SQLite) and warm (already loaded).
 * 4. Time to interactive in chromium: navigation start → project rows rendered and the
 *    document synced ("saved"), measured in the page with requestAnimationFrame polling.
 * 5. Keystroke → paint in a text cell of a row in the middle of the plan: for each key,
 *    from the keydown event's timestamp to the first frame after it was painted (a message
 *    posted from the next requestAnimationFrame callback runs after that frame's paint).
 * 6. Scrolling: frame times while the table scrolls through all rows.
 *
 * Prints a table and writes bench/results/plan-editor-<time>.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = Object.fromEntries(
	process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : []))
);
const PROJECTS = Number(args.projects ?? 1000);
const KEYS = Number(args.keys ?? 200);
const RUNS = Number(args.runs ?? 3);
/** --profile: record a CPU profile while typing and scrolling, print the hottest functions. */
const PROFILE = 'profile' in args;

// ───────────────────────────── helpers ─────────────────────────────

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(values, p) {
	const s = [...values].sort((a, b) => a - b);
	if (!s.length) return NaN;
	const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
	return s[i];
}
const median = (v) => percentile(v, 50);
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/** Bundles the plan model (TypeScript) into an ES module next to node_modules, so it shares yjs. */
async function loadPlanModel() {
	let esbuild;
	try {
		esbuild = await import('esbuild');
	} catch {
		throw new Error('esbuild is needed to load the plan model (it comes with the dev dependencies: npm ci)');
	}
	fs.mkdirSync(RESULTS, { recursive: true });
	const out = path.join(RESULTS, '.plan-model.mjs');
	await esbuild.build({
		entryPoints: [path.join(ROOT, 'src/lib/domain/plan/index.ts')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile: out,
		external: ['yjs', 'lib0', 'lib0/*'],
		logLevel: 'warning'
	});
	return import(pathToFileURL(out).href);
}

async function startServer(dataDir, port = 0) {
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const actualPort = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
		const check = () => {
			const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				child.stdout.off('data', check);
				resolve(Number(m[1]));
			}
		};
		child.stdout.on('data', check);
		exited.then(() => reject(new Error(`server exited:\n${out}`)));
	});
	return {
		url: `http://127.0.0.1:${actualPort}`,
		wsUrl: `ws://127.0.0.1:${actualPort}/collab`,
		port: actualPort,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/** Posts a SvelteKit form action the way a browser does; returns the response. */
function postForm(server, pathname, fields, cookie) {
	return fetch(server.url + pathname, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

async function signIn(server, username) {
	const res = await postForm(server, '/login', { username, password: `${username}-demo-2569` });
	const line = res.headers.getSetCookie().find((c) => c.startsWith('ruamphaen_session=') && !c.startsWith('ruamphaen_session=;'));
	if (!line) throw new Error(`sign-in of ${username} failed (${res.status})`);
	return line.split(';')[0];
}

async function createPlan(server, cookie, fiscalYear) {
	const res = await postForm(server, '/?/createPlan', { title: `แผนการดำเนินงาน (ทดสอบ ${PROJECTS} โครงการ)`, fiscalYear: String(fiscalYear) }, cookie);
	const body = await res.json();
	const m = /\/plans\/([a-z0-9]+)/.exec(body.location ?? '');
	if (!m) throw new Error(`creating the plan failed: ${JSON.stringify(body)}`);
	return m[1];
}

/** A Node Hocuspocus client with the session cookie (Node's global WebSocket cannot send one: `ws`). */
async function connect(server, docName, cookie) {
	const [{ HocuspocusProvider, HocuspocusProviderWebsocket }, { default: WebSocket }, Y] = await Promise.all([
		import('@hocuspocus/provider'),
		import('ws'),
		import('yjs')
	]);
	class CookieSocket extends WebSocket {
		constructor(url, protocols) {
			super(url, protocols, { headers: { cookie } });
		}
	}
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: CookieSocket, maxAttempts: 1 });
	const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, token: 'cookie' });
	const started = performance.now();
	provider.attach();
	await waitFor(() => provider.isSynced, 'first sync', 60_000);
	const firstSync = performance.now() - started;
	return {
		doc,
		provider,
		firstSync,
		async flushed() {
			await waitFor(() => provider.unsyncedChanges === 0, 'changes acknowledged', 60_000);
		},
		destroy() {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		}
	};
}

async function waitFor(check, what, timeout) {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

/** The sample plan with each group's projects repeated (fresh ids) until there are `n`. */
function scaledSample(n) {
	const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/lib/server/demo/sample-plan.json'), 'utf8'));
	const groups = sample.strategies.flatMap((s) => s.planGroups);
	const originals = groups.map((g) => g.projects);
	const total = originals.reduce((k, p) => k + p.length, 0);
	let made = 0;
	groups.forEach((g, gi) => {
		const share = gi === groups.length - 1 ? n - made : Math.round((originals[gi].length / total) * n);
		const src = originals[gi].length ? originals[gi] : originals.find((p) => p.length);
		g.projects = Array.from({ length: Math.max(0, share) }, (_, i) => {
			const p = src[i % src.length];
			const copy = i < src.length ? '' : ` (ชุดที่ ${Math.floor(i / src.length) + 1})`;
			return { ...structuredClone(p), id: `${p.id}-x${i}`, seq: i + 1, name: p.name + copy };
		});
		made += g.projects.length;
	});
	delete sample.derived;
	sample.revisions = [];
	return sample;
}

// ───────────────────────────── in-page measurements ─────────────────────────────

/** Runs in the page: resolves with performance.now() when rows are shown and the doc is synced. */
function pageReadyProbe() {
	return new Promise((resolve) => {
		const check = () => {
			const rows = document.querySelectorAll('[data-testid="project-grid"] tr.data').length;
			const state = document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state');
			if (rows > 0 && state === 'saved') resolve({ at: performance.now(), rows });
			else requestAnimationFrame(check);
		};
		check();
	});
}

function installKeyProbe() {
	const w = window;
	w.__latencies = [];
	document.addEventListener(
		'keydown',
		(e) => {
			const start = e.timeStamp;
			requestAnimationFrame(() => {
				const ch = new MessageChannel();
				ch.port1.onmessage = () => w.__latencies.push(performance.now() - start);
				ch.port2.postMessage(0);
			});
		},
		true
	);
}

async function scrollProbe() {
	const scroller = document.querySelector('[data-testid="project-grid"] .scroller');
	const frames = [];
	let last = performance.now();
	scroller.scrollTop = 0;
	await new Promise((r) => requestAnimationFrame(r));
	return new Promise((resolve) => {
		const step = (now) => {
			frames.push(now - last);
			last = now;
			scroller.scrollTop += 600;
			if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) resolve({ frames, rendered: scroller.querySelectorAll('tr.data').length });
			else requestAnimationFrame(step);
		};
		requestAnimationFrame((now) => {
			last = now;
			requestAnimationFrame(step);
		});
	});
}

/** Top self-time functions of a V8 CPU profile. */
function printHotspots(profile) {
	const dt = new Map();
	profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
	const self = new Map();
	for (const n of profile.nodes) {
		const f = n.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
	}
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	console.log('\n  CPU profile (self time, top 25):');
	for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
		console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
	}
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) throw new Error('run `npm run build` first');
	const { chromium } = await import('playwright-core');
	const model = await loadPlanModel();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-bench-'));
	const results = { projects: PROJECTS, machine: { cpus: os.cpus().length, load: os.loadavg().map((l) => +l.toFixed(2)) } };

	let server = await startServer(dataDir);
	const cookie = await signIn(server, 'officer');
	const sample = scaledSample(PROJECTS);
	const planId = await createPlan(server, cookie, sample.document.fiscalYear);
	const docName = `plan.${planId}`;

	// Fill the new plan through the plan model, over the collaboration socket.
	// The server has already migrated the new (empty) document, so the plan is imported into
	// a fresh doc and merged in as one update.
	const Y = await import('yjs');
	const writer = await connect(server, docName, cookie);
	const t0 = performance.now();
	const local = new Y.Doc();
	model.importPlanJson(local, sample);
	Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(local));
	const count = model.listProjects(writer.doc).length;
	await writer.flushed();
	results.fill = { projects: count, ms: performance.now() - t0, updateBytes: Y.encodeStateAsUpdate(writer.doc).length };
	writer.destroy();
	if (count !== PROJECTS) throw new Error(`expected ${PROJECTS} projects, wrote ${count}`);

	// Server-side first sync, cold (fresh process loads the doc from the database) and warm.
	const cold = [];
	const warm = [];
	for (let i = 0; i < RUNS; i++) {
		await server.stop();
		server = await startServer(dataDir, server.port);
		const c = await connect(server, docName, cookie);
		cold.push(c.firstSync);
		for (let k = 0; k < 3; k++) {
			const w = await connect(server, docName, cookie);
			warm.push(w.firstSync);
			w.destroy();
		}
		c.destroy();
	}
	results.firstSync = { coldMs: cold, warmMs: warm };

	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);

		// Time to interactive, RUNS fresh loads (IndexedDB cleared between them, so each one
		// gets the plan from the server like a first visit).
		const tti = [];
		let renderedRows = 0;
		for (let i = 0; i < RUNS; i++) {
			const page = await context.newPage();
			await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'commit' });
			const ready = await page.evaluate(pageReadyProbe);
			tti.push(ready.at);
			renderedRows = ready.rows;
			await page.evaluate(async (name) => {
				await new Promise((r) => {
					const req = indexedDB.deleteDatabase(name);
					req.onsuccess = req.onerror = req.onblocked = r;
				});
			}, `ruamphaen:${docName}`);
			await page.close();
		}
		results.tti = { ms: tti, renderedRows };

		// The floor on this machine: keystroke → paint in a bare <textarea>.
		const blank = await context.newPage();
		await blank.setContent('<textarea autofocus style="width:40rem;height:10rem"></textarea>');
		await blank.focus('textarea');
		await blank.evaluate(installKeyProbe);
		for (let i = 0; i < KEYS; i++) {
			await blank.keyboard.type('abcdefghijklmnopqrstuvwxyz '[i % 27]);
			await sleep(25);
		}
		await blank.waitForTimeout(200);
		const floor = await blank.evaluate(() => window.__latencies);
		results.keystrokeBaseline = { samples: floor.length, p50: percentile(floor, 50), p95: percentile(floor, 95) };
		await blank.close();

		// Keystroke → paint in the middle of the table.
		const page = await context.newPage();
		await page.goto(`${server.url}/plans/${planId}`);
		await page.evaluate(pageReadyProbe);
		await page.evaluate(() => document.querySelector('#pd02')?.scrollIntoView());
		await page.evaluate(() => {
			const s = document.querySelector('[data-testid="project-grid"] .scroller');
			s.scrollTop = s.scrollHeight / 2;
		});
		await page.waitForTimeout(300);
		const target = page.locator('[data-testid="project-grid"] tr.data').nth(12).locator('td[data-col="name"]');
		await target.click();
		await page.keyboard.press('Enter');
		await page.locator('[data-testid="project-grid"] textarea.cell-editor').waitFor();
		await page.evaluate(installKeyProbe);
		const cdp = PROFILE ? await context.newCDPSession(page) : null;
		if (cdp) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
			await cdp.send('Profiler.start');
		}
		const text = 'abcdefghijklmnopqrstuvwxyz ';
		for (let i = 0; i < KEYS; i++) {
			await page.keyboard.type(text[i % text.length]);
			await sleep(25);
		}
		await page.waitForTimeout(300);
		const latencies = await page.evaluate(() => window.__latencies);
		results.keystroke = { samples: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
		await page.keyboard.press('Escape');

		const scroll = await page.evaluate(scrollProbe);
		if (cdp) {
			const { profile } = await cdp.send('Profiler.stop');
			fs.writeFileSync(path.join(RESULTS, 'plan-editor.cpuprofile'), JSON.stringify(profile));
			printHotspots(profile);
		}
		results.scroll = { frames: scroll.frames.length, p50: percentile(scroll.frames, 50), p95: percentile(scroll.frames, 95), renderedRows: scroll.rendered };
		await page.close();
	} finally {
		await browser.close();
		await server.stop();
	}

	const rows = [
		['plan size', `${results.fill.projects} projects, Yjs state ${(results.fill.updateBytes / 1024).toFixed(0)} KiB`],
		['fill over the socket (import + ack)', ms(results.fill.ms)],
		['server first sync, cold (median)', `${ms(median(cold))}  [${cold.map((v) => v.toFixed(0)).join(', ')}]`],
		['server first sync, warm (median)', `${ms(median(warm))}  [${warm.map((v) => v.toFixed(0)).join(', ')}]`],
		['time to interactive (median)', `${ms(median(results.tti.ms))}  [${results.tti.ms.map((v) => v.toFixed(0)).join(', ')}]`],
		['rows in the DOM / in the plan', `${results.tti.renderedRows} / ${results.fill.projects}`],
		['keystroke → paint p50', ms(results.keystroke.p50)],
		['keystroke → paint p95', ms(results.keystroke.p95)],
		['keystroke → paint max', `${ms(results.keystroke.max)} (${results.keystroke.samples} keys)`],
		['  same in a bare <textarea> p50 / p95', `${ms(results.keystrokeBaseline.p50)} / ${ms(results.keystrokeBaseline.p95)}`],
		['scroll frame p50 / p95', `${ms(results.scroll.p50)} / ${ms(results.scroll.p95)} (${results.scroll.frames} frames)`],
		['machine', `${results.machine.cpus} CPUs, load ${results.machine.load.join(' ')}`]
	];
	const w = Math.max(...rows.map((r) => r[0].length));
	console.log(`\nplan editor benchmark (${PROJECTS} projects)\n`);
	for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
	const file = path.join(RESULTS, `plan-editor-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(results, null, 2));
	console.log(`\n  → ${path.relative(ROOT, file)}`);
	fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
