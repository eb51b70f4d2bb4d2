import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import sample from '../demo/sample-plan.json';
import { initNewPlan } from '$lib/domain/plan/newPlan';
import { readPlan, replacePlanContent } from '$lib/domain/plan/doc';
import { planToInterchange } from '$lib/domain/plan/interchange';
import type { Plan, PlanJson } from '$lib/domain/plan/types';
import { IMPORT_MAX_BYTES } from './files';
import { ImportRefusal } from './refusal';
import { checkPlanFile, JSON_MAX_DEPTH, looksLikeJson, parsePlanJsonBytes, previewPlanJson, withFreshIds, type JsonImportTarget } from './planJson';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const clone = (): PlanJson => structuredClone(sample) as unknown as PlanJson;

function newPlanDoc(fiscalYear = 2569): Y.Doc {
	const doc = new Y.Doc();
	initNewPlan(doc, { title: 'แผนใหม่', fiscalYear, organization: { name: 'เทศบาลตำบลทดสอบ', departments: ['สำนักปลัด', 'กองช่าง'] } });
	return doc;
}
const targetOf = (doc: Y.Doc): JsonImportTarget => {
	const p = readPlan(doc);
	return { meta: p.meta, front: p.front, projects: p.projects.length, equipment: p.equipment.length };
};
const preview = (json: unknown, doc = newPlanDoc()) => previewPlanJson(checkPlanFile(parsePlanJsonBytes(bytes(json))), targetOf(doc));

function refusal(fn: () => unknown): ImportRefusal {
	try {
		fn();
	} catch (e) {
		if (e instanceof ImportRefusal) return e;
		throw e;
	}
	throw new Error('not refused');
}

/** The content a round trip must keep, ids and print-derived numbering aside. */
function content(json: PlanJson) {
	const group = new Map(json.strategies.flatMap((s) => s.guidelines.map((g) => [g.id, g.name] as const)));
	return {
		document: { ...json.document, title: undefined, edition: undefined },
		catalogue: json.planCatalogue,
		preface: json.preface,
		cover: json.cover,
		announcement: json.announcement,
		workflow: json.workflow,
		introduction: json.introduction,
		strategies: json.strategies.map((s) => ({
			name: s.name,
			guidelines: s.guidelines.map((g) => g.name),
			groups: s.planGroups.map((g) => ({
				planCode: g.planCode,
				planName: g.planName,
				projects: g.projects.map(({ id: _id, guidelineId, ...p }) => ({ ...p, guideline: guidelineId ? group.get(guidelineId) : null }))
			}))
		})),
		equipment: json.equipment.map(({ id: _id, ...e }) => e),
		derived: withoutIds((json.derived as { pd01: unknown }).pd01)
	};
}

/** ผด.01 without its strategy / group ids (new on import). */
const withoutIds = (pd01: unknown) => JSON.parse(JSON.stringify(pd01, (k, v) => (k === 'strategyId' || k === 'planGroupId' ? undefined : v)));

