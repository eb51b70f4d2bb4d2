#!/usr/bin/env node
/**
 * Benchmark: the plan editor in Debian's chromium, for the sample plan (60 projects) and a
 * 1,000-project plan, with the bare <textarea> floor measured in the same browser run.
 *
 *   npm run build && node bench/plan-editor.js [--projects sample,1000] [--keys 80] [--runs 3] [--profile 1] [--only load]
 *
 * 1. Starts the built server (node server/index.js) on a free port with a fresh data dir.
 * 2. For each plan size: signs in as the demo planning officer, creates a new plan through
 *    the plan list's form action and fills it over the collaboration socket with a Node
 *    @hocuspocus/provider client. The content is the sample plan (repeated per แผนงาน group
 *    to N projects), written by the plan model itself (importPlanJson, bundled with esbuild).
 * 3. Server-side first sync (largest plan only): cold (server restarted) and warm.
 * 4. Load (RUNS first visits, --pause ms apart): "ready" = project rows rendered and the document synced ("saved"); time to
 *    interactive = ready, pushed past every long task that starts less than 500 ms after the
 *    previous one ended (the main thread has then been quiet for 500 ms). Page errors on load
 *    (e.g. Svelte effect loops) are counted. "Every part drawn" = ผด.02/1, ผด.01 and the
 *    outline are in the page too (they are mounted a task or a few after the grid, so their
 *    drawing is in those tasks and counts in TTI only as the long tasks it makes).
 * 5. Interactions, each timed from the input event's timestamp to the first frame painted
 *    after the result is in the DOM (a message posted from requestAnimationFrame runs after
 *    that frame's paint), with the Long Tasks API (> 50 ms) over the interaction and the
 *    500 ms after it (debounced work counts):
 *      typing in a narrative section (per key), typing in a project-name cell (per key),
 *      committing a budget (Enter), adding a row (Ctrl+Enter), deleting a row (toolbar),
 *      a remote peer's budget edit arriving (sent by a Node client; wall clocks of the same
 *      machine), pasting 50 rows (a paste event with text/plain TSV and text/html).
 * 6. Scrolling: frame times while the table scrolls through all rows.
 *
 * Prints a table per plan size and writes bench/results/plan-editor-<time>.json.
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
const SIZES = String(args.projects ?? 'sample,1000').split(',').map((v) => (v === 'sample' ? 'sample' : Number(v)));
const KEYS = Number(args.keys ?? 80);
const RUNS = Number(args.runs ?? 3);
/**
 * --pause: ms between one load's page closing and the next load. Each load is someone opening
 * the plan nobody has open: without a pause, the next load met the server still storing and
 * unloading the plan the previous page had just closed (a second of its CPU on a 2-core machine).
 */
const PAUSE_MS = Number(args.pause ?? 2000);
/** --only load: the loads alone (no interactions, no scrolling), for working on the load path. */
const LOADS_ONLY = args.only === 'load';
/**
 * --profile [phase]: record a CPU profile and print the hottest functions; phase is one of
 * load (the last of the loads: a warm browser cache; with --trace 1 a Chrome trace of it, its
 * categories from TRACE_CATS), typing (narrative, then cell: a narrative section or a name cell
 * alone), commits (budget commits, adding and deleting rows), paste, or all (everything after
 * the loads, the default).
 */
const PROFILE = 'profile' in args ? (['load', 'typing', 'narrative', 'cell', 'commits', 'paste'].includes(args.profile) ? args.profile : 'all') : null;

// ───────────────────────────── helpers ─────────────────────────────

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Progress on stderr (the table goes to stdout). */
const progress = (what) => process.stderr.write(`  … ${what}\n`);

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

async function createPlan(server, cookie, fiscalYear, projects) {
	const res = await postForm(server, '/?/createPlan', { title: `แผนการดำเนินงาน (ทดสอบ ${projects} โครงการ)`, fiscalYear: String(fiscalYear) }, cookie);
	const body = await res.json();
	const m = /\/plans\/([a-z0-9]+)/.exec(body.location ?? '');
	if (!m) throw new Error(`creating the plan failed: ${JSON.stringify(body)}`);
	return m[1];
}

