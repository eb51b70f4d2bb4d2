/**
 * Import uploads as an attacker with the planning officer's account would send them: a
 * 200,000-row workbook under the 5 MB limit (alone and two at once), an over-rows CSV, a body
 * over the byte limit. The server must refuse each with a clear Thai message, its memory
 * (the child's VmRSS from /proc) must stay bounded, and /healthz must keep answering; a
 * normal workbook still previews.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { messyWorkbook } from '../export/fixtures';
import { bigCsv, bigWorkbook } from './uploadFixtures';

/** Generous: the idle server is about 110 MB; the unbounded parse reached 830 MB. */
const RSS_BOUND_MB = 400;
/** /healthz must stay responsive while uploads are read. */
const HEALTH_BOUND_MS = 2000;

let server: RunningServer;
let officer: string;
let planId: string;

beforeAll(async () => {
	server = await startServer();
	officer = await signIn(server, 'officer');
	planId = (await demoPlan(server, officer)).id;
});
afterAll(async () => {
	await server?.kill();
});

const rssMb = () => {
	const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
};

/** Samples the server's RSS and /healthz latency until `work` settles. */
async function watch<T>(work: Promise<T>): Promise<{ result: T; peakRssMb: number; slowestHealthMs: number }> {
	let done = false;
	let peakRssMb = rssMb();
	let slowestHealthMs = 0;
	const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), 20);
	const health = (async () => {
		while (!done) {
			const t0 = performance.now();
			// A failed probe counts as never answered.
			const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
			slowestHealthMs = Math.max(slowestHealthMs, ok ? performance.now() - t0 : Infinity);
		}
	})();
	try {
		const result = await work;
		return { result, peakRssMb, slowestHealthMs };
	} finally {
		done = true;
		clearInterval(sampler);
		await health;
	}
}

interface Envelope {
	type: string;
	status?: number;
	data?: { refusal?: { th: string; en: string }; preview?: { projects: unknown[]; rejected: unknown[]; problem: unknown } };
}

async function upload(name: string, bytes: Buffer, type = 'application/octet-stream'): Promise<{ status: number; body: Envelope }> {
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
	const res = await fetch(`${server.url}/plans/${planId}/import?/preview`, {
		method: 'POST',
		body: form,
		headers: { cookie: officer, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const text = await res.text();
	let body: Envelope;
	try {
		body = JSON.parse(text) as Envelope;
	} catch {
		body = { type: 'raw', status: res.status, data: { refusal: { th: text, en: text } } };
	}
	if (body.data && typeof body.data === 'string') body.data = devalue(body.data);
	return { status: res.status, body };
}

/** Action data arrives devalue-encoded; ours is plain objects and strings. */
function devalue(data: string): Envelope['data'] {
	const table = JSON.parse(data) as unknown[];
	const revive = (i: unknown): unknown => {
		if (typeof i !== 'number' || i < 0) return undefined;
		const v = table[i];
		if (Array.isArray(v)) return v.map(revive);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
		return v;
	};
	return revive(0) as Envelope['data'];
}

const refusalOf = (r: { body: Envelope }) => r.body.data?.refusal?.th ?? '';

describe('import uploads are bounded', () => {
	it('still previews a normal workbook (and loads the parser, which takes a second once per process)', async () => {
		const { file, accepted } = await messyWorkbook();
		const r = await upload('messy.xlsx', file);
		expect(r.body.type).toBe('success');
		expect(r.body.data?.preview?.projects).toHaveLength(accepted.length);
	});

	it('refuses a 200,000-row workbook early, with memory and /healthz unharmed', { timeout: 120_000 }, async () => {
		const file = await bigWorkbook(200_000);
		expect(file.length).toBeLessThan(5 * 1024 * 1024); // under the byte limit: only the row limit can stop it
		const idle = rssMb();
		const one = await watch(upload('big.xlsx', file));
		const two = await watch(Promise.all([upload('big1.xlsx', file), upload('big2.xlsx', file)]));

		console.info(
			`upload 200,000 rows (${(file.length / 1048576).toFixed(1)} MB xlsx): idle RSS ${idle.toFixed(0)} MB; ` +
				`one upload peak ${one.peakRssMb.toFixed(0)} MB, slowest /healthz ${one.slowestHealthMs.toFixed(0)} ms; ` +
				`two at once peak ${two.peakRssMb.toFixed(0)} MB, slowest /healthz ${two.slowestHealthMs.toFixed(0)} ms`
		);
		expect(one.result.body.type).toBe('failure');
		expect(refusalOf(one.result)).toMatch(/มากกว่า 20,?000 แถว/);
		for (const r of two.result) expect(refusalOf(r)).toMatch(/มากกว่า 20,?000 แถว|ลองใหม่/);
		expect(one.peakRssMb).toBeLessThan(RSS_BOUND_MB);
		expect(two.peakRssMb).toBeLessThan(RSS_BOUND_MB);
		expect(one.slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
		expect(two.slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
	});

	it('reads a large real-shaped workbook just under the cell limit, within the memory bound', { timeout: 120_000 }, async () => {
		// 18 columns as in a real ผด.02: about 5,500 rows fit in XLSX_MAX_CELLS (100,000).
		const file = await bigWorkbook(5_500, 'real');
		const r = await watch(upload('large.xlsx', file));
		console.info(`upload 5,500 rows × 18 columns (${(file.length / 1048576).toFixed(1)} MB xlsx): peak ${r.peakRssMb.toFixed(0)} MB, slowest /healthz ${r.slowestHealthMs.toFixed(0)} ms`);
		expect(r.result.body.type).toBe('success');
		expect(r.result.body.data?.preview?.projects).toHaveLength(5_500);
		expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
	});

	it('refuses a CSV over the row limit with a clear message', async () => {
		const csv = bigCsv(30_000);
		const r = await watch(upload('rows.csv', csv, 'text/csv'));
		expect(r.result.body.type).toBe('failure');
		expect(refusalOf(r.result)).toMatch(/มากกว่า 20,?000 แถว/);
		expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
	});

	it('refuses a body over the byte limit with the import page message, not a bare 413', async () => {
		const r = await upload('big.csv', Buffer.alloc(7 * 1024 * 1024, 0x41), 'text/csv');
		expect(r.body.type).toBe('failure');
		expect(refusalOf(r)).toMatch(/เกิน 5 MB/);
	});

});
