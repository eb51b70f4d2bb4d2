/**
 * Whole-plan JSON through the import API (docs/API.md, docs/INTERCHANGE.md): the sample plan
 * exported, imported into a new plan and exported again is the same content; a plan with rows
 * is replaced only when asked; hostile files are refused with a Thai/English reason and change
 * nothing; a 1,000-project file imports in bounded time and a file at the size limit keeps the
 * server's memory bounded.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { api } from '../helpers/api';

let server: RunningServer;
let officer: string;
let viewer: string;
let demoId: string;

beforeAll(async () => {
	server = await startServer({ dataDir: tempDir('ruamphaen-import-json-') });
	officer = await signIn(server, 'officer');
	viewer = await signIn(server, 'viewer');
	demoId = (await demoPlan(server, officer)).id;
});
afterAll(async () => {
	await server?.kill();
});

type Row = { id: string; name: string; budget: number; activeMonths: number[]; responsibleUnit: string; guidelineId: string | null; fundingSource: { type: string } };
type PlanJson = {
	document: Record<string, unknown>;
	organization: { name: string };
	planCatalogue: unknown[];
	preface: unknown;
	introduction: { sections: unknown[] };
	strategies: { id: string; name: string; guidelines: { id: string; name: string }[]; planGroups: { planCode: string; planName: string; projects: Row[] }[] }[];
	equipment: ({ id: string } & Record<string, unknown>)[];
	revisions: unknown[];
	derived: { pd01: { grandTotal: { projectCount: number; budget: number } } };
};
type Report = {
	kind: string;
	accepted: { row: number; table: string; name: string; budget: number; own: boolean }[];
	rejected: { row: number; path: string; reasons: { th: string; en: string }[] }[];
	skipped: { why: string }[];
	warnings: { message: { th: string; en: string } }[];
	replaces: { projects: number; equipment: number };
	error?: string;
	message?: { th: string; en: string };
	applied?: { projects: number; equipment: number };
};

async function upload(planId: string, file: string, query: string, cookie: string = officer, name = 'plan.json') {
	const body = new FormData();
	body.set('file', new Blob([file], { type: 'application/json' }), name);
	const res = await fetch(`${server.url}/api/plans/${planId}/import${query}`, { method: 'POST', body, headers: { origin: server.url, cookie } });
	return { status: res.status, body: (await res.json().catch(() => null)) as Report };
}
const exportOf = async (id: string) => (await api<PlanJson>(server, 'GET', `/api/plans/${id}/plan.json`, officer)).body;
async function newPlan(title: string, fiscalYear = 2569): Promise<string> {
	const created = await api<{ id: string }>(server, 'POST', '/api/plans', officer, { title, fiscalYear });
	expect(created.status).toBe(201);
	return created.body.id;
}
const rowsOf = (p: PlanJson) => p.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects));

/** What a round trip keeps: everything but ids, the plan's own title/edition and the revisions. */
function content(p: PlanJson) {
	const guideline = new Map(p.strategies.flatMap((s) => s.guidelines.map((g) => [g.id, g.name] as const)));
	const noIds = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'strategyId' || k === 'planGroupId' ? undefined : x)));
	return {
		document: { ...p.document, title: null, edition: null },
		catalogue: p.planCatalogue,
		preface: p.preface,
		introduction: p.introduction,
		strategies: p.strategies.map((s) => ({
			name: s.name,
			guidelines: s.guidelines.map((g) => g.name),
			groups: s.planGroups.map((g) => ({ ...g, id: null, projects: g.projects.map((r) => ({ ...r, id: null, guidelineId: r.guidelineId && guideline.get(r.guidelineId) })) }))
		})),
		equipment: p.equipment.map((e) => ({ ...e, id: null })),
		pd01: noIds(p.derived.pd01)
	};
}

