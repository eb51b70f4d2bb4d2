/**
 * DOCX and XLSX as a reader without Word sees them: both converted to PDF by LibreOffice
 * (headless, one conversion each) and read back with pdftotext -layout. The DOCX must take about
 * as many pages as the Chromium PDF (no row held whole on a page of its own, no doubled line
 * height), list the projects in plan order, and print every month heading on one line
 * ("ต.ค.", never "ต" / ".ค."); the workbook must print the ผด.01 and ผด.02 sheets readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';

const sample = JSON.parse(fs.readFileSync(new URL('../../src/lib/server/demo/sample-plan.json', import.meta.url), 'utf8'));
type JsonProject = { name: string; budget: number };
const projects: JsonProject[] = sample.strategies.flatMap((s: { planGroups: { projects: JsonProject[] }[] }) => s.planGroups.flatMap((g) => g.projects));
const MONTHS = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];

let server: RunningServer;
const dir = tempDir('ruamphaen-office-');
const pages: Record<'chromium' | 'docx' | 'xlsx', string[]> = { chromium: [], docx: [], xlsx: [] };

const textPages = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

beforeAll(async () => {
	server = await startServer();
	const cookie = await signIn(server, 'officer');
	const { id } = await demoPlan(server, cookie);
	const save = async (format: string, name: string) => {
		const res = await fetch(`${server.url}/plans/${id}/export/${format}`, { headers: { cookie } });
		expect(res.status).toBe(200);
		fs.writeFileSync(path.join(dir, name), Buffer.from(await res.arrayBuffer()));
	};
	await save('pdf', 'chromium.pdf');
	await save('docx', 'plan-docx.docx');
	await save('xlsx', 'plan-xlsx.xlsx');
	// One LibreOffice start for both files (its start-up is most of the time).
	await promisify(execFile)('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'plan-docx.docx'), path.join(dir, 'plan-xlsx.xlsx')], { timeout: 180_000 });
	pages.chromium = textPages(path.join(dir, 'chromium.pdf'));
	pages.docx = textPages(path.join(dir, 'plan-docx.pdf'));
	pages.xlsx = textPages(path.join(dir, 'plan-xlsx.pdf'));
}, 300_000);
afterAll(async () => {
	await server?.kill();
});

/**
 * Thai text as compared here: without spaces and without the marks above and below the line,
 * which pdftotext gives back out of order from LibreOffice's PDFs ("ทัง้ สิน ้" for "ทั้งสิ้น").
 */
const skeleton = (s: string) => s.normalize('NFC').replace(/[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');
/** A page of a form: its first line carries the form code (a contents page mentions it later). */
const formPage = (code: RegExp) => (p: string) => code.test(p.trim().split('\n')[0]);

/** The `needles` not found in order in `hay` (each looked for after the previous one). */
function inOrder(hay: string, needles: string[]): string[] {
	const missing: string[] = [];
	let at = 0;
	for (const n of needles) {
		const i = hay.indexOf(n, at);
		if (i < 0) missing.push(n);
		else at = i + n.length;
	}
	return missing;
}

describe('DOCX in LibreOffice', () => {
	it('takes about as many pages as the Chromium PDF', () => {
		expect(pages.chromium.length).toBeGreaterThan(5);
		expect(Math.abs(pages.docx.length - pages.chromium.length)).toBeLessThanOrEqual(Math.ceil(pages.chromium.length * 0.25));
	});

	it('reads in plan order: the parts, then every project budget of ผด.02 in sequence', () => {
		const all = pages.docx.join('\n');
		expect(inOrder(skeleton(all), ['แผนการดำเนินงาน', 'คำนำ', 'สารบัญ', 'บทนำ', 'แบบผด.๐๑', 'รวมทั้งสิ้น', 'แบบผด.๐๒', 'แบบผด.๐๒/๑'].map(skeleton))).toEqual([]);
		const pd02 = pages.docx.filter(formPage(/แบบ ผด\.๐๒\s*$/)).join('\n');
		expect(inOrder(pd02, projects.map((p) => p.budget.toLocaleString('en-US')))).toEqual([]);
	});

	it('prints the twelve month headings whole, on one line, on every page of ผด.02 and ผด.02/1', () => {
		const formPages = pages.docx.filter(formPage(/แบบ ผด\.๐๒/));
		expect(formPages.length).toBeGreaterThan(3);
		const headingLine = new RegExp(MONTHS.map((m) => m.replace(/\./g, '\\.')).join('\\s+'));
		const without = formPages.map((p, i) => (headingLine.test(p) ? null : i)).filter((i) => i !== null);
		expect(without).toEqual([]);
	});
});

describe('XLSX in LibreOffice', () => {
	it('prints landscape, one page wide but not squeezed onto one page, the headings repeated on every ผด.02 page', () => {
		const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path.join(dir, 'plan-xlsx.pdf')], { encoding: 'utf8' });
		const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
		expect(sizes.length).toBe(pages.xlsx.length);
		expect(sizes.filter(([w, h]) => w <= h)).toEqual([]);
		const pd02 = pages.xlsx.filter((p) => /แบบ ผด\.๐๒\s*$/m.test(p) && !p.includes('ผด.๐๒/๑'));
		expect(pd02.length).toBeGreaterThan(2);
		const headingLine = new RegExp(MONTHS.map((m) => m.replace(/\./g, '\\.')).join('\\s+'));
		expect(pd02.filter((p) => !headingLine.test(p))).toEqual([]);
	});

	it('prints the ผด.01 totals and the ผด.02 projects with their month headings', () => {
		const all = pages.xlsx.join('\n');
		expect(skeleton(all)).toContain(skeleton('รวมทั้งสิ้น'));
		expect(all).toContain('23,570,990');
		expect(all).toMatch(new RegExp(MONTHS.map((m) => m.replace(/\./g, '\\.')).join('\\s+')));
		expect(inOrder(all, projects.slice(0, 10).map((p) => p.budget.toLocaleString('en-US')))).toEqual([]);
	});
});
