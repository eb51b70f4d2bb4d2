// Benchmark: DOCX and XLSX of the sample plan and of a 1,000-project plan through the real
// exporters, then converted to PDF by LibreOffice (headless) as a reader without Word would see
// them. Prints export seconds, conversion seconds and page counts (pdfinfo).
//
//   node bench/office.js [outdir]     (needs soffice and pdfinfo; keeps the files in outdir)
//
// Loads the TypeScript sources through Vite's SSR loader, so no build is needed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer } from 'vite';
import { enlarge } from './enlarge.js';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-office-'));
fs.mkdirSync(out, { recursive: true });
const has = (cmd) => {
	try {
		execFileSync(cmd, ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};
if (!has('soffice')) {
	console.log('soffice not found: nothing to measure');
	process.exit(0);
}
const pages = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);

const vite = await createServer({ root, server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const { planFromJson } = await vite.ssrLoadModule('/src/lib/domain/plan/json.ts');
	const { buildPrintModel, DEFAULT_PRINT_SETTINGS } = await vite.ssrLoadModule('/src/lib/domain/print/model.ts');
	const { renderPlanDocx } = await vite.ssrLoadModule('/src/lib/server/export/docx.ts');
	const { renderPlanXlsx } = await vite.ssrLoadModule('/src/lib/server/export/xlsx.ts');
	const json = JSON.parse(fs.readFileSync(new URL('../src/lib/server/demo/sample-plan.json', import.meta.url), 'utf8'));
	const sample = planFromJson(json);
	const rows = [];
	for (const [label, name, plan] of [
		['sample (60 projects)', 'sample', sample],
		['1,000 projects', 'big', enlarge(sample, 1000)]
	]) {
		const model = buildPrintModel(plan, { settings: { ...DEFAULT_PRINT_SETTINGS, font: 'th' } });
		for (const [ext, render] of [
			['docx', renderPlanDocx],
			['xlsx', renderPlanXlsx]
		]) {
			const t0 = performance.now();
			const file = path.join(out, `${name}-${ext}.${ext}`);
			fs.writeFileSync(file, await render(model));
			const t1 = performance.now();
			execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 600_000 });
			const t2 = performance.now();
			rows.push({ plan: label, format: ext.toUpperCase(), 'export s': ((t1 - t0) / 1000).toFixed(2), 'LibreOffice → PDF s': ((t2 - t1) / 1000).toFixed(2), pages: pages(file.replace(/\.\w+$/, '.pdf')) });
		}
	}
	console.table(rows);
	console.log(`files in ${out}`);
} finally {
	await vite.close();
}
