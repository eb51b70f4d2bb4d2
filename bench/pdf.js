// Benchmark: PDF of the sample plan and of a 1,000-project plan through the real exporter
// (print model → svelte/server HTML → headless Chromium: one render of the document, then the
// front matter alone with the real สารบัญ numbers in place of its first pages).
// Prints seconds and peak memory (this Node process and Chromium's process tree).
//
//   node bench/pdf.js            (needs /usr/bin/chromium or CHROMIUM_PATH)
//
// Loads the TypeScript/Svelte sources through Vite's SSR loader, so no build is needed.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'vite';
import { enlarge } from './enlarge.js';

const root = new URL('..', import.meta.url).pathname;
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });

/** Resident memory (MB) of the processes this benchmark started (Chromium's tree), summed. */
function chromiumRssMb() {
	try {
		const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.map((l) => l.trim().split(/\s+/).map(Number));
		const children = new Map();
		for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
		const rss = new Map(rows.map(([pid, , kb]) => [pid, kb]));
		let total = 0;
		const stack = [...(children.get(process.pid) ?? [])];
		while (stack.length) {
			const pid = stack.pop();
			total += rss.get(pid) ?? 0;
			stack.push(...(children.get(pid) ?? []));
		}
		return total / 1024;
	} catch {
		return 0;
	}
}

/**
 * CPU seconds (user + system) used so far by the processes this benchmark started (Chromium's
 * tree), by pid, from /proc (Linux; empty elsewhere). On a shared machine the wall time
 * depends on the load; the CPU time of a render does much less.
 */
function chromiumCpu() {
	const procs = [];
	try {
		for (const d of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(d)) continue;
			try {
				const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
				const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
				// utime + stime, and cutime + cstime: a render's process, reaped when its context closes, is counted in its parent.
				procs.push([Number(d), Number(f[1]), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100]);
			} catch {
				/* gone */
			}
		}
	} catch {
		return new Map();
	}
	const children = new Map();
	for (const [pid, ppid] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const cpu = new Map(procs.map(([pid, , s]) => [pid, s]));
	const out = new Map();
	const stack = [...(children.get(process.pid) ?? [])];
	while (stack.length) {
		const pid = stack.pop();
		out.set(pid, cpu.get(pid) ?? 0);
		stack.push(...(children.get(pid) ?? []));
	}
	return out;
}

/** CPU seconds used between two chromiumCpu() readings. */
const cpuSince = (before, after) => [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

function sampler() {
	let node = 0;
	let chrome = 0;
	const tick = () => {
		node = Math.max(node, process.memoryUsage().rss / 1048576);
		chrome = Math.max(chrome, chromiumRssMb());
	};
	const timer = setInterval(tick, 100);
	return {
		stop() {
			tick();
			clearInterval(timer);
			return { node, chrome };
		}
	};
}

try {
	const { planFromJson } = await vite.ssrLoadModule('/src/lib/domain/plan/json.ts');
	const { buildPrintModel, DEFAULT_PRINT_SETTINGS } = await vite.ssrLoadModule('/src/lib/domain/print/model.ts');
	const pdf = await vite.ssrLoadModule('/src/lib/server/export/pdf.ts');
	if (!pdf.chromiumAvailable()) {
		console.log(`chromium not found at ${pdf.chromiumPath()}: nothing to measure`);
		process.exit(0);
	}
	const json = JSON.parse(fs.readFileSync(new URL('../src/lib/server/demo/sample-plan.json', import.meta.url), 'utf8'));
	const sample = planFromJson(json);
	const settings = { ...DEFAULT_PRINT_SETTINGS, font: pdf.laksamanInstalled() ? 'th' : 'sarabun' };

	// Warm-up: browser launch and module loading are not part of a request's cost.
	const warm = Date.now();
	await pdf.renderPlanPdf(buildPrintModel(sample, { settings }));
	console.log(`warm-up (browser launch + first render): ${((Date.now() - warm) / 1000).toFixed(2)} s`);

	const rows = [];
	const big = enlarge(sample, 1000);
	for (const [label, plan, cold] of [
		['sample (60 projects), first export', sample, true],
		['sample (60 projects), again', sample, false],
		['1,000 projects, first export', big, true],
		['1,000 projects, again', big, false]
	]) {
		if (cold) pdf.forgetTocPages();
		const mem = sampler();
		const cpu0 = chromiumCpu();
		const t0 = performance.now();
		const model = buildPrintModel(plan, { settings });
		const { pdf: file, pageCount, renders, frontPages } = await pdf.renderPlanPdf(model);
		if (process.env.BENCH_PDF_OUT) fs.writeFileSync(`${process.env.BENCH_PDF_OUT}-${rows.length}.pdf`, file);
		const seconds = (performance.now() - t0) / 1000;
		// The render's context (and its renderer process) is closed by now; wait until that
		// process is reaped, so its time is counted in its parent, not in the next row.
		for (let i = 0; i < 50 && chromiumCpu().size > cpu0.size; i++) await new Promise((r) => setTimeout(r, 100));
		const cpu = cpuSince(cpu0, chromiumCpu());
		const peak = mem.stop();
		rows.push({
			plan: label,
			seconds: seconds.toFixed(2),
			'chromium CPU s': cpu.toFixed(2),
			renders,
			'front pages again': frontPages,
			pages: pageCount,
			'PDF KB': Math.round(file.length / 1024),
			'peak node RSS MB': peak.node.toFixed(0),
			'peak chromium RSS MB': peak.chrome.toFixed(0)
		});
	}
	console.table(rows);
	console.log(`load average now: ${fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'}`);
	const sampleSeconds = Number(rows[0].seconds);
	console.log(`target: sample < 5 s → ${sampleSeconds < 5 ? 'met' : 'NOT met'} (${sampleSeconds} s)`);
	const bigSeconds = Number(rows[2].seconds);
	console.log(`target: 1,000 projects < 10 s (first export, one render) → ${bigSeconds < 10 ? 'met' : 'NOT met'} (${bigSeconds} s; Chromium CPU ${rows[2]['chromium CPU s']} s)`);
	await pdf.closeBrowser();
} finally {
	await vite.close();
}
