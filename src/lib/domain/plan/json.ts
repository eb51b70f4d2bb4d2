/**
 * The interchange JSON (shape of src/lib/server/demo/sample-plan.json) ↔ the plan model / doc.
 *
 * Round trip: importPlanJson then exportPlanJson gives back the original for every field
 * the model holds. Fields of the JSON that are NOT stored, and why:
 *   $schemaNote                  a comment of the file, not plan data (dropped);
 *   derived                      totals/percentages: recomputed by pd01.ts, never stored (dropped);
 *   schemaVersion ("1.0")        the JSON format version, written as a constant;
 *   document.fiscalYearSpan      from fiscalYear (1 Oct FY−1 … 30 Sep FY);
 *   workflow.deadlineISO         budgetOrdinance.announcedISO + 30 days (ข้อ ๒๗);
 *   strategies[].no, guidelines[].no, introduction.sections[].no
 *                                from position (๑., ๑.๑, …);
 *   planGroups[].id / planName   `${strategyId}-${planCode}` / the catalogue's name;
 *   projects[].seq               position in its group (§8.6, restarts per group);
 *   equipment[].seq / planName   position in the list / the catalogue's name.
 * Revisions are kept verbatim (their embedded projects keep their own seq and baht).
 */
import type * as Y from 'yjs';
import { addDaysIso, formatThaiDate, parseIsoDate } from '../thai';
import { isPlanDocEmpty, planGroupId, readPlan, writePlan } from './doc';
import { SCHEMA_VERSION } from './migrations';
import { bahtToSatang, satangToBaht } from './money';
import type {
	EquipmentItem,
	EquipmentJson,
	IntroSectionJson,
	Plan,
	PlanCatalogueEntry,
	PlanGroup,
	PlanJson,
	Project,
	ProjectJson,
	Section,
	StrategyJson
} from './types';

/** JSON format version written on export. */
export const PLAN_JSON_FORMAT = '1.0' as const;

/** Days from the budget ordinance to the plan deadline (ข้อ ๒๗). */
export const PLAN_DEADLINE_DAYS = 30;

/**
 * Baht → satang for the model. An amount with more than two decimals is kept unrounded
 * (a non-integer) so validation can report it; writing it into a doc throws.
 */
function toSatang(baht: number): number {
	return bahtToSatang(baht) ?? baht * 100;
}

/** Section ids on import are derived from their number, so re-imports are stable. */
function sectionId(no: string): string {
	return `sec-${no}`;
}

/** The interchange JSON as the plain model (no Yjs). */
export function planFromJson(json: PlanJson): Plan {
	const d = json.document;
	const strategies = json.strategies ?? [];
	const groups: PlanGroup[] = [];
	const projects: Project[] = [];
	for (const s of strategies) {
		for (const g of s.planGroups ?? []) {
			groups.push({ id: planGroupId(s.id, g.planCode), strategyId: s.id, planCode: g.planCode });
			for (const p of g.projects ?? []) projects.push(projectFromJson(p, s.id, g.planCode));
		}
	}
	// deadlineISO is derived (see module comment), so it is not carried into the model.
	const workflow = {
		budgetOrdinance: json.workflow.budgetOrdinance,
		deadlineRule: json.workflow.deadlineRule,
		events: json.workflow.events
	};
	return {
		meta: {
			schemaVersion: SCHEMA_VERSION,
			isFictional: json.isFictional === true,
			kind: 'แผนการดำเนินงาน',
			title: d.title,
			fiscalYear: d.fiscalYear,
			edition: { ...d.edition },
			localDevelopmentPlan: d.localDevelopmentPlan,
			regulationBasis: d.regulationBasis,
			numerals: d.numerals,
			preparedBy: d.preparedBy,
			organization: structuredClone(json.organization)
		},
		front: {
			workflow: structuredClone(workflow),
			cover: structuredClone(json.cover),
			announcement: structuredClone(json.announcement),
			preface: structuredClone(json.preface),
			introductionTitle: json.introduction.partTitle
		},
		sections: json.introduction.sections.map(sectionFromJson),
		catalogue: json.planCatalogue.map((c) => ({ ...c })),
		strategies: strategies.map((s) => ({
			id: s.id,
			name: s.name,
			guidelines: (s.guidelines ?? []).map((g) => ({ id: g.id, name: g.name }))
		})),
		groups,
		projects,
		equipment: (json.equipment ?? []).map(equipmentFromJson),
		revisions: structuredClone(json.revisions ?? []),
		pd01UnitOverrides: {}
	};
}

function projectFromJson(p: ProjectJson, strategyId: string, planCode: string): Project {
	return {
		id: p.id,
		strategyId,
		planCode,
		name: p.name,
		activityDetail: p.activityDetail,
		budget: toSatang(p.budget),
		location: p.location,
		responsibleUnit: p.responsibleUnit,
		activeMonths: [...p.activeMonths],
		guidelineId: p.guidelineId,
		fundingSource: { ...p.fundingSource },
		localDevPlanRef: p.localDevPlanRef ? { ...p.localDevPlanRef } : null,
		remark: p.remark
	};
}

function equipmentFromJson(e: EquipmentJson): EquipmentItem {
	return {
		id: e.id,
		planCode: e.planCode,
		category: e.category,
		type: e.type,
		item: e.item,
		detail: e.detail,
		quantity: e.quantity,
		unit: e.unit,
		budget: toSatang(e.budget),
		location: e.location,
		responsibleUnit: e.responsibleUnit,
		activeMonths: [...e.activeMonths],
		fundingSource: { ...e.fundingSource },
		localDevPlanRef: e.localDevPlanRef ? { ...e.localDevPlanRef } : null
	};
}