describe('whole-plan JSON import', () => {
	it('tells JSON from workbooks and CSV by name or first character', () => {
		expect(looksLikeJson('plan.json', bytes('x'))).toBe(true);
		expect(looksLikeJson('upload', bytes('\uFEFF  \n{"a":1}'))).toBe(true);
		expect(looksLikeJson('list.csv', bytes('ที่,โครงการ'))).toBe(false);
	});

	it('round trip: the sample exported, imported into a new plan, exported again is the same content', () => {
		const source = newPlanDoc();
		replacePlanContent(source, withFreshIds(preview(clone()).plan));
		const exported = planToInterchange(readPlan(source));

		const target = newPlanDoc();
		const p = preview(JSON.parse(JSON.stringify(exported)), target);
		expect(p.rejected).toEqual([]);
		expect(p.accepted).toHaveLength(exported.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects)).length + exported.equipment.length);
		replacePlanContent(target, withFreshIds(p.plan));
		const again = planToInterchange(readPlan(target));
		expect(content(again)).toEqual(content(exported));
		// Ids are new; the plan's own title and organization stay.
		expect(again.strategies[0].planGroups[0].projects[0].id).not.toBe(exported.strategies[0].planGroups[0].projects[0].id);
		expect(again.document.title).toBe('แผนใหม่');
		expect(again.organization.name).toBe('เทศบาลตำบลทดสอบ');
		// Own/other, months and satang exact.
		const rows = again.strategies.flatMap((s) => s.planGroups.flatMap((g) => g.projects));
		expect(rows.some((r) => r.fundingSource.type === 'otherAgency')).toBe(true);
		expect(content(again).derived).toEqual(withoutIds(sample.derived.pd01));
	});

	it('sorts rows with the validation module: month 13, negative and 3-decimal budgets, no name are rejected with reasons', () => {
		const json = clone();
		const rows = json.strategies[0].planGroups[0].projects;
		(rows[0].activeMonths as number[]) = [13];
		rows[1].budget = -5;
		rows[2].budget = 10.005;
		rows[3].name = '  ';
		(rows[4].activeMonths as number[]) = [1.5];
		const p = preview(json);
		expect(p.rejected.map((r) => [r.row, r.path])).toEqual([
			[1, 'strategies[0].planGroups[0].projects[0]'],
			[2, 'strategies[0].planGroups[0].projects[1]'],
			[3, 'strategies[0].planGroups[0].projects[2]'],
			[4, 'strategies[0].planGroups[0].projects[3]'],
			[5, 'strategies[0].planGroups[0].projects[4]']
		]);
		expect(p.rejected.map((r) => r.reasons[0].en)).toEqual(['Months must be 1–12', 'The budget cannot be negative', 'At most two decimal places (satang)', 'The project needs a name', 'Months must be 1–12']);
		expect(p.rejected.every((r) => r.reasons.every((m) => m.th.length > 0))).toBe(true);
		expect(p.plan.projects.map((r) => r.id)).not.toContain(rows[0].id);
	});

	it('never trusts derived: a disagreeing ผด.01 is a warning, and the summary is recomputed', () => {
		const json = clone();
		(json.derived as { pd01: { grandTotal: { budget: number } } }).pd01.grandTotal.budget = 1;
		const p = preview(json);
		expect(p.rejected).toEqual([]);
		expect(p.warnings.map((w) => w.message.en).join(' ')).toMatch(/derived ผด\.01 summary disagrees/);
		expect(p.skipped.map((s) => s.why)).toEqual(['derived', 'revisions']);
		const doc = newPlanDoc();
		replacePlanContent(doc, withFreshIds(p.plan));
		expect(withoutIds((planToInterchange(readPlan(doc)).derived as { pd01: unknown }).pd01)).toEqual(withoutIds(sample.derived.pd01));
		// A derived block of the wrong shape is not read at all (and does not crash the check).
		const odd = clone();
		odd.derived = { pd01: { strategies: 7 } };
		expect(preview(odd).warnings.map((w) => w.message.en).join(' ')).toMatch(/unreadable/);
	});

	it('refuses hostile files as a whole with a Thai and English reason', () => {
		const cases: [string, () => unknown, RegExp][] = [
			['wrong fiscal year', () => preview(clone(), newPlanDoc(2570)), /fiscal year 2569/],
			['not an object', () => preview([1, 2]), /not a plan file/],
			['wrong shape', () => preview({ ...clone(), strategies: 'x' }), /strategies is invalid/],
			['bad id', () => preview({ ...clone(), strategies: [{ ...clone().strategies[0], id: '<b>' }] }), /strategies\[0\]\.id is invalid/],
			['prototype pollution', () => preview(JSON.stringify(clone()).replace('"isFictional"', '"__proto__":{"admin":true},"isFictional"')), /forbidden key "__proto__"/],
			['constructor key', () => preview(JSON.stringify(clone()).replace('"isFictional"', '"constructor":{"prototype":{}},"isFictional"')), /forbidden key/],
			['deep nesting', () => preview('{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), new RegExp(`deeper than ${JSON_MAX_DEPTH}`)],
			['markup', () => {
				const json = clone();
				json.strategies[0].planGroups[0].projects[0].name = 'โครงการ<script>alert(1)</script>';
				return preview(json);
			}, /strategies\[0\]\.planGroups\[0\]\.projects\[0\]\.name contains HTML/],
			['markup in narrative', () => {
				const json = clone();
				json.preface.paragraphs[0] = '<img src=x onerror=alert(1)>';
				return preview(json);
			}, /preface\.paragraphs\[0\] contains HTML/],
			['control characters', () => {
				const json = clone();
				json.strategies[0].name = 'ยุทธศาสตร์\u0007';
				return preview(json);
			}, /control characters/],
			['duplicate project id', () => {
				const json = clone();
				json.strategies[0].planGroups[0].projects[1].id = json.strategies[0].planGroups[0].projects[0].id;
				return preview(json);
			}, /appears twice/],
			['unknown แผนงาน of a group', () => {
				const json = clone();
				json.strategies[0].planGroups[0].planCode = '99999';
				return preview(json);
			}, /not in the catalogue/],
			['syntax', () => preview('{"schemaVersion": "1.0",'), /not valid JSON/],
			['not UTF-8', () => previewPlanJson(checkPlanFile(parsePlanJsonBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), targetOf(newPlanDoc())), /UTF-8/],
			['too large', () => parsePlanJsonBytes(new Uint8Array(IMPORT_MAX_BYTES + 1)), /larger than 5 MB/],
			['too many rows', () => {
				const json = clone();
				const p = { ...json.strategies[0].planGroups[0].projects[0], activityDetail: '', localDevPlanRef: null };
				json.strategies[0].planGroups[0].projects = Array.from({ length: 2600 }, (_, i) => ({ ...p, id: `P${i}` }));
				json.strategies[0].planGroups[1].projects = Array.from({ length: 2401 }, (_, i) => ({ ...p, id: `Q${i}` }));
				return preview(json);
			}, /5,000/]
		];
		for (const [name, run, reason] of cases) {
			const r = refusal(run);
			expect(r.en, name).toMatch(reason);
			expect(r.th.length, name).toBeGreaterThan(5);
		}
		// Nothing leaked into Object.prototype from the pollution attempt.
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});

	it('keeps line breaks and satang exact and reads a file with only the core parts', () => {
		const json = clone();
		json.strategies[0].planGroups[0].projects[0].activityDetail = 'บรรทัดแรก\nบรรทัดสอง';
		json.strategies[0].planGroups[0].projects[0].budget = 238613.38;
		const minimal = { schemaVersion: '1.0', document: { fiscalYear: 2569 }, planCatalogue: json.planCatalogue, strategies: json.strategies };
		const p = preview(minimal);
		const doc = newPlanDoc();
		replacePlanContent(doc, withFreshIds(p.plan));
		const back: Plan = readPlan(doc);
		expect(back.projects[0].activityDetail).toBe('บรรทัดแรก\nบรรทัดสอง');
		expect(back.projects[0].budget).toBe(23861338);
		// Narrative not in the file: the plan's own sections are replaced by none, its front matter kept.
		expect(back.sections).toEqual([]);
		expect(back.equipment).toEqual([]);
	});
});
