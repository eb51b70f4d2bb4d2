/**
 * The import API end to end (docs/API.md): create a plan, preview a real-looking workbook
 * (dry run), apply it all-or-nothing, read the plan back as interchange JSON; hostile input;
 * and a workbook exported by the app imported back to the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, postAction, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { commonLayoutWorkbook } from './workbooks';

let server: RunningServer;
let officer: string;
let viewer: string;
let demoId: string;

beforeAll(async () => {
	server = await startServer({ dataDir: tempDir('ruamphaen-import-api-') });
	officer = await signIn(server, 'officer');
	viewer = await signIn(server, 'viewer');
	demoId = (await demoPlan(server, officer)).id;
});
afterAll(async () => {
	await server?.kill();
});

type Report = {
	kind: string;
	sheets: { name: string; kind: string; headerRow: number }[];
	accepted: { row: number; table: string; name: string; budget: number; activeMonths: number[]; responsibleUnit: string; activityDetail: string }[];
	skipped: { row: number; why: string }[];
	rejected: { row: number; reasons: { th: string; en: string }[] }[];
	warnings: { row: number }[];
	questions: { text: string; match: string; suggestion: { code: string } | null; choice: string | null }[];
	error?: string;
	message?: { th: string; en: string };
	applied?: { projects: number; equipment: number; newPlans: string[] };
};
type PlanJson = {
	strategies: { name: string; planGroups: { planCode: string; planName: string; projects: { name: string; budget: number; activeMonths: number[]; activityDetail: string; responsibleUnit: string; location: string; fundingSource: { type: string } }[] }[] }[];
	equipment: unknown[];
	derived: { pd01: { grandTotal: { projectCount: number; budget: number } } };
};

async function upload(planId: string, file: Buffer | string, name: string, query: string, cookie: string | undefined = officer, fields: Record<string, string> = {}) {
	const body = new FormData();
	body.set('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	// Scripts send their Origin like a browser does: SvelteKit refuses cross-site form posts.
	const res = await fetch(`${server.url}/api/plans/${planId}/import${query}`, { method: 'POST', body, headers: { origin: server.url, ...(cookie ? { cookie } : {}) } });
	return { status: res.status, body: (await res.json().catch(() => null)) as Report };
}

async function newPlan(title: string): Promise<string> {
	const created = await api<{ id: string }>(server, 'POST', '/api/plans', officer, { title, fiscalYear: 2569 });
	expect(created.status).toBe(201);
	return created.body.id;
}

const projectsOf = (p: PlanJson) => p.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects.map((r) => ({ strategy: s.name, plan: g.planName, ...r }))));

describe('import API', () => {
	it('previews, refuses while rows are rejected or แผนงาน unanswered, then applies all at once', async () => {
		const id = await newPlan('แผนนำเข้าผ่าน API');
		const file = await commonLayoutWorkbook();

		const dry = await upload(id, file, 'ผด02.xlsx', '?dryRun=1');
		expect(dry.status).toBe(200);
		expect(dry.body.kind).toBe('projects');
		expect(dry.body.sheets).toEqual([{ name: 'ผด.02', kind: 'projects', headerRow: 3 }]);
		expect(dry.body.accepted.map((r) => r.row)).toEqual([7, 8, 9, 10, 11, 12, 19, 20, 30]);
		expect(dry.body.accepted[0]).toMatchObject({ table: 'projects', budget: 1632820, activeMonths: [10, 11, 12], activityDetail: 'ผิวจราจรกว้าง 4 เมตร\nยาว 180 เมตร' });
		expect(dry.body.skipped.filter((s) => s.why !== 'blank').map((s) => [s.row, s.why])).toEqual([
			[13, 'subtotal'], [14, 'header'], [15, 'header'], [16, 'header'], [17, 'header'], [21, 'subtotal'], [29, 'note'], [31, 'subtotal']
		]);
		expect(dry.body.rejected.map((r) => r.row)).toEqual([24, 25, 26, 27]);
		expect(dry.body.rejected[0].reasons[0]).toEqual({ th: expect.stringMatching(/#REF!/), en: expect.stringMatching(/#REF!/) });

		const readBack = async () => (await api<PlanJson>(server, 'GET', `/api/plans/${id}/plan.json`, officer)).body;
		expect(projectsOf(await readBack())).toEqual([]);

		const refused = await upload(id, file, 'ผด02.xlsx', '');
		expect(refused.status).toBe(409);
		expect(refused.body.error).toBe('rejectedRows');
		const unanswered = await upload(id, file, 'ผด02.xlsx', '?acceptRejected=1');
		expect(unanswered.status).toBe(409);
		expect(unanswered.body.error).toBe('unansweredPlans');
		expect(projectsOf(await readBack())).toEqual([]);

		const answers = { 'plan:แผนงานอุตสาหกรรมโยธา': '00310', 'plan:แผนงานพัฒนาหมู่บ้านอัจฉริยะ': 'new' };
		const done = await upload(id, file, 'ผด02.xlsx', '?acceptRejected=1', officer, answers);
		expect(done.status).toBe(200);
		expect(done.body.applied).toEqual({ projects: 9, equipment: 0, newStrategies: expect.any(Array), newPlans: ['แผนงานพัฒนาหมู่บ้านอัจฉริยะ'] });

		const plan = await readBack();
		const rows = projectsOf(plan);
		expect(rows.map((r) => [r.strategy, r.plan, r.name, r.budget, r.activeMonths])).toEqual([
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการก่อสร้างถนน คสล. หมู่ที่ 3', 1632820, [10, 11, 12]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการวางท่อระบายน้ำ', 250000.5, [1, 2]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการขุดลอกคลอง', 150000, [1, 2, 3]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการซ่อมแซมถนนลูกรัง', 45000.75, [4, 5, 6]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการติดตั้งกระจกโค้ง', 30000, [7, 8, 9]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการตีเส้นจราจร', 12000, [10, 12, 1, 2]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการก่อสร้างรางระบายน้ำ', 80000, [4]],
			['ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน', 'แผนงานอุตสาหกรรมและการโยธา', 'โครงการก่อสร้างรางระบายน้ำ', 80000, [5]],
			['ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต', 'แผนงานพัฒนาหมู่บ้านอัจฉริยะ', 'โครงการส่งเสริมอาชีพ', 20000, [4]]
		]);
		expect(rows[0].activityDetail).toBe('ผิวจราจรกว้าง 4 เมตร\nยาว 180 เมตร');
		expect(plan.derived.pd01.grandTotal).toMatchObject({ projectCount: 9, budget: 2299821.25 });
	});

	it('imports a workbook exported by the app back to the same rows, own and other-agency rows included', async () => {
		const original = (await api<PlanJson & { organization: { departments: string[] } }>(server, 'GET', `/api/plans/${demoId}/plan.json`, officer)).body;
		// The organization admin keeps the department list (the demo seeds the plan's own
		// departments into it); the importer tells own rows by it.
		const admin = await signIn(server, 'admin');
		for (const name of original.organization.departments) {
			const added = await postAction(server, '/org/settings?/addDepartment', { name }, admin);
			expect(added.body.type === 'success' || (added.data as { departmentError?: string } | undefined)?.departmentError === 'departmentExists').toBe(true);
		}
		const xlsx = Buffer.from(await (await fetch(`${server.url}/plans/${demoId}/export/xlsx`, { headers: { cookie: officer } })).arrayBuffer());
		const id = await newPlan('แผนนำเข้าจากไฟล์ที่ส่งออก');
		const done = await upload(id, xlsx, 'plan.xlsx', '');
		expect(done.body.rejected ?? []).toEqual([]);
		expect(done.status).toBe(200);
		const copy = (await api<PlanJson>(server, 'GET', `/api/plans/${id}/plan.json`, officer)).body;
		const shape = (p: PlanJson) => projectsOf(p).map((r) => [r.strategy, r.plan, r.name, r.activityDetail, r.budget, r.location, r.responsibleUnit, r.activeMonths, r.fundingSource.type]);
		expect(shape(copy)).toEqual(shape(original));
		expect(projectsOf(copy).filter((r) => r.fundingSource.type === 'otherAgency').length).toBeGreaterThan(0);
		expect(copy.equipment.length).toBe(original.equipment.length);
		expect(copy.derived.pd01.grandTotal).toEqual(original.derived.pd01.grandTotal);
	});

	it('refuses hostile and wrong input at the boundary', async () => {
		// Plan creation: JSON only, a real title and a B.E. fiscal year, within the size limit.
		expect((await api(server, 'POST', '/api/plans', undefined, { title: 'x', fiscalYear: 2569 })).status).toBe(401);
		expect((await api(server, 'POST', '/api/plans', officer, { title: '', fiscalYear: 2569 })).body).toEqual({ error: 'required', field: 'title' });
		expect((await api(server, 'POST', '/api/plans', officer, { title: 'x', fiscalYear: 1999 })).status).toBe(400);
		expect((await api(server, 'POST', '/api/plans', officer, { title: { $gt: '' }, fiscalYear: 2569 })).status).toBe(400);
		expect((await api(server, 'POST', '/api/plans', officer, ['x'])).status).toBe(400);
		expect((await api(server, 'POST', '/api/plans', officer, { title: 'x'.repeat(100_000), fiscalYear: 2569 })).status).toBe(413);
		expect((await api(server, 'POST', '/api/plans', viewer, { title: 'x', fiscalYear: 2569 })).status).toBe(403);
		const form = await fetch(`${server.url}/api/plans`, { method: 'POST', headers: { cookie: officer, origin: server.url, 'content-type': 'text/plain' }, body: '{"title":"x","fiscalYear":2569}' });
		expect(form.status).toBe(415);

		const id = await newPlan('แผนทดสอบข้อมูลผิด');
		const csv = 'ที่,โครงการ,งบประมาณ\n';
		expect((await upload(id, csv, 'p.csv', '?dryRun=1', '')).status).toBe(401);
		// A viewer of the demo plan may read but not import; a plan they are not on does not exist for them.
		expect((await upload(demoId, csv, 'p.csv', '?dryRun=1', viewer)).status).toBe(403);
		expect((await upload(id, csv, 'p.csv', '?dryRun=1', viewer)).status).toBe(404);
		expect((await upload('nosuchplan', csv, 'p.csv', '?dryRun=1')).status).toBe(404);
		expect((await upload(id, csv, 'p.csv', '?dryRun=yes')).status).toBe(400);
		expect((await upload(id, csv, 'p.csv', '?dryRun=1', officer, { 'plan:แผนงานใหม่': '../../etc' })).status).toBe(400);
		const noFile = await fetch(`${server.url}/api/plans/${id}/import?dryRun=1`, { method: 'POST', body: new URLSearchParams({ file: 'text' }), headers: { cookie: officer, origin: server.url } });
		expect(noFile.status).toBe(400);
		const renamed = await upload(id, 'ที่,โครงการ\n1,ถนน\n', 'plan.xlsx', '?dryRun=1');
		expect(renamed.status).toBe(422);
		expect(renamed.body.message?.th).toMatch(/ไม่ใช่สมุดงาน Excel/);
		const tooBig = await upload(id, Buffer.alloc(5.5 * 1024 * 1024, 0x41), 'big.csv', '?dryRun=1');
		expect(tooBig.status).toBe(413);
		expect(tooBig.body.message?.th).toMatch(/เกิน 5 MB/);
		const noHeader = await upload(id, 'a,b\n1,2\n', 'x.csv', '');
		expect(noHeader.status).toBe(422);
		expect(noHeader.body.error).toBe('problem');
	});
});