describe('whole-plan JSON import API', () => {
	it('round trip: the sample plan exported, imported into a new plan, exported again is the same content', async () => {
		const original = await exportOf(demoId);
		const id = await newPlan('แผนจากไฟล์ plan.json');
		const dry = await upload(id, JSON.stringify(original), '?dryRun=1');
		expect(dry.status).toBe(200);
		expect(dry.body.kind).toBe('plan.json');
		expect(dry.body.rejected).toEqual([]);
		expect(dry.body.accepted).toHaveLength(rowsOf(original).length + original.equipment.length);
		expect(dry.body.accepted.filter((r) => !r.own).length).toBe(rowsOf(original).filter((r) => r.fundingSource.type !== 'own').length);
		expect(rowsOf(await exportOf(id))).toEqual([]);

		const done = await upload(id, JSON.stringify(original), '');
		expect(done.status).toBe(200);
		expect(done.body.applied).toEqual({ projects: rowsOf(original).length, equipment: original.equipment.length, replaced: { projects: 0, equipment: 0 } });
		const copy = await exportOf(id);
		expect(content(copy)).toEqual(content(original));
		expect(rowsOf(copy)[0].id).not.toBe(rowsOf(original)[0].id);
		expect(copy.derived.pd01.grandTotal).toEqual(original.derived.pd01.grandTotal);

		// The plan now has rows: a second import replaces them only when asked.
		const again = await upload(id, JSON.stringify(original), '');
		expect(again.status).toBe(409);
		expect(again.body.error).toBe('planNotEmpty');
		expect(again.body.replaces).toEqual({ projects: rowsOf(original).length, equipment: original.equipment.length });
		const replaced = await upload(id, JSON.stringify(original), '?replace=1');
		expect(replaced.status).toBe(200);
		expect(rowsOf(await exportOf(id))).toHaveLength(rowsOf(original).length);
	});

	it('rows the validation refuses are listed with reasons; apply waits for acceptRejected=1', async () => {
		const file = await exportOf(demoId);
		rowsOf(file)[0].activeMonths = [13];
		rowsOf(file)[1].budget = 12.345;
		const id = await newPlan('แผนที่มีแถวผิด');
		const refused = await upload(id, JSON.stringify(file), '');
		expect(refused.status).toBe(409);
		expect(refused.body.error).toBe('rejectedRows');
		expect(refused.body.rejected.map((r) => [r.row, r.reasons[0].th])).toEqual([
			[1, 'เดือนต้องอยู่ระหว่าง 1–12'],
			[2, 'งบประมาณมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง']
		]);
		expect(rowsOf(await exportOf(id))).toEqual([]);
		const done = await upload(id, JSON.stringify(file), '?acceptRejected=1');
		expect(done.status).toBe(200);
		expect(rowsOf(await exportOf(id))).toHaveLength(rowsOf(file).length - 2);
	});

	it('refuses hostile files with a Thai and English reason and changes nothing', async () => {
		const id = await newPlan('แผนทดสอบไฟล์ JSON ผิด');
		const base = await exportOf(demoId);
		const text = JSON.stringify(base);
		const withMarkup = structuredClone(base);
		rowsOf(withMarkup)[0].name = '<img src=x onerror=alert(1)>';
		const cases: [string, string, RegExp][] = [
			['not JSON', '{"schemaVersion": "1.0", oops', /ไม่ถูกต้องตามไวยากรณ์/],
			['wrong shape', JSON.stringify({ ...base, strategies: { length: 1 } }), /strategies/],
			['array', '[1,2,3]', /ไม่ใช่ไฟล์แผนการดำเนินงาน/],
			['prototype pollution', text.replace('"schemaVersion"', '"__proto__":{"isAdmin":true},"schemaVersion"'), /__proto__/],
			['deep nesting', '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', /ลึกเกิน/],
			['markup', JSON.stringify(withMarkup), /แท็ก HTML/],
			['wrong fiscal year', text.replace('"fiscalYear":2569', '"fiscalYear":2570'), /พ\.ศ\. 2570/]
		];
		for (const [name, file, reason] of cases) {
			const got = await upload(id, file, '?dryRun=1');
			expect(got.status, name).toBe(422);
			expect(got.body.error, name).toBe('refused');
			expect(got.body.message?.th, name).toMatch(reason);
			expect(got.body.message?.en.length, name).toBeGreaterThan(10);
			expect((await upload(id, file, '?acceptRejected=1&replace=1')).status, name).toBe(422);
		}
		expect(rowsOf(await exportOf(id))).toEqual([]);
		// A viewer may not import. (A small body: refused before the body is read, a large one
		// would leave the rest unread on a kept-alive connection the next request then reuses.)
		expect((await upload(demoId, '{}', '?dryRun=1', viewer)).status).toBe(403);
	});

	it('never trusts derived: a ผด.01 block that disagrees is a warning, and the stored plan has the recomputed one', async () => {
		const file = await exportOf(demoId);
		const truth = structuredClone(file.derived.pd01.grandTotal);
		file.derived.pd01.grandTotal = { projectCount: 1, budget: 99 };
		const id = await newPlan('แผนที่มีข้อมูลสรุปผิด');
		const done = await upload(id, JSON.stringify(file), '');
		expect(done.status).toBe(200);
		expect(done.body.warnings.map((w) => w.message.th).join(' ')).toMatch(/ไม่ตรงกับที่คำนวณ/);
		expect(done.body.skipped.map((s) => s.why)).toContain('derived');
		expect((await exportOf(id)).derived.pd01.grandTotal).toEqual(truth);
	});

	it('a 1,000-project file imports in bounded time; a file at the size limit keeps memory bounded', { timeout: 180_000 }, async () => {
		const sample = await exportOf(demoId);
		const rows = rowsOf(sample);
		const group = sample.strategies[0].planGroups[0];
		const thousand = structuredClone(sample);
		thousand.strategies[0].planGroups[0].projects = Array.from({ length: 1000 - (rows.length - group.projects.length) }, (_, i) => ({ ...rows[i % rows.length], id: `P${i}`, guidelineId: null, name: `โครงการที่ ${i + 1}` }));
		expect(rowsOf(thousand)).toHaveLength(1000);
		const id = await newPlan('แผน 1,000 โครงการ');
		const t0 = performance.now();
		const done = await upload(id, JSON.stringify(thousand), '');
		const ms = performance.now() - t0;
		expect(done.status).toBe(200);
		expect(done.body.applied?.projects).toBe(1000);
		expect(rowsOf(await exportOf(id))).toHaveLength(1000);

		// At the limit: as many rows as a file may carry, padded to just under 5 MB.
		const limit = structuredClone(sample);
		const detail = 'ก'.repeat(100);
		limit.strategies[0].planGroups[0].projects = Array.from({ length: 3000 }, (_, i) => ({ ...rows[0], id: `L${i}`, guidelineId: null, activityDetail: detail }));
		let text = JSON.stringify(limit);
		text = text.replace('"schemaVersion"', `"pad":"${'x'.repeat(5 * 1024 * 1024 - Buffer.byteLength(text) - 2048)}","schemaVersion"`);
		expect(Buffer.byteLength(text)).toBeGreaterThan(4.9 * 1024 * 1024);
		const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))![1]) / 1024;
		const idle = rss();
		let peak = idle;
		const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
		const at = await Promise.all([upload(id, text, '?dryRun=1'), upload(id, text, '?dryRun=1')]);
		clearInterval(sampler);
		console.info(
			`plan.json import: 1,000 projects (${(Buffer.byteLength(JSON.stringify(thousand)) / 1048576).toFixed(2)} MB) applied in ${ms.toFixed(0)} ms; ` +
				`two ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB previews at once (3,000 rows): idle RSS ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`
		);
		expect(ms).toBeLessThan(30_000);
		for (const r of at) expect(r.status === 200 ? r.body.accepted.length : r.body.message?.en).toSatisfy((v: unknown) => v === rowsOf(limit).length + limit.equipment.length || /busy/.test(String(v)));
		expect(peak - idle).toBeLessThan(400);

		// Over the size limit: refused before it is read (last: the server stops reading the
		// body and the client's connection is not reused after it).
		const big = await upload(id, `{"a":"${'x'.repeat(5.5 * 1024 * 1024)}"}`, '?dryRun=1');
		expect(big.status).toBe(413);
		expect(big.body.message?.th).toMatch(/เกิน 5 MB/);
	});
});
