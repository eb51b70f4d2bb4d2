/**
 * The §8 invariants of OPERATIONAL_PLAN.md as data checks, shared by the editor (cell
 * hints), the server (submit/lock gates) and imports. Each issue names the field by a
 * stable path (ids, not array positions, so it survives concurrent reordering).
 *
 *   §8.1 group membership and guideline ↔ strategy      validatePlan
 *   §3   a row has a name and a responsible unit        validatePlan
 *   §8.2 month grid non-empty, unique, 1–12, fiscal order validatePlan
 *   §8.3 budget ≥ 0, at most 2 decimals                   validatePlan (+ parseBudget)
 *   §8.4 own-budget projects trace to the 5-year plan     validatePlan (warning)
 *   §8.5 ผด.01 is derived; a stale `derived` block        validatePlanJson (warning)
 *   §8.6 seq follows the order                            validatePlanJson (warning)
 *   §8.7 announcement within 30 days of the trigger       validatePlan (warning)
 *   §8.8 after announcement: revisions, not edits         validatePlan (revisions; baseline)
 *   §8.9 is about rendering and lives with the renderer.
 */
import { parseIsoDate } from '../thai';
import { planDeadline, planFromJson } from './json';
import type { Message } from './money';
import { computePd01 } from './pd01';
import { FISCAL_MONTHS, type Month, type Plan, type PlanJson } from './types';

export { formatBaht, parseBudget, type Message, type ParseBudgetResult } from './money';

/** Longest project or equipment name (and any text cell) import and paste accept. */
export const MAX_CELL_TEXT = 1000;

/**
 * Why a text cell value from outside (import, paste, fill) cannot be stored, or null. The
 * same rule the import applies to a row's name.
 */
export function nameProblem(text: string): Message | null {
	return text.trim().length > MAX_CELL_TEXT ? { th: 'ยาวเกิน 1,000 ตัวอักษร', en: 'Longer than 1,000 characters' } : null;
}

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
	/** e.g. "projects.PJ-001.activeMonths". */
	path: string;
	code: string;
	severity: IssueSeverity;
	message: Message;
}

export interface ValidateOptions {
	/** §8.6: "ที่" restarts per แผนงาน group (default) or runs through the whole form. */
	numbering?: 'perGroup' | 'continuous';
	/**
	 * §8.8: the announced base edition. When given, any project added, removed or changed
	 * relative to it is reported: such changes belong in a Revision.
	 */
	announcedBaseline?: Plan;
}

type Issues = ValidationIssue[];

function issue(issues: Issues, path: string, code: string, severity: IssueSeverity, th: string, en: string): void {
	issues.push({ path, code, severity, message: { th, en } });
}