/** A Node Hocuspocus client with the session cookie (`ws`: the global WebSocket cannot send request headers). */
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
	if (n === 'sample') {
		delete sample.derived;
		sample.revisions = [];
		return sample;
	}
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

/**
 * Runs in the page: resolves with performance.now() when every part of the editor is drawn —
 * ผด.02/1, ผด.01 and the outline come a few frames after the project grid since issue 15.
 */
function pagePartsProbe() {
	return new Promise((resolve) => {
		const check = () => {
			if (['equipment-grid', 'pd01', 'outline'].every((id) => document.querySelector(`[data-testid="${id}"]`))) resolve(performance.now());
			else requestAnimationFrame(check);
		};
		check();
	});
}

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
	// Once per page: a second listener would count every key twice.
	if (w.__keyProbe) return;
	w.__keyProbe = true;
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

/** --trace 1 (with --profile <phase>): a Chrome trace of the phase instead of a CPU profile. */
const TRACE = Boolean(args.trace);

const traceStart = (page) =>
	page.context().browser().startTracing(page, { categories: (process.env.TRACE_CATS ?? 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.invalidationTracking,v8').split(',') });

/** Stops the trace, writes it and prints where the renderer's main thread spent its time. */
async function traceStop(page, name) {
	const buffer = await page.context().browser().stopTracing();
	fs.writeFileSync(path.join(RESULTS, `plan-editor-${name}.trace.json`), buffer);
	const events = JSON.parse(buffer.toString()).traceEvents;
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	const totals = new Map();
	for (const e of events) {
		if (e.ph !== 'X' || !e.dur || e.pid !== main?.pid || e.tid !== main?.tid) continue;
		const t = totals.get(e.name) ?? { ms: 0, n: 0 };
		t.ms += e.dur / 1000;
		t.n++;
		totals.set(e.name, t);
	}
	console.log('\n  main-thread trace events (inclusive ms, count):');
	for (const [n, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`    ${t.ms.toFixed(1).padStart(9)}  ${String(t.n).padStart(5)}  ${n}`);
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

// ───────────────────────────── interactions ─────────────────────────────

/** Init script of every bench page: long tasks (buffered) and uncaught errors. */
function pageInstrumentation() {
	const w = window;
	w.__longTasks = [];
	w.__errors = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		/* no Long Tasks API */
	}
	addEventListener('error', (e) => w.__errors.push(String(e.message)));
	addEventListener('unhandledrejection', (e) => w.__errors.push(String(e.reason?.message ?? e.reason)));
}

/**
 * Runs in the page: waits for the next `event` (captured on the document; 'remote' waits for
 * nothing), then for `done` to hold in a frame, then for that frame's paint. Resolves (via
 * window.__pending) with the input timestamp and the paint time, both in performance.now().
 * `done`: { kind: 'rowcount', grid, delta } (the grid's aria-rowcount moved by delta),
 * { kind: 'digits', selector, digits } (the element's digits start with these), or { kind: 'paint' }.
 */
function armProbe(spec) {
	const w = window;
	const check = () => {
		const d = spec.done;
		if (d.kind === 'paint') return true;
		if (d.kind === 'rowcount') {
			const n = Number(document.querySelector(`[data-testid="${d.grid}"] [role="grid"]`)?.getAttribute('aria-rowcount') ?? NaN);
			return n === d.from + d.delta;
		}
		if (d.kind === 'digits') {
			const el = document.querySelector(d.selector);
			return !!el && el.textContent.replace(/\D/g, '').startsWith(d.digits);
		}
		return false;
	};
	if (spec.done.kind === 'rowcount') {
		spec.done.from = Number(document.querySelector(`[data-testid="${spec.done.grid}"] [role="grid"]`)?.getAttribute('aria-rowcount') ?? NaN);
	}
	w.__pending = new Promise((resolve) => {
		const timeout = spec.timeout ?? 10_000;
		const wait = (start) => {
			const frame = () => {
				if (check()) {
					const ch = new MessageChannel();
					ch.port1.onmessage = () => resolve({ start, end: performance.now(), ok: true });
					ch.port2.postMessage(0);
				} else if (performance.now() - start > timeout) resolve({ start, end: performance.now(), ok: false });
				else requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		};
		if (spec.event === 'remote') wait(performance.now());
		else document.addEventListener(spec.event, (e) => wait(e.timeStamp), { capture: true, once: true });
	});
}

/** Long tasks that started in [from, to) (page clock). */
const longTasksIn = (page, from, to) =>
	page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a - 1 && t.start < b), [from, to]);

/** Summary of a list of interaction samples: latencies and long tasks. */
function summarize(samples) {
	const lat = samples.filter((s) => s.ok).map((s) => s.latency);
	const tasks = samples.flatMap((s) => s.longTasks.map((t) => t.duration));
	return {
		samples: samples.length,
		failed: samples.filter((s) => !s.ok).length,
		p50: percentile(lat, 50),
		p95: percentile(lat, 95),
		max: lat.length ? Math.max(...lat) : NaN,
		longTasks: tasks.length,
		longestTask: tasks.length ? Math.max(...tasks) : 0
	};
}

/** One interaction: arm the probe, act, await the paint, collect long tasks over it + `settle` ms. */
async function interaction(page, spec, act, settle = 500) {
	await page.evaluate(armProbe, spec);
	await act();
	const r = await page.evaluate(() => window.__pending);
	await sleep(settle);
	const longTasks = await longTasksIn(page, r.start, r.end + settle);
	return { ok: r.ok, latency: r.end - r.start, longTasks };
}

/** Per-key latencies (keydown → paint) and long tasks while typing `n` keys. */
async function typeKeys(page, n) {
	await page.evaluate(installKeyProbe);
	const from = await page.evaluate(() => performance.now());
	const text = 'abcdefghijklmnopqrstuvwxyz ';
	for (let i = 0; i < n; i++) {
		await page.keyboard.type(text[i % text.length]);
		await sleep(40);
	}
	await sleep(500);
	const latencies = await page.evaluate(() => window.__latencies);
	const to = await page.evaluate(() => performance.now());
	const longTasks = (await longTasksIn(page, from, to)).map((t) => t.duration);
	return {
		samples: latencies.length,
		failed: 0,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		max: Math.max(...latencies),
		longTasks: longTasks.length,
		longestTask: longTasks.length ? Math.max(...longTasks) : 0
	};
}

/** 50 rows as a spreadsheet puts them on the clipboard: TSV and an HTML table. */
function spreadsheetRows(n) {
	const rows = Array.from({ length: n }, (_, i) => [`โครงการวาง ${i + 1}`, `รายละเอียด ${i + 1}`, `${(i + 1) * 1000}`, `หมู่ที่ ${(i % 9) + 1}`]);
	return {
		tsv: rows.map((r) => r.join('\t')).join('\r\n') + '\r\n',
		html: `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`
	};
}

/** Dispatches a paste event with clipboard data on the focused element. */
function pasteInPage(data) {
	const dt = new DataTransfer();
	dt.setData('text/plain', data.tsv);
	dt.setData('text/html', data.html);
	const target = document.activeElement ?? document.body;
	target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}

const GRID = '[data-testid="project-grid"]';

/** Opens the plan in a fresh page, waits until ready; returns the page and its load numbers. */
async function openPlan(context, server, planId, profileAs = null) {
	const page = await context.newPage();
	const cdp = profileAs && !TRACE ? await context.newCDPSession(page) : null;
	if (profileAs && TRACE) await traceStart(page);
	if (cdp) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
	}
	const errors = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'commit' });
	const ready = await page.evaluate(pageReadyProbe);
	const allParts = await page.evaluate(pagePartsProbe);
	// When the HTML arrived and when the plan's state did (fetched over HTTP, or the socket's
	// first sync — whichever the page used), on the page's clock.
	const arrivals = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		const state = performance.getEntriesByType('resource').find((e) => e.name.includes('/state'));
		const server = Object.fromEntries((state?.serverTiming ?? []).map((t) => [t.name, t.duration]));
		return {
			html: nav?.responseEnd ?? NaN,
			state: state ? state.responseEnd : NaN,
			stateAsked: state ? state.startTime : NaN,
			stateDetail: state ? [state.requestStart, state.responseStart, state.responseEnd].map((v) => v.toFixed(0)).join('/') : '',
			stateServer: server
		};
	});
	await page.locator('[data-testid="section-editor"] .ProseMirror').first().waitFor();
	await sleep(1500); // let the load settle, then read its long tasks
	const tasks = await page.evaluate(() => window.__longTasks);
	if (cdp) {
		const { profile } = await cdp.send('Profiler.stop');
		fs.writeFileSync(path.join(RESULTS, `plan-editor-${profileAs}-load.cpuprofile`), JSON.stringify(profile));
		printHotspots(profile);
	}
	if (profileAs && TRACE) await traceStop(page, `${profileAs}-load`);
	let tti = ready.at;
	for (const t of [...tasks].sort((a, b) => a.start - b.start)) if (t.start <= tti + 500) tti = Math.max(tti, t.start + t.duration);
	return { page, load: { ready: ready.at, allParts, arrivals, tti, rows: ready.rows, longTasks: tasks.length, longestTask: Math.max(0, ...tasks.map((t) => t.duration)), errors } };
}

