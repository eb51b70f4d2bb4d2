/** The whole plan at once: emptiness, reading it as plain data, writing it into an empty doc. */
import * as Y from 'yjs';
import { keysBetween } from '../order';
import { writeSectionContent } from '../sectionContent';
import type { FundingSource, Plan, Project } from '../types';
import { BODY, EQUIPMENT_TEXT_FIELDS, FRONT_FIELDS, GUIDELINES, NAME, ORDER, PLACEMENT, PROJECT_TEXT_FIELDS, ROOT, TITLE, root } from './keys';
import { assertSatang, writeFunding, writeMonths } from './cells';
import { listEquipment } from './equipment';
import { planGroupId } from './groups';
import { getFrontMatter, getMeta, setFrontMatter, setMeta, setSchemaVersion, type MetaPatch } from './meta';
import { listPlanCatalogue, listStrategies, putPlanCatalogueEntry } from './outline';
import { listGroupedProjects } from './projects';
import { getPd01UnitOverrides, listRevisions, putRevision, setPd01UnitsOverride } from './revisions';
import { clone } from './rows';
import { listSectionsWithContent } from './sections';

/** True when nothing has been written to the plan layout yet. */
export function isPlanDocEmpty(doc: Y.Doc): boolean {
	return Object.values(ROOT).every((name) => root(doc, name).size === 0);
}

/** The whole plan as plain data, every list in print order. */
export function readPlan(doc: Y.Doc): Plan {
	const grouped = listGroupedProjects(doc);
	return {
		meta: getMeta(doc),
		front: getFrontMatter(doc),
		sections: listSectionsWithContent(doc),
		catalogue: listPlanCatalogue(doc),
		strategies: listStrategies(doc),
		groups: grouped.map((g) => g.group),
		projects: grouped.flatMap((g) => g.projects),
		equipment: listEquipment(doc),
		revisions: listRevisions(doc),
		pd01UnitOverrides: getPd01UnitOverrides(doc)
	};
}

/**
 * Writes a plain plan into an empty doc in one transaction; order keys are spread
 * evenly so later inserts stay short. Used by importPlanJson and by tests.
 */
export function writePlan(doc: Y.Doc, plan: Plan): void {
	if (!isPlanDocEmpty(doc)) throw new Error('writePlan needs an empty document');
	doc.transact(() => {
		setSchemaVersion(doc, plan.meta.schemaVersion);
		setMeta(doc, plan.meta);
		writeContent(doc, plan);
	});
}

/**
 * Replaces everything but the document fields (meta: title, fiscal year, edition,
 * organization, layout version) with `plan`'s content, in one transaction: front matter,
 * narrative sections, แผนงาน catalogue, strategies, groups, projects, equipment, revisions and
 * ผด.01 unit overrides. `meta` is a patch of the meta fields to change as well (e.g. the
 * narrative fields of an imported file). Used by the whole-plan JSON import.
 */
export function replacePlanContent(doc: Y.Doc, plan: Omit<Plan, 'meta'>, meta: MetaPatch = {}): void {
	doc.transact(() => {
		for (const name of Object.values(ROOT)) {
			if (name === ROOT.meta) continue;
			const m = root(doc, name);
			for (const key of [...m.keys()]) m.delete(key);
		}
		setMeta(doc, meta);
		writeContent(doc, plan);
	});
}

function writeContent(doc: Y.Doc, plan: Omit<Plan, 'meta'>): void {
	for (const key of FRONT_FIELDS) setFrontMatter(doc, key, plan.front[key]);
	for (const entry of plan.catalogue) putPlanCatalogueEntry(doc, entry);

	const strategies = root(doc, ROOT.strategies);
	const sKeys = keysBetween(null, null, plan.strategies.length);
	plan.strategies.forEach((s, i) => {
		const m = new Y.Map<unknown>();
		strategies.set(s.id, m);
		m.set(ORDER, sKeys[i]);
		m.set(NAME, s.name);
		const guidelines = new Y.Map<unknown>();
		m.set(GUIDELINES, guidelines);
		const gKeys = keysBetween(null, null, s.guidelines.length);
		s.guidelines.forEach((g, k) => {
			const gm = new Y.Map<unknown>();
			guidelines.set(g.id, gm);
			gm.set(ORDER, gKeys[k]);
			gm.set(NAME, g.name);
		});
	});

	const groups = root(doc, ROOT.groups);
	for (const s of plan.strategies) {
		const own = plan.groups.filter((g) => g.strategyId === s.id);
		const keys = keysBetween(null, null, own.length);
		own.forEach((g, i) => groups.set(g.id, { strategyId: g.strategyId, planCode: g.planCode, order: keys[i] }));
	}

	// Per group, in the plan's order; rows of undeclared groups are kept too.
	const byGroup = new Map<string, Project[]>();
	for (const p of plan.projects) {
		const gid = planGroupId(p.strategyId, p.planCode);
		byGroup.set(gid, [...(byGroup.get(gid) ?? []), p]);
	}
	for (const rows of byGroup.values()) {
		const keys = keysBetween(null, null, rows.length);
		rows.forEach((p, i) => writeProjectRow(doc, p, keys[i]));
	}

	const equipment = root(doc, ROOT.equipment);
	const eKeys = keysBetween(null, null, plan.equipment.length);
	plan.equipment.forEach((e, i) => {
		const row = new Y.Map<unknown>();
		equipment.set(e.id, row);
		row.set(ORDER, eKeys[i]);
		for (const [k, v] of Object.entries(e)) {
			if (k === 'id' || k === 'activeMonths') continue;
			if ((EQUIPMENT_TEXT_FIELDS as readonly string[]).includes(k)) row.set(k, new Y.Text(String(v)));
			else if (k === 'fundingSource') writeFunding(row, v as FundingSource);
			else row.set(k, clone(v));
		}
		writeMonths(row, e.activeMonths);
	});

	const sections = root(doc, ROOT.sections);
	const secKeys = keysBetween(null, null, plan.sections.length);
	plan.sections.forEach((s, i) => {
		const m = new Y.Map<unknown>();
		sections.set(s.id, m);
		m.set(ORDER, secKeys[i]);
		m.set(TITLE, s.title);
		const body = new Y.XmlFragment();
		m.set(BODY, body);
		writeSectionContent(body, s.content);
	});

	for (const r of plan.revisions) putRevision(doc, r);
	for (const [gid, text] of Object.entries(plan.pd01UnitOverrides)) setPd01UnitsOverride(doc, gid, text);
}

function writeProjectRow(doc: Y.Doc, p: Project, order: string): void {
	assertSatang(p.budget);
	const row = new Y.Map<unknown>();
	root(doc, ROOT.projects).set(p.id, row);
	row.set(PLACEMENT, { strategyId: p.strategyId, planCode: p.planCode, order });
	for (const f of PROJECT_TEXT_FIELDS) row.set(f, new Y.Text(p[f]));
	row.set('budget', p.budget);
	row.set('responsibleUnit', p.responsibleUnit);
	row.set('guidelineId', p.guidelineId);
	row.set('remark', p.remark);
	row.set('localDevPlanRef', p.localDevPlanRef ? clone(p.localDevPlanRef) : null);
	writeFunding(row, p.fundingSource);
	writeMonths(row, p.activeMonths);
}