/** Invariants of the model (what the Yjs doc holds). */
export function validatePlan(plan: Plan, options: ValidateOptions = {}): ValidationIssue[] {
	const issues: Issues = [];
	const strategies = new Map(plan.strategies.map((s) => [s.id, s]));
	const guidelineOwner = new Map(plan.strategies.flatMap((s) => s.guidelines.map((g) => [g.id, s.id] as const)));
	const codes = new Set(plan.catalogue.map((c) => c.code));
	const groupIds = new Set(plan.groups.map((g) => g.id));

	// §8.1 — every row in exactly one existing (strategy, แผนงาน) group.
	const seen = new Set<string>();
	for (const p of plan.projects) {
		const at = `projects.${p.id}`;
		if (seen.has(p.id)) {
			issue(issues, at, 'project.id.duplicate', 'error', 'รหัสโครงการซ้ำ โครงการต้องอยู่ในกลุ่มเดียว', 'Duplicate project id; a project belongs to exactly one group');
		}
		seen.add(p.id);
		if (!strategies.has(p.strategyId)) {
			issue(issues, `${at}.strategyId`, 'project.strategy.unknown', 'error', 'ไม่พบยุทธศาสตร์ของโครงการ', 'The project’s strategy does not exist');
		}
		if (!codes.has(p.planCode)) {
			issue(issues, `${at}.planCode`, 'project.plan.unknown', 'error', 'ไม่พบแผนงานในบัญชีแผนงาน', 'The project’s แผนงาน is not in the catalogue');
		}
		if (p.guidelineId !== null) {
			const owner = guidelineOwner.get(p.guidelineId);
			if (owner === undefined) {
				issue(issues, `${at}.guidelineId`, 'project.guideline.unknown', 'error', 'ไม่พบแนวทางการพัฒนาที่ระบุ', 'The development guideline does not exist');
			} else if (owner !== p.strategyId) {
				issue(issues, `${at}.guidelineId`, 'project.guideline.otherStrategy', 'error', 'แนวทางการพัฒนาต้องอยู่ภายใต้ยุทธศาสตร์เดียวกับโครงการ', 'The guideline must belong to the project’s strategy');
			}
		}
		issues.push(...validateRow({ kind: 'project', ...p }, at));
		// §8.4 — warn, don't block.
		if (p.fundingSource.type === 'own' && !p.localDevPlanRef) {
			issue(issues, `${at}.localDevPlanRef`, 'project.localDevPlanRef.missing', 'warning', 'โครงการงบประมาณของ อปท. ควรอ้างอิงแผนพัฒนาท้องถิ่น', 'Own-budget projects should reference the local development plan');
		}
	}
	for (const g of plan.groups) {
		if (!strategies.has(g.strategyId)) {
			issue(issues, `groups.${g.id}.strategyId`, 'group.strategy.unknown', 'error', 'ไม่พบยุทธศาสตร์ของแผนงานนี้', 'The group’s strategy does not exist');
		}
		if (!codes.has(g.planCode)) {
			issue(issues, `groups.${g.id}.planCode`, 'group.plan.unknown', 'error', 'ไม่พบแผนงานในบัญชีแผนงาน', 'The แผนงาน is not in the catalogue');
		}
	}
	for (const e of plan.equipment) {
		const at = `equipment.${e.id}`;
		if (!codes.has(e.planCode)) {
			issue(issues, `${at}.planCode`, 'equipment.plan.unknown', 'error', 'ไม่พบแผนงานในบัญชีแผนงาน', 'The แผนงาน is not in the catalogue');
		}
		issues.push(...validateRow({ kind: 'equipment', name: e.item, ...e }, at));
	}
	issues.push(...duplicateRows(plan.projects.map((p) => ({ path: `projects.${p.id}`, ...p }))));
	// §8.5 — the one stored ผด.01 value must point at a real row.
	for (const gid of Object.keys(plan.pd01UnitOverrides)) {
		if (!groupIds.has(gid)) {
			issue(issues, `pd01UnitOverrides.${gid}`, 'pd01.override.unknownGroup', 'warning', 'หน่วยดำเนินการที่กำหนดเองอ้างถึงแผนงานที่ไม่มีแล้ว', 'A ผด.01 unit override refers to a group that no longer exists');
		}
	}
	checkDeadline(issues, plan);
	checkRevisions(issues, plan);
	if (options.announcedBaseline) checkFrozen(issues, plan, options.announcedBaseline);
	return issues;
}

/** The cells of one ผด.02 / ผด.02/1 row, as the editor holds them or an importer read them. */
export interface RowCells {
	kind: 'project' | 'equipment';
	/** Project name, or the equipment item. */
	name: string;
	responsibleUnit: string;
	activeMonths: readonly number[];
	/** Satang. */
	budget: number;
	quantity?: number;
}

/**
 * The rules every row obeys wherever it comes from (§3 columns a printed row cannot be
 * without, §8.2 months, §8.3 budget): the editor's hints, the submit gate and the importer's
 * row checks are these. Paths are `at` + ".field".
 */
export function validateRow(row: RowCells, at = ''): ValidationIssue[] {
	const issues: Issues = [];
	const path = (f: string) => (at ? `${at}.${f}` : f);
	if (row.kind === 'project') {
		if (!row.name.trim()) issue(issues, path('name'), 'project.name.missing', 'error', 'ต้องระบุชื่อโครงการ', 'The project needs a name');
		if (!row.responsibleUnit.trim()) issue(issues, path('responsibleUnit'), 'project.unit.missing', 'error', 'ต้องระบุหน่วยงานรับผิดชอบหลัก', 'The project needs a responsible unit');
	} else {
		if (!row.name.trim()) issue(issues, path('item'), 'equipment.item.missing', 'error', 'ต้องระบุรายการครุภัณฑ์', 'The equipment row needs an item');
		if (!row.responsibleUnit.trim()) issue(issues, path('responsibleUnit'), 'equipment.unit.missing', 'error', 'ต้องระบุหน่วยงานรับผิดชอบหลัก', 'The equipment row needs a responsible unit');
	}
	checkMonths(issues, path('activeMonths'), row.activeMonths);
	checkBudget(issues, path('budget'), row.budget);
	if (row.kind === 'equipment' && !(Number.isInteger(row.quantity) && (row.quantity as number) > 0)) {
		issue(issues, path('quantity'), 'equipment.quantity.invalid', 'error', 'จำนวนต้องเป็นจำนวนเต็มบวก', 'Quantity must be a positive whole number');
	}
	return issues;
}