/** A data row in the middle of the grid's visible area, scrolled into view; returns its id. */
async function middleRow(page) {
	await page.evaluate(() => document.querySelector('#pd02')?.scrollIntoView());
	await page.evaluate((g) => {
		const s = document.querySelector(`${g} .scroller`);
		s.scrollTop = s.scrollHeight / 2;
	}, GRID);
	await sleep(500);
	return page.evaluate(async (g) => {
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const s = document.querySelector(`${g} .scroller`).getBoundingClientRect();
		const mid = (s.top + s.bottom) / 2;
		const rows = [...document.querySelectorAll(`${g} tr.data`)];
		rows.sort((a, b) => Math.abs(a.getBoundingClientRect().top - mid) - Math.abs(b.getBoundingClientRect().top - mid));
		return rows[0].getAttribute('data-row-id');
	}, GRID);
}

async function measureSize(size, { server, cookie, model, browser, fiscalYear, firstSync }) {
	const Y = await import('yjs');
	const sample = scaledSample(size);
	const projects = sample.strategies.flatMap((s) => s.planGroups).reduce((n, g) => n + g.projects.length, 0);
	const planId = await createPlan(server, cookie, fiscalYear, projects);
	const docName = `plan.${planId}`;
	const out = { projects };

	// Fill the new plan through the plan model, over the collaboration socket (imported into
	// a fresh doc and merged in as one update: the server has already set up the empty one).
	const writer = await connect(server, docName, cookie);
	const t0 = performance.now();
	const local = new Y.Doc();
	model.importPlanJson(local, sample);
	Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(local));
	const count = model.listProjects(writer.doc).length;
	await writer.flushed();
	out.fill = { projects: count, ms: performance.now() - t0, updateBytes: Y.encodeStateAsUpdate(writer.doc).length };
	writer.destroy();
	if (count !== projects) throw new Error(`expected ${projects} projects, wrote ${count}`);

	if (firstSync) out.firstSync = await firstSync(docName);

	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript(pageInstrumentation);
	await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
	try {
		// Loads: RUNS first visits (IndexedDB cleared between them).
		progress(`${size}: loads`);
		const loads = [];
		for (let i = 0; i < RUNS; i++) {
			const { page, load } = await openPlan(context, server, planId, i === RUNS - 1 && PROFILE === 'load' ? size : null);
			loads.push(load);
			await page.evaluate(async (name) => {
				await new Promise((r) => {
					const req = indexedDB.deleteDatabase(name);
					req.onsuccess = req.onerror = req.onblocked = r;
				});
			}, `ruamphaen:${docName}`);
			await page.close();
			await sleep(PAUSE_MS);
		}
		out.load = {
			readyMs: loads.map((l) => l.ready),
			allPartsMs: loads.map((l) => l.allParts),
			htmlMs: loads.map((l) => l.arrivals.html),
			stateMs: loads.map((l) => l.arrivals.state),
			stateAskedMs: loads.map((l) => l.arrivals.stateAsked),
			stateServer: loads.map((l) => l.arrivals.stateServer),
			stateDetail: loads.map((l) => l.arrivals.stateDetail),
			ttiMs: loads.map((l) => l.tti),
			renderedRows: loads[0].rows,
			longTasks: loads.map((l) => l.longTasks),
			longestTask: Math.max(...loads.map((l) => l.longestTask)),
			errors: loads[0].errors
		};
		if (LOADS_ONLY) return out;

		const { page } = await openPlan(context, server, planId);
		const cdp = PROFILE ? await context.newCDPSession(page) : null;
		if (cdp) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		}
		/** Starts or stops the profiler at the edges of the phase asked for. */
		const profilePhase = async (phase, start) => {
			if (!cdp || PROFILE !== phase) return;
			if (TRACE) return start ? traceStart(page) : traceStop(page, `${size}-${phase}`);
			if (start) return cdp.send('Profiler.start');
			const { profile } = await cdp.send('Profiler.stop');
			fs.writeFileSync(path.join(RESULTS, `plan-editor-${size}-${phase}.cpuprofile`), JSON.stringify(profile));
			printHotspots(profile);
		};
		if (PROFILE === 'all') await profilePhase('all', true);
		if (PROFILE === 'typing') await profilePhase('typing', true);

		// Typing in the first narrative section.
		progress(`${size}: narrative typing`);
		const prose = page.locator('[data-testid="section-editor"] .ProseMirror').first();
		await prose.click();
		await page.keyboard.press('Control+End');
		await profilePhase('narrative', true);
		out.narrativeKey = await typeKeys(page, KEYS);
		await profilePhase('narrative', false);

		// Typing in a project-name cell in the middle of the table.
		progress(`${size}: name-cell typing`);
		const rowId = await middleRow(page);
		const cellOf = (id, col) => page.locator(`${GRID} tr[data-row-id="${id}"] td[data-col="${col}"]`);
		await cellOf(rowId, 'name').click();
		await page.keyboard.press('Enter');
		await page.locator(`${GRID} textarea.cell-editor`).waitFor();
		await profilePhase('cell', true);
		out.cellKey = await typeKeys(page, KEYS);
		await profilePhase('cell', false);
		await page.keyboard.press('Enter');

		await profilePhase('typing', false);
		// Committing a budget: type it, time Enter → the new value painted.
		progress(`${size}: budget commits`);
		await profilePhase('commits', true);
		const budgets = [];
		for (let i = 0; i < 8; i++) {
			const baht = 700_000 + i * 1_234;
			await cellOf(rowId, 'budget').click();
			await page.keyboard.type(String(baht));
			budgets.push(
				await interaction(page, { event: 'keydown', done: { kind: 'digits', selector: `${GRID} tr[data-row-id="${rowId}"] td[data-col="budget"] .v`, digits: String(baht) } }, () =>
					page.keyboard.press('Enter')
				)
			);
		}
		out.budgetCommit = summarize(budgets);

		// Adding a row (Ctrl+Enter on a cell) and deleting it (toolbar).
		progress(`${size}: add/delete rows`);
		const adds = [];
		const deletes = [];
		for (let i = 0; i < 6; i++) {
			await cellOf(rowId, 'name').click();
			adds.push(await interaction(page, { event: 'keydown', done: { kind: 'rowcount', grid: 'project-grid', delta: 1 } }, () => page.keyboard.press('Control+Enter')));
			deletes.push(
				await interaction(page, { event: 'click', done: { kind: 'rowcount', grid: 'project-grid', delta: -1 } }, () =>
					page.locator(`${GRID} [data-action="delete"]`).click()
				)
			);
		}
		out.addRow = summarize(adds);
		out.deleteRow = summarize(deletes);
		await profilePhase('commits', false);

		// A remote peer's budget edit arriving (a Node client on the same machine).
		progress(`${size}: remote edits`);
		const peer = await connect(server, docName, cookie);
		const remote = [];
		for (let i = 0; i < 8; i++) {
			const baht = 810_000 + i * 4_321;
			await page.evaluate(armProbe, { event: 'remote', done: { kind: 'digits', selector: `${GRID} tr[data-row-id="${rowId}"] td[data-col="budget"] .v`, digits: String(baht) } });
			const sentEpoch = Date.now();
			peer.doc.transact(() => model.updateProjectField(peer.doc, rowId, 'budget', baht * 100));
			const r = await page.evaluate(() => window.__pending);
			const origin = await page.evaluate(() => performance.timeOrigin);
			const sent = sentEpoch - origin;
			await sleep(500);
			remote.push({ ok: r.ok, latency: r.end - sent, longTasks: await longTasksIn(page, sent, r.end + 500) });
		}
		peer.destroy();
		out.remoteEdit = summarize(remote);

		progress(`${size}: paste 50 rows`);
		await profilePhase('paste', true);
		// Pasting 50 rows from a spreadsheet onto the name cell of a group's last row: that row
		// is overwritten and 49 rows are added below it.
		const paste = [];
		for (let i = 0; i < 2; i++) {
			// Scroll (virtualized rows) until a group's end is in view.
			const lastOfGroup = await page.evaluate(async (g) => {
				const scroller = document.querySelector(`${g} .scroller`);
				for (let k = 0; k < 200; k++) {
					const rows = [...document.querySelectorAll(`${g} tbody tr`)];
					const view = scroller.getBoundingClientRect();
					const add = rows.findIndex(
						(r, j) => j > 0 && r.classList.contains('add') && rows[j - 1].classList.contains('data') && r.getBoundingClientRect().bottom < view.bottom && rows[j - 1].getBoundingClientRect().top > view.top + 60
					);
					if (add > 0) return rows[add - 1].getAttribute('data-row-id');
					scroller.scrollTop += 200;
					await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				}
				return null;
			}, GRID);
			if (!lastOfGroup) throw new Error('no group end found to paste at');
			await cellOf(lastOfGroup, 'name').click();
			paste.push(
				await interaction(page, { event: 'paste', done: { kind: 'rowcount', grid: 'project-grid', delta: 49 }, timeout: 3000 }, () =>
					page.evaluate(pasteInPage, spreadsheetRows(50))
				)
			);
			if (paste.at(-1).ok) await page.keyboard.press('Control+z');
			await sleep(300);
		}
		out.paste50 = summarize(paste);
		await profilePhase('paste', false);

		await page.keyboard.press('Escape');
		const scroll = await page.evaluate(scrollProbe);
		out.scroll = { frames: scroll.frames.length, p50: percentile(scroll.frames, 50), p95: percentile(scroll.frames, 95), renderedRows: scroll.rendered };
		await profilePhase('all', false);
		out.pageErrors = await page.evaluate(() => window.__errors);
		await page.close();
	} finally {
		await context.close();
	}
	return out;
}