function sectionFromJson(s: IntroSectionJson): Section {
	const content: Section['content'] = {};
	if (s.paragraphs) content.paragraphs = [...s.paragraphs];
	if (s.items) content.items = [...s.items];
	if (s.steps) content.steps = s.steps.map((st) => ({ ...st }));
	if (s.closing !== undefined) content.closing = s.closing;
	return { id: sectionId(s.no), title: s.heading, content };
}

/** The plain model as interchange JSON, derived fields recomputed (see module comment). */
export function planToJson(plan: Plan): PlanJson {
	const { meta, front } = plan;
	const catalogueName = (code: string) => plan.catalogue.find((c: PlanCatalogueEntry) => c.code === code)?.name ?? '';
	const strategies: StrategyJson[] = plan.strategies.map((s, i) => ({
		id: s.id,
		no: i + 1,
		name: s.name,
		guidelines: s.guidelines.map((g, k) => ({ id: g.id, no: `${i + 1}.${k + 1}`, name: g.name })),
		planGroups: plan.groups
			.filter((g) => g.strategyId === s.id)
			.map((g) => ({
				id: g.id,
				planCode: g.planCode,
				planName: catalogueName(g.planCode),
				projects: plan.projects
					.filter((p) => p.strategyId === g.strategyId && p.planCode === g.planCode)
					.map((p, k) => projectToJson(p, k + 1))
			}))
	}));
	const json: PlanJson = {
		schemaVersion: PLAN_JSON_FORMAT,
		isFictional: meta.isFictional,
		document: {
			kind: meta.kind,
			title: meta.title,
			fiscalYear: meta.fiscalYear,
			fiscalYearSpan: fiscalYearSpan(meta.fiscalYear),
			edition: { ...meta.edition },
			localDevelopmentPlan: meta.localDevelopmentPlan,
			regulationBasis: meta.regulationBasis,
			numerals: meta.numerals,
			preparedBy: meta.preparedBy
		},
		organization: structuredClone(meta.organization),
		workflow: {
			budgetOrdinance: { ...front.workflow.budgetOrdinance },
			deadlineISO: planDeadline(front.workflow.budgetOrdinance.announcedISO) ?? '',
			deadlineRule: front.workflow.deadlineRule,
			events: structuredClone(front.workflow.events)
		},
		cover: structuredClone(front.cover),
		announcement: structuredClone(front.announcement),
		preface: structuredClone(front.preface),
		introduction: {
			partTitle: front.introductionTitle,
			sections: plan.sections.map((s, i) => ({ no: `1.${i + 1}`, heading: s.title, ...structuredClone(s.content) }))
		},
		planCatalogue: plan.catalogue.map((c) => ({ ...c })),
		strategies,
		equipment: plan.equipment.map((e, i) => equipmentToJson(e, i + 1, catalogueName(e.planCode))),
		revisions: structuredClone(plan.revisions)
	};
	if (!meta.isFictional) delete json.isFictional;
	return json;
}

function projectToJson(p: Project, seq: number): ProjectJson {
	return {
		id: p.id,
		seq,
		name: p.name,
		activityDetail: p.activityDetail,
		budget: satangToBaht(p.budget),
		location: p.location,
		responsibleUnit: p.responsibleUnit,
		activeMonths: [...p.activeMonths],
		guidelineId: p.guidelineId,
		fundingSource: { ...p.fundingSource },
		localDevPlanRef: p.localDevPlanRef ? { ...p.localDevPlanRef } : null,
		remark: p.remark
	};
}

function equipmentToJson(e: EquipmentItem, seq: number, planName: string): EquipmentJson {
	return {
		id: e.id,
		seq,
		planCode: e.planCode,
		planName,
		category: e.category,
		type: e.type,
		item: e.item,
		detail: e.detail,
		quantity: e.quantity,
		unit: e.unit,
		budget: satangToBaht(e.budget),
		location: e.location,
		responsibleUnit: e.responsibleUnit,
		activeMonths: [...e.activeMonths],
		fundingSource: { ...e.fundingSource },
		localDevPlanRef: e.localDevPlanRef ? { ...e.localDevPlanRef } : null
	};
}

/** 1 October (FY−1) … 30 September FY, as ISO dates and Thai text with Arabic digits. */
export function fiscalYearSpan(fiscalYearBE: number): PlanJson['document']['fiscalYearSpan'] {
	const endYear = fiscalYearBE - 543;
	const startISO = `${String(endYear - 1).padStart(4, '0')}-10-01`;
	const endISO = `${String(endYear).padStart(4, '0')}-09-30`;
	return {
		startBE: formatThaiDate(startISO, { numerals: 'arabic' }),
		endBE: formatThaiDate(endISO, { numerals: 'arabic' }),
		startISO,
		endISO
	};
}

/** Deadline of the plan: the trigger date + 30 calendar days; null for an invalid date. */
export function planDeadline(triggerISO: string): string | null {
	return parseIsoDate(triggerISO) ? addDaysIso(triggerISO, PLAN_DEADLINE_DAYS) : null;
}

/** Fills an empty doc from interchange JSON (one transaction). Throws on a non-empty doc. */
export function importPlanJson(doc: Y.Doc, json: PlanJson): void {
	if (!isPlanDocEmpty(doc)) throw new Error('importPlanJson needs a fresh document');
	writePlan(doc, planFromJson(json));
}

/** The doc as interchange JSON. */
export function exportPlanJson(doc: Y.Doc): PlanJson {
	return planToJson(readPlan(doc));
}