/** Whitespace-insensitive comparison form of a cell (line breaks and double spaces are layout). */
const same = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, '');

/**
 * Rows that repeat another's name, location and budget: a warning on each later copy (two
 * such rows can be meant — the same repair in two budget lines — so both may stay).
 */
export function duplicateRows(rows: readonly { path: string; label?: Message; name: string; location: string; budget: number }[]): ValidationIssue[] {
	const issues: Issues = [];
	const first = new Map<string, string>();
	const labels = new Map(rows.map((r) => [r.path, r.label ?? { th: `“${r.name}”`, en: `“${r.name}”` }]));
	for (const r of rows) {
		if (!same(r.name)) continue;
		const key = `${same(r.name)}\u0000${same(r.location)}\u0000${r.budget}`;
		const earlier = first.get(key);
		if (earlier === undefined) first.set(key, r.path);
		else {
			const label = labels.get(earlier)!;
			issue(issues, r.path, 'row.duplicate', 'warning', `ซ้ำกับ${label.th} (ชื่อ สถานที่ และงบประมาณเดียวกัน) — เก็บไว้ทั้งสองรายการได้`, `Same name, location and budget as ${label.en}; both may be kept`);
		}
	}
	return issues;
}

/** §8.2 */
function checkMonths(issues: Issues, path: string, months: readonly number[]): void {
	if (months.length === 0) {
		issue(issues, path, 'months.empty', 'error', 'ต้องระบุเดือนที่ดำเนินการอย่างน้อย 1 เดือน', 'Tick at least one month');
		return;
	}
	if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
		issue(issues, path, 'months.outOfRange', 'error', 'เดือนต้องอยู่ระหว่าง 1–12', 'Months must be 1–12');
		return;
	}
	if (new Set(months).size !== months.length) {
		issue(issues, path, 'months.duplicate', 'error', 'มีเดือนซ้ำกัน', 'A month appears twice');
		return;
	}
	const fiscal = (m: number) => FISCAL_MONTHS.indexOf(m as Month);
	if (months.some((m, i) => i > 0 && fiscal(months[i - 1]) > fiscal(m))) {
		issue(issues, path, 'months.order', 'error', 'เดือนต้องเรียงตามปีงบประมาณ (ต.ค. – ก.ย.)', 'Months must be in fiscal order (Oct – Sep)');
	}
}

/** §8.3 */
function checkBudget(issues: Issues, path: string, satang: number): void {
	if (!Number.isFinite(satang)) {
		issue(issues, path, 'budget.invalid', 'error', 'งบประมาณไม่ถูกต้อง', 'The budget is not a number');
	} else if (satang < 0) {
		issue(issues, path, 'budget.negative', 'error', 'งบประมาณต้องไม่ติดลบ', 'The budget cannot be negative');
	} else if (!Number.isInteger(satang)) {
		issue(issues, path, 'budget.precision', 'error', 'งบประมาณมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง', 'At most two decimal places (satang)');
	}
}

/** §8.7 — announcement date ≤ trigger + 30 days, unless the executive recorded an extension. */
function checkDeadline(issues: Issues, plan: Plan): void {
	const trigger = plan.front.workflow.budgetOrdinance.announcedISO;
	const announced = plan.front.announcement.dateISO;
	if (!trigger || !announced) return;
	const deadline = planDeadline(trigger);
	if (!deadline) {
		issue(issues, 'front.workflow.budgetOrdinance.announcedISO', 'date.invalid', 'error', 'วันที่ไม่ถูกต้อง', 'Invalid date');
		return;
	}
	if (!parseIsoDate(announced)) {
		issue(issues, 'front.announcement.dateISO', 'date.invalid', 'error', 'วันที่ไม่ถูกต้อง', 'Invalid date');
		return;
	}
	// An extension is a workflow event `deadlineExtension` whose toISO is the new deadline.
	const extended = plan.front.workflow.events
		.filter((e) => e.step === 'deadlineExtension' && e.toISO)
		.some((e) => (e.toISO as string) >= announced);
	if (announced > deadline && !extended) {
		issue(issues, 'front.announcement.dateISO', 'deadline.exceeded', 'warning', `ประกาศเกินกำหนด 30 วันนับแต่วันประกาศใช้งบประมาณ (${deadline})`, `Announced after the 30-day deadline (${deadline}) with no recorded extension`);
	}
}