/** Keystroke → paint in a bare <textarea>, the machine's floor, in the same browser. */
async function textareaFloor(browser) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript(pageInstrumentation);
	const page = await context.newPage();
	await page.setContent('<textarea autofocus style="width:40rem;height:10rem"></textarea>');
	await page.focus('textarea');
	const r = await typeKeys(page, KEYS);
	await context.close();
	return r;
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) throw new Error('run `npm run build` first');
	const { chromium } = await import('playwright-core');
	const model = await loadPlanModel();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-bench-'));
	const results = { machine: { cpus: os.cpus().length, loadBefore: os.loadavg().map((l) => +l.toFixed(2)) }, sizes: {} };

	let server = await startServer(dataDir);
	let cookie = await signIn(server, 'officer');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		// As the server's PDFs and the browser tests run it (Node strips the file's types).
		args: (await import(pathToFileURL(path.join(ROOT, 'src/lib/server/export/chromiumArgs.ts')).href)).CHROMIUM_ARGS
	});
	/** Server-side first sync, cold (fresh process loads the doc from the database) and warm. */
	const firstSync = async (docName) => {
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
		return { coldMs: cold, warmMs: warm };
	};
	try {
		results.textareaFloor = await textareaFloor(browser);
		let year = 2569;
		const largest = Math.max(...SIZES.map((s) => (s === 'sample' ? 0 : s)));
		for (const size of SIZES) {
			results.sizes[size] = await measureSize(size, { server, cookie, model, browser, fiscalYear: year++, firstSync: size === largest ? firstSync : null });
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	results.machine.loadAfter = os.loadavg().map((l) => +l.toFixed(2));

	const floor = results.textareaFloor;
	const lt = (r) => `${r.longTasks} long${r.longTasks ? `, longest ${r.longestTask.toFixed(0)} ms` : ''}`;
	const line = (r) => (r.samples - r.failed > 0 ? `p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}  (${r.samples - r.failed}/${r.samples})  ${lt(r)}` : `did not happen (${r.samples} tries)  ${lt(r)}`);
	console.log(`\nplan editor benchmark — ${results.machine.cpus} CPUs, load ${results.machine.loadBefore.join(' ')} → ${results.machine.loadAfter.join(' ')}`);
	console.log(`  bare <textarea> keystroke → paint: ${line(floor)}`);
	for (const [size, r] of Object.entries(results.sizes)) {
		const rows = [
			['plan', `${r.projects} projects, Yjs state ${(r.fill.updateBytes / 1024).toFixed(0)} KiB, filled in ${ms(r.fill.ms)}`],
			...(r.firstSync
				? [
						['server first sync cold / warm (median)', `${ms(median(r.firstSync.coldMs))} / ${ms(median(r.firstSync.warmMs))}`]
					]
				: []),
			['HTML / plan state over HTTP arrived (median)', `${ms(median(r.load.htmlMs))} / ${ms(median(r.load.stateMs))}  [${r.load.stateMs.map((v) => v.toFixed(0)).join(', ')}]`],
			[
				'  plan state asked at / server access+read+encode',
				r.load.stateAskedMs.map((v, i) => `${v.toFixed(0)}/${Object.values(r.load.stateServer[i]).map((d) => d.toFixed(0)).join('+')}`).join(', ')
			],
			['  plan state sent / first byte / last byte', r.load.stateDetail.join(', ')],
			['ready (median)', `${ms(median(r.load.readyMs))}  [${r.load.readyMs.map((v) => v.toFixed(0)).join(', ')}]`],
			['every part drawn (median)', `${ms(median(r.load.allPartsMs))}  [${r.load.allPartsMs.map((v) => v.toFixed(0)).join(', ')}]`],
			['time to interactive (median)', `${ms(median(r.load.ttiMs))}  [${r.load.ttiMs.map((v) => v.toFixed(0)).join(', ')}]`],
			['load long tasks / longest', `${r.load.longTasks.join(', ')} / ${ms(r.load.longestTask)}`],
			['errors on load', r.load.errors.length ? `${r.load.errors.length}: ${r.load.errors[0].slice(0, 90)}` : 'none'],
			['rows in the DOM / in the plan', `${r.load.renderedRows} / ${r.projects}`]
		];
		if (!LOADS_ONLY)
			rows.push(
				['narrative keystroke → paint', `${line(r.narrativeKey)}  p95 = ${(r.narrativeKey.p95 / floor.p95).toFixed(2)}× floor`],
				['name-cell keystroke → paint', `${line(r.cellKey)}  p95 = ${(r.cellKey.p95 / floor.p95).toFixed(2)}× floor`],
				['budget commit (Enter → paint)', line(r.budgetCommit)],
				['add a row (Ctrl+Enter → paint)', line(r.addRow)],
				['delete a row (click → paint)', line(r.deleteRow)],
				["remote peer's budget → paint", line(r.remoteEdit)],
				['paste 50 rows (paste → paint)', line(r.paste50)],
				['scroll frame p50 / p95', `${ms(r.scroll.p50)} / ${ms(r.scroll.p95)} (${r.scroll.frames} frames)`]
			);
		const w = Math.max(...rows.map((x) => x[0].length));
		console.log(`\n  ${size === 'sample' ? 'sample plan' : `${size}-project plan`}`);
		for (const [k, v] of rows) console.log(`    ${k.padEnd(w)}  ${v}`);
	}
	const file = path.join(RESULTS, `plan-editor-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(results, null, 2));
	console.log(`\n  → ${path.relative(ROOT, file)}`);
	fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
