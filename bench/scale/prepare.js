// Prepares a data directory for "ours": the demo organization (seeded by the server itself),
// `count` more plans that are copies of the sample plan (same members, same content), and one
// plan with 1,000 projects written by the plan model (bundled with esbuild, as in
// bench/plan-editor.js). Returns the cookie of a member and the document names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const RESULTS = path.join(ROOT, 'bench', 'results');

export function startOurs(dataDir, port, { pin, env = {}, nodeArgs = [] } = {}) {
	const args = [...nodeArgs, 'server/index.js'];
	const cmd = pin != null ? 'taskset' : process.execPath;
	const argv = pin != null ? ['-c', String(pin), process.execPath, ...args] : args;
	const child = spawn(cmd, argv, {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: 'true', DATABASE_URL: '', REDIS_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return child;
}

async function waitListening(child) {
	let out = '';
	await new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
		const on = (d) => {
			out += d;
			if (/listening on/.test(out)) {
				clearTimeout(t);
				resolve();
			}
		};
		child.stdout.on('data', on);
		child.stderr.on('data', (d) => (out += d));
		child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
	});
}

export async function signIn(base, username) {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: new URLSearchParams({ username, password: `${username}-demo-2569` }),
		redirect: 'manual'
	});
	const line = res.headers.getSetCookie().find((c) => c.startsWith('ruamphaen_session=') && !c.startsWith('ruamphaen_session=;'));
	if (!line) throw new Error(`sign-in of ${username} failed`);
	return line.split(';')[0];
}

async function loadPlanModel() {
	const esbuild = await import('esbuild');
	fs.mkdirSync(RESULTS, { recursive: true });
	const out = path.join(RESULTS, '.scale-plan-model.mjs');
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
			return { ...structuredClone(p), id: `${p.id}-x${i}`, seq: i + 1, name: p.name + (i < src.length ? '' : ` (ชุดที่ ${Math.floor(i / src.length) + 1})`) };
		});
		made += g.projects.length;
	});
	delete sample.derived;
	sample.revisions = [];
	return sample;
}

/** The sample plan as one Yjs update, and the 1,000-project plan as one Yjs update. */
export async function prepareOurs({ copies, bigProjects = 1000 }) {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-bench-'));
	const child = startOurs(dataDir, 0);
	let port = 0;
	child.stdout.on('data', (d) => {
		const m = /listening on http:\/\/[^:]+:(\d+)/.exec(String(d));
		if (m) port = Number(m[1]);
	});
	await waitListening(child);
	const base = `http://127.0.0.1:${port}`;
	const cookie = await signIn(base, 'support');
	const plans = await (await fetch(`${base}/api/plans`, { headers: { cookie } })).json();
	const demo = plans[0];
	await new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));

	const { default: Sqlite } = await import('better-sqlite3');
	const db = new Sqlite(path.join(dataDir, 'ruamphaen.sqlite'));
	const docName = `plan.${demo.id}`;
	const doc = new Y.Doc();
	const snap = db.prepare('select state from doc_snapshots where doc_name = ?').get(docName);
	if (snap) Y.applyUpdate(doc, snap.state);
	for (const row of db.prepare('select data from doc_updates where doc_name = ? order by seq').all(docName)) Y.applyUpdate(doc, row.data);
	const sampleState = Buffer.from(Y.encodeStateAsUpdate(doc));

	const model = await loadPlanModel();
	const big = new Y.Doc();
	model.importPlanJson(big, scaledSample(bigProjects));
	const bigState = Buffer.from(Y.encodeStateAsUpdate(big));

	const planCols = db.prepare('select * from plans where id = ?').get(demo.id);
	const cols = Object.keys(planCols);
	const insertPlan = db.prepare(`insert into plans (${cols.join(',')}) select ${cols.map((c) => (c === 'id' ? '?' : c === 'title' ? "title || ' (bench)'" : c)).join(',')} from plans where id = ?`);
	const insertMembers = db.prepare('insert into plan_members (plan_id, user_id, role, created_at) select ?, user_id, role, created_at from plan_members where plan_id = ?');
	const insertSnap = db.prepare('insert into doc_snapshots (doc_name, state, upto_seq, updated_at) values (?, ?, 0, ?)');
	const ids = [];
	db.transaction(() => {
		for (let i = 0; i <= copies; i++) {
			const id = `bench${String(i).padStart(6, '0')}`;
			insertPlan.run(id, demo.id);
			insertMembers.run(id, demo.id);
			insertSnap.run(`plan.${id}`, i === copies ? bigState : sampleState, Date.now());
			ids.push(id);
		}
	})();
	db.close();
	return {
		dataDir,
		cookie,
		sampleState,
		bigState,
		sampleDocs: ids.slice(0, copies).map((id) => `plan.${id}`),
		bigDoc: `plan.${ids[copies]}`,
		sampleBytes: sampleState.length,
		bigBytes: bigState.length
	};
}