/** §8.8 — a revision carries kind, number, reason, trigger, and refers to real rows. */
function checkRevisions(issues: Issues, plan: Plan): void {
	const projectIds = new Set(plan.projects.map((p) => p.id));
	const groupIds = new Set(plan.groups.map((g) => g.id));
	const numbers = new Set<string>();
	for (const r of plan.revisions) {
		const at = `revisions.${r.id}`;
		if (r.kind !== 'เพิ่มเติม' && r.kind !== 'แก้ไข') {
			issue(issues, `${at}.kind`, 'revision.kind.invalid', 'error', 'ประเภทต้องเป็น เพิ่มเติม หรือ แก้ไข', 'Kind must be เพิ่มเติม or แก้ไข');
		}
		if (!(Number.isInteger(r.number) && r.number >= 1)) {
			issue(issues, `${at}.number`, 'revision.number.invalid', 'error', 'ครั้งที่ต้องเป็นจำนวนเต็มตั้งแต่ 1', 'The number must be a whole number from 1');
		} else if (numbers.has(`${r.kind}/${r.number}`)) {
			issue(issues, `${at}.number`, 'revision.number.duplicate', 'error', 'ครั้งที่ซ้ำกับฉบับอื่นประเภทเดียวกัน', 'Another revision of this kind has the same number');
		}
		numbers.add(`${r.kind}/${r.number}`);
		if (!r.reason?.trim()) {
			issue(issues, `${at}.reason`, 'revision.reason.missing', 'error', 'ต้องระบุเหตุผล', 'A reason is required');
		}
		if (!r.trigger?.type?.trim()) {
			issue(issues, `${at}.trigger`, 'revision.trigger.missing', 'error', 'ต้องระบุเหตุที่ทำให้ต้องปรับแผน', 'A trigger is required');
		}
		r.addProjects.forEach((a) => {
			if (!groupIds.has(a.targetPlanGroupId)) {
				issue(issues, `${at}.addProjects.${a.project.id}`, 'revision.group.unknown', 'error', 'ไม่พบแผนงานเป้าหมาย', 'The target group does not exist');
			}
		});
		for (const id of [...r.modifyProjects.map((m) => m.projectId), ...r.removeProjectIds]) {
			if (!projectIds.has(id)) {
				issue(issues, `${at}.projects.${id}`, 'revision.project.unknown', 'error', 'ไม่พบโครงการที่อ้างถึง', 'The referenced project does not exist');
			}
		}
	}
}

/** §8.8 — compared with the announced base, every changed row is an edit that needed a Revision. */
function checkFrozen(issues: Issues, plan: Plan, baseline: Plan): void {
	const before = new Map(baseline.projects.map((p) => [p.id, JSON.stringify(p)]));
	const after = new Map(plan.projects.map((p) => [p.id, JSON.stringify(p)]));
	for (const id of new Set([...before.keys(), ...after.keys()])) {
		if (before.get(id) !== after.get(id)) {
			issue(issues, `projects.${id}`, 'edition.frozen', 'error', 'แผนประกาศใช้แล้ว การเปลี่ยนแปลงต้องทำเป็นฉบับเพิ่มเติม/แก้ไข', 'The plan is announced; changes must go into a revision');
		}
	}
}

/**
 * An interchange file: the model invariants plus what only the file can get wrong —
 * printed numbering (§8.6), a `derived` block that disagrees with the rows (§8.5),
 * group ids and แผนงาน names that disagree with the catalogue.
 */
export function validatePlanJson(json: PlanJson, options: ValidateOptions = {}): ValidationIssue[] {
	const issues = validatePlan(planFromJson(json), options);
	const names = new Map(json.planCatalogue.map((c) => [c.code, c.name]));
	let continuous = 0;
	for (const s of json.strategies) {
		for (const g of s.planGroups) {
			if (g.id !== `${s.id}-${g.planCode}`) {
				issue(issues, `groups.${g.id}.id`, 'group.id.mismatch', 'warning', 'รหัสกลุ่มไม่ตรงกับยุทธศาสตร์และแผนงาน', 'Group id does not match its strategy and แผนงาน');
			}
			if (names.has(g.planCode) && names.get(g.planCode) !== g.planName) {
				issue(issues, `groups.${g.id}.planName`, 'group.planName.mismatch', 'warning', 'ชื่อแผนงานไม่ตรงกับบัญชีแผนงาน จะใช้ชื่อตามบัญชี', 'แผนงาน name differs from the catalogue; the catalogue name is used');
			}
			g.projects.forEach((p, i) => {
				const want = options.numbering === 'continuous' ? ++continuous : i + 1;
				if (p.seq !== want) {
					issue(issues, `projects.${p.id}.seq`, 'project.seq.mismatch', 'warning', `ลำดับที่ควรเป็น ${want} ระบบจะเรียงเลขใหม่`, `Expected number ${want}; numbering is regenerated from order`);
				}
			});
		}
	}
	json.equipment.forEach((e, i) => {
		if (e.seq !== i + 1) {
			issue(issues, `equipment.${e.id}.seq`, 'equipment.seq.mismatch', 'warning', `ลำดับที่ควรเป็น ${i + 1} ระบบจะเรียงเลขใหม่`, `Expected number ${i + 1}; numbering is regenerated from order`);
		}
	});
	// ผด.01 is computed from integer satang; with invalid budgets there is nothing to compare.
	if (!issues.some((i) => i.code.startsWith('budget.'))) checkDerivedBlock(issues, json);
	return issues;
}

interface DerivedRow {
	planGroupId?: string;
	projectCount?: number;
	projectPct?: number;
	budget?: number;
	budgetPct?: number;
}

/** §8.5 — a stored `derived.pd01` is ignored on import; say so when it disagrees. */
function checkDerivedBlock(issues: Issues, json: PlanJson): void {
	const derived = json.derived as { pd01?: { strategies?: { strategyId: string; rows?: DerivedRow[]; subtotal?: DerivedRow }[]; grandTotal?: DerivedRow } } | undefined;
	if (!derived?.pd01) return;
	const pd01 = computePd01(planFromJson(json), { scope: 'all' });
	const compare = (path: string, stored: DerivedRow | undefined, count: number, pctCount: string, satang: number, pctBudget: string) => {
		if (!stored) return;
		const diffs: [string, unknown, number][] = [
			['projectCount', stored.projectCount, count],
			['projectPct', stored.projectPct, Number(pctCount)],
			['budget', stored.budget, satang / 100],
			['budgetPct', stored.budgetPct, Number(pctBudget)]
		];
		for (const [field, have, want] of diffs) {
			if (have !== undefined && have !== want) {
				issue(issues, `derived.pd01.${path}.${field}`, 'derived.mismatch', 'warning', 'ข้อมูลสรุปที่แนบมาไม่ตรงกับที่คำนวณจากรายการโครงการ (ระบบคำนวณใหม่เสมอ)', 'The stored summary disagrees with the rows; it is always recomputed');
			}
		}
	};
	for (const s of derived.pd01.strategies ?? []) {
		const got = pd01.strategies.find((r) => r.strategyId === s.strategyId);
		if (!got) {
			issue(issues, `derived.pd01.${s.strategyId}`, 'derived.mismatch', 'warning', 'ข้อมูลสรุปอ้างถึงยุทธศาสตร์ที่ไม่มี', 'The stored summary names a strategy that does not exist');
			continue;
		}
		compare(s.strategyId, s.subtotal, got.projectCount, got.projectPct.independent, got.budgetSatang, got.budgetPct.independent);
		for (const row of s.rows ?? []) {
			const g = got.groups.find((x) => x.planGroupId === row.planGroupId);
			if (g) compare(g.planGroupId, row, g.projectCount, g.projectPct.independent, g.budgetSatang, g.budgetPct.independent);
		}
	}
	const t = pd01.grandTotal;
	compare('grandTotal', derived.pd01.grandTotal, t.projectCount, t.projectPct, t.budgetSatang, t.budgetPct);
}
