/**
 * The Yjs layout of one plan edition, and the only module that knows its key names.
 * Components, state classes and server code call these accessors; they never touch raw
 * Y types (the exceptions are the two binding points an editor needs: a section's
 * Y.XmlFragment for Tiptap and a cell's Y.Text for a collaborative input).
 *
 * Layout (root → shape):
 *   meta        Y.Map   schemaVersion, isFictional, kind, title, fiscalYear, edition,
 *                       localDevelopmentPlan, regulationBasis, numerals, preparedBy,
 *                       org.<field> for each Organization field (flat, so two people
 *                       editing different fields never collide)
 *   front       Y.Map   workflow | cover | announcement | preface | introductionTitle
 *                       (whole JSON values; last writer wins per block)
 *   catalogue   Y.Map   planCode → { name, sector }       standard + custom แผนงาน
 *   strategies  Y.Map   id → Y.Map { name, order, guidelines: Y.Map id → Y.Map { name, order } }
 *   planGroups  Y.Map   `${strategyId}-${planCode}` → { strategyId, planCode, order }
 *                       (deterministic key: two people creating the same group get one)
 *   projects    Y.Map   id → Y.Map {
 *                         placement: { strategyId, planCode, order }   one atomic value,
 *                           so concurrent moves end in exactly one group and position,
 *                         name, activityDetail, location: Y.Text       (characters merge),
 *                         budget: integer satang, responsibleUnit, guidelineId, remark,
 *                         fundingType, fundingCategory, fundingDetail, fundingAgency,
 *                         localDevPlanRef: { plan, form, page } | null,
 *                         months: Y.Map '1'…'12' → boolean              (independent flags) }
 *   equipment   Y.Map   id → Y.Map { order, planCode, category, type, item/detail/location:
 *                         Y.Text, quantity, unit, budget, responsibleUnit, funding*,
 *                         localDevPlanRef, months }
 *   sections    Y.Map   id → Y.Map { title, order, body: Y.XmlFragment (Tiptap) }
 *   revisions   Y.Map   id → { order, revision: RevisionJson }
 *   pd01Units   Y.Map   planGroupId → text   (the one manual override of ผด.01, §8.5)
 *
 * Rows are never deleted and re-inserted to move them: an edit made concurrently with a
 * move lands in the same Y.Map and survives. A delete removes the row's Y.Map; Yjs then
 * drops concurrent edits inside it on every replica alike.
 */
import * as Y from 'yjs';
import { STANDARD_PLAN_CATALOGUE } from './catalogue';
import { compareOrdered, keyBetween, keysBetween, placeAt, type Ordered } from './order';
import { readSectionContent, writeSectionContent } from './sectionContent';
import {
	FISCAL_MONTHS,
	type EquipmentItem,
	type FrontMatter,
	type FundingSource,
	type Guideline,
	type LocalDevPlanRef,
	type Month,
	type Organization,
	type Plan,
	type PlanCatalogueEntry,
	type PlanGroup,
	type PlanMeta,
	type Project,
	type RevisionJson,
	type Satang,
	type Section,
	type SectionContent,
	type SectionHead,
	type Strategy
} from './types';
import { replaceText } from './ytext';
import { TEXT, VALUE, XML, collectionOf, mapOf, type DocShape, type MapShape } from './docShape';

// ───────────────────────────── names ─────────────────────────────

const ROOT = {
	meta: 'meta',
	front: 'front',
	catalogue: 'catalogue',
	strategies: 'strategies',
	groups: 'planGroups',
	projects: 'projects',
	equipment: 'equipment',
	sections: 'sections',
	revisions: 'revisions',
	pd01Units: 'pd01Units'
} as const;

const SCHEMA_VERSION_KEY = 'schemaVersion';
const ORG_PREFIX = 'org.';
const ORDER = 'order';
const NAME = 'name';
const TITLE = 'title';
const BODY = 'body';
const GUIDELINES = 'guidelines';
const PLACEMENT = 'placement';
const MONTHS = 'months';
const FUNDING = {
	type: 'fundingType',
	category: 'fundingCategory',
	detail: 'fundingDetail',
	agency: 'fundingAgency'
} as const;

/** Plain document fields stored under their own name in `meta`. */
const META_FIELDS = [
	'isFictional',
	'kind',
	'title',
	'fiscalYear',
	'edition',
	'localDevelopmentPlan',
	'regulationBasis',
	'numerals',
	'preparedBy'
] as const;

const ORG_FIELDS = [
	'type',
	'name',
	'shortName',
	'district',
	'province',
	'executiveTitle',
	'councilName',
	'supportCommitteeName',
	'developmentCommitteeName',
	'villages',
	'departments'
] as const satisfies readonly (keyof Organization)[];

const FRONT_FIELDS = ['workflow', 'cover', 'announcement', 'preface', 'introductionTitle'] as const;

/** Project cells that people type into together. */
export const PROJECT_TEXT_FIELDS = ['name', 'activityDetail', 'location'] as const;
export type ProjectTextField = (typeof PROJECT_TEXT_FIELDS)[number];

/** Equipment cells that people type into together. */
export const EQUIPMENT_TEXT_FIELDS = ['item', 'detail', 'location'] as const;
export type EquipmentTextField = (typeof EQUIPMENT_TEXT_FIELDS)[number];

type YRow = Y.Map<unknown>;

// ───────────────────────────── small readers ─────────────────────────────

function root(doc: Y.Doc, name: (typeof ROOT)[keyof typeof ROOT]): Y.Map<unknown> {
	return doc.getMap<unknown>(name);
}

function str(m: YRow, key: string, fallback = ''): string {
	const v = m.get(key);
	if (typeof v === 'string') return v;
	if (v instanceof Y.Text) return v.toString();
	return fallback;
}

function strOrNull(m: YRow, key: string): string | null {
	const v = m.get(key);
	return typeof v === 'string' ? v : null;
}

function num(m: YRow, key: string, fallback = 0): number {
	const v = m.get(key);
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function orderOf(m: YRow): string {
	return str(m, ORDER);
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function clone<T>(v: T): T {
	return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function rowsOf(map: Y.Map<unknown>): [string, YRow][] {
	const out: [string, YRow][] = [];
	map.forEach((v, k) => {
		if (v instanceof Y.Map) out.push([k, v as YRow]);
	});
	return out;
}

function sortedRows(map: Y.Map<unknown>): [string, YRow][] {
	return rowsOf(map)
		.map(([id, m]) => ({ id, order: orderOf(m), m }))
		.sort(compareOrdered)
		.map((r) => [r.id, r.m]);
}

function transact(doc: Y.Doc, fn: () => void): void {
	doc.transact(fn);
}

/** Stable, never-reused ids; crypto.randomUUID exists in Node 20 and browsers. */
export function newId(prefix: string): string {
	return `${prefix}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

function assertSatang(v: number): void {
	if (!Number.isSafeInteger(v)) throw new RangeError(`budget must be integer satang: ${v}`);
}

// ───────────────────────────── months ─────────────────────────────

function isMonth(n: number): n is Month {
	return Number.isInteger(n) && n >= 1 && n <= 12;
}

function readMonths(m: YRow): Month[] {
	const months = m.get(MONTHS);
	if (!(months instanceof Y.Map)) return [];
	return FISCAL_MONTHS.filter((mo) => months.get(String(mo)) === true);
}

function writeMonths(m: YRow, active: readonly Month[]): void {
	let months = m.get(MONTHS);
	if (!(months instanceof Y.Map)) {
		months = new Y.Map<boolean>();
		m.set(MONTHS, months);
	}
	const ymonths = months as Y.Map<boolean>;
	for (const mo of FISCAL_MONTHS) {
		const on = active.includes(mo);
		// Only write what changes, so a tick never overwrites someone else's month.
		if ((ymonths.get(String(mo)) === true) !== on) ymonths.set(String(mo), on);
	}
}

function setMonthFlag(m: YRow, month: Month, on: boolean): void {
	if (!isMonth(month)) throw new RangeError(`month must be 1–12: ${month}`);
	let months = m.get(MONTHS);
	if (!(months instanceof Y.Map)) {
		months = new Y.Map<boolean>();
		m.set(MONTHS, months);
	}
	(months as Y.Map<boolean>).set(String(month), on);
}

// ───────────────────────────── funding ─────────────────────────────

function readFunding(m: YRow): FundingSource {
	return {
		type: m.get(FUNDING.type) === 'otherAgency' ? 'otherAgency' : 'own',
		category: str(m, FUNDING.category),
		detail: str(m, FUNDING.detail),
		agency: strOrNull(m, FUNDING.agency)
	};
}

function writeFunding(m: YRow, f: FundingSource): void {
	// Only changed parts are written, so one person's category edit and another's detail
	// edit both survive.
	const parts: [string, string | null][] = [
		[FUNDING.type, f.type],
		[FUNDING.category, f.category],
		[FUNDING.detail, f.detail],
		[FUNDING.agency, f.agency]
	];
	for (const [key, value] of parts) if (!m.has(key) || m.get(key) !== value) m.set(key, value);
}

function readRef(m: YRow): LocalDevPlanRef | null {
	const v = m.get('localDevPlanRef');
	if (!isRecord(v)) return null;
	return { plan: String(v.plan ?? ''), form: String(v.form ?? ''), page: Number(v.page ?? 0) };
}

function writeText(m: YRow, key: string, value: string): void {
	const t = m.get(key);
	if (t instanceof Y.Text) replaceText(t, value);
	else m.set(key, new Y.Text(value));
}

// ───────────────────────────── meta ─────────────────────────────

/** Layout version stored in the doc; 0 for a doc no migration has touched. */
export function getSchemaVersion(doc: Y.Doc): number {
	return num(root(doc, ROOT.meta), SCHEMA_VERSION_KEY, 0);
}

/** Written by migrations.ts only. */
export function setSchemaVersion(doc: Y.Doc, version: number): void {
	root(doc, ROOT.meta).set(SCHEMA_VERSION_KEY, version);
}

/** Document-level fields; missing ones come back as empty defaults. */
export function getMeta(doc: Y.Doc): PlanMeta {
	const m = root(doc, ROOT.meta);
	const org = (key: string) => m.get(ORG_PREFIX + key);
	const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? clone(v as T[]) : []);
	const edition = m.get('edition');
	return {
		schemaVersion: getSchemaVersion(doc),
		isFictional: m.get('isFictional') === true,
		kind: 'แผนการดำเนินงาน',
		title: str(m, 'title'),
		fiscalYear: num(m, 'fiscalYear'),
		edition: isRecord(edition)
			? clone(edition as unknown as PlanMeta['edition'])
			: { kind: 'ฉบับหลัก', number: 0, label: null },
		localDevelopmentPlan: str(m, 'localDevelopmentPlan'),
		regulationBasis: str(m, 'regulationBasis'),
		numerals: m.get('numerals') === 'arabic' ? 'arabic' : 'thai',
		preparedBy: str(m, 'preparedBy'),
		organization: {
			type: (org('type') as Organization['type']) ?? 'เทศบาลตำบล',
			name: String(org('name') ?? ''),
			shortName: String(org('shortName') ?? ''),
			district: String(org('district') ?? ''),
			province: String(org('province') ?? ''),
			executiveTitle: String(org('executiveTitle') ?? ''),
			councilName: String(org('councilName') ?? ''),
			supportCommitteeName: String(org('supportCommitteeName') ?? ''),
			developmentCommitteeName: String(org('developmentCommitteeName') ?? ''),
			villages: arr(org('villages')),
			departments: arr(org('departments'))
		}
	};
}

/** Patch of the editable document fields. */
export type MetaPatch = Partial<Omit<PlanMeta, 'schemaVersion' | 'kind' | 'organization'>> & {
	organization?: Partial<Organization>;
};

/** Writes only the given fields (and only when they change). */
export function setMeta(doc: Y.Doc, patch: MetaPatch): void {
	const m = root(doc, ROOT.meta);
	transact(doc, () => {
		m.set('kind', 'แผนการดำเนินงาน');
		for (const key of META_FIELDS) {
			if (key === 'kind') continue;
			const v = patch[key];
			if (v !== undefined && JSON.stringify(m.get(key)) !== JSON.stringify(v)) m.set(key, clone(v));
		}
		for (const key of ORG_FIELDS) {
			const v = patch.organization?.[key];
			if (v !== undefined && JSON.stringify(m.get(ORG_PREFIX + key)) !== JSON.stringify(v)) {
				m.set(ORG_PREFIX + key, clone(v));
			}
		}
	});
}

// ───────────────────────────── front matter ─────────────────────────────

export function getFrontMatter(doc: Y.Doc): FrontMatter {
	const m = root(doc, ROOT.front);
	const get = <T>(key: string, fallback: T): T => (m.has(key) ? clone(m.get(key) as T) : fallback);
	return {
		workflow: get('workflow', { budgetOrdinance: { name: '', announcedISO: '' }, deadlineRule: '', events: [] }),
		cover: get('cover', { lines: [], footerLines: [], emblem: '' }),
		announcement: get('announcement', {
			heading: '',
			subject: '',
			paragraphs: [],
			dateText: '',
			dateISO: '',
			signatory: { name: '', position: '' }
		}),
		preface: get('preface', { heading: 'คำนำ', paragraphs: [], signature: '' }),
		introductionTitle: get('introductionTitle', 'ส่วนที่ 1  บทนำ')
	};
}

/** Replaces one front-matter block. */
export function setFrontMatter<K extends keyof FrontMatter>(doc: Y.Doc, key: K, value: FrontMatter[K]): void {
	if (!(FRONT_FIELDS as readonly string[]).includes(key)) throw new RangeError(`unknown front field ${key}`);
	root(doc, ROOT.front).set(key, clone(value));
}

// ───────────────────────────── แผนงาน catalogue ─────────────────────────────

/** Catalogue in code order (standard codes first by construction: "00110" < custom codes). */
export function listPlanCatalogue(doc: Y.Doc): PlanCatalogueEntry[] {
	const out: PlanCatalogueEntry[] = [];
	root(doc, ROOT.catalogue).forEach((v, code) => {
		if (isRecord(v)) out.push({ code, name: String(v.name ?? ''), sector: String(v.sector ?? '') });
	});
	return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Adds a custom แผนงาน or renames one. */
export function putPlanCatalogueEntry(doc: Y.Doc, entry: PlanCatalogueEntry): void {
	if (!entry.code) throw new RangeError('a แผนงาน needs a code');
	root(doc, ROOT.catalogue).set(entry.code, { name: entry.name, sector: entry.sector });
}

/** Removes a แผนงาน nobody uses; returns false when a group, project or item still refers to it. */
export function removePlanCatalogueEntry(doc: Y.Doc, code: string): boolean {
	const used =
		listPlanGroups(doc).some((g) => g.planCode === code) ||
		listEquipment(doc).some((e) => e.planCode === code);
	if (used) return false;
	root(doc, ROOT.catalogue).delete(code);
	return true;
}

/** Adds the standard แผนงาน that are missing; never touches existing entries. */
export function ensureStandardCatalogue(doc: Y.Doc): void {
	const cat = root(doc, ROOT.catalogue);
	transact(doc, () => {
		for (const e of STANDARD_PLAN_CATALOGUE) {
			if (!cat.has(e.code)) cat.set(e.code, { name: e.name, sector: e.sector });
		}
	});
}

// ───────────────────────────── strategies & guidelines ─────────────────────────────

export function listStrategies(doc: Y.Doc): Strategy[] {
	return sortedRows(root(doc, ROOT.strategies)).map(([id, m]) => ({
		id,
		name: str(m, NAME),
		guidelines: readGuidelines(m)
	}));
}

function readGuidelines(strategy: YRow): Guideline[] {
	const g = strategy.get(GUIDELINES);
	if (!(g instanceof Y.Map)) return [];
	return sortedRows(g as Y.Map<unknown>).map(([id, m]) => ({ id, name: str(m, NAME) }));
}

function insertOrdered(
	map: Y.Map<unknown>,
	id: string,
	index: number | undefined,
	fill: (m: YRow) => void
): void {
	const siblings = sortedRows(map).map(([sid, m]) => ({ id: sid, order: orderOf(m) }));
	const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
	const m = new Y.Map<unknown>();
	map.set(id, m);
	m.set(ORDER, order);
	fill(m);
	for (const r of rekeyed) (map.get(r.id) as YRow).set(ORDER, r.order);
}

function moveOrdered(map: Y.Map<unknown>, id: string, index: number): boolean {
	const m = map.get(id);
	if (!(m instanceof Y.Map)) return false;
	const siblings = sortedRows(map)
		.filter(([sid]) => sid !== id)
		.map(([sid, r]) => ({ id: sid, order: orderOf(r) }));
	const { order, rekeyed } = placeAt(siblings, index);
	m.set(ORDER, order);
	for (const r of rekeyed) (map.get(r.id) as YRow).set(ORDER, r.order);
	return true;
}

/** Adds a ยุทธศาสตร์ at `index` (default: last); returns its id. */
export function addStrategy(doc: Y.Doc, input: { id?: string; name: string }, index?: number): string {
	const id = input.id ?? newId('S');
	transact(doc, () =>
		insertOrdered(root(doc, ROOT.strategies), id, index, (m) => {
			m.set(NAME, input.name);
			m.set(GUIDELINES, new Y.Map());
		})
	);
	return id;
}

export function renameStrategy(doc: Y.Doc, id: string, name: string): boolean {
	const m = root(doc, ROOT.strategies).get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(NAME, name);
	return true;
}

export function moveStrategy(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.strategies), id, index)));
	return ok;
}

/** Deletes a ยุทธศาสตร์ with no projects (its empty plan groups go with it). */
export function deleteStrategy(doc: Y.Doc, id: string): boolean {
	if (listProjects(doc).some((p) => p.strategyId === id)) return false;
	const strategies = root(doc, ROOT.strategies);
	if (!strategies.has(id)) return false;
	transact(doc, () => {
		strategies.delete(id);
		for (const g of listPlanGroups(doc)) if (g.strategyId === id) root(doc, ROOT.groups).delete(g.id);
	});
	return true;
}

function guidelineMap(doc: Y.Doc, strategyId: string): Y.Map<unknown> | null {
	const s = root(doc, ROOT.strategies).get(strategyId);
	if (!(s instanceof Y.Map)) return null;
	const g = s.get(GUIDELINES);
	return g instanceof Y.Map ? (g as Y.Map<unknown>) : null;
}

/** Adds a แนวทางการพัฒนา under a strategy; null when the strategy is gone. */
export function addGuideline(
	doc: Y.Doc,
	strategyId: string,
	input: { id?: string; name: string },
	index?: number
): string | null {
	const map = guidelineMap(doc, strategyId);
	if (!map) return null;
	const id = input.id ?? newId(`${strategyId}-G`);
	transact(doc, () => insertOrdered(map, id, index, (m) => m.set(NAME, input.name)));
	return id;
}

export function renameGuideline(doc: Y.Doc, strategyId: string, id: string, name: string): boolean {
	const m = guidelineMap(doc, strategyId)?.get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(NAME, name);
	return true;
}

export function moveGuideline(doc: Y.Doc, strategyId: string, id: string, index: number): boolean {
	const map = guidelineMap(doc, strategyId);
	let ok = false;
	if (map) transact(doc, () => (ok = moveOrdered(map, id, index)));
	return ok;
}

/** Deletes a guideline and clears it from the projects that served it. */
export function deleteGuideline(doc: Y.Doc, strategyId: string, id: string): boolean {
	const map = guidelineMap(doc, strategyId);
	if (!map?.has(id)) return false;
	transact(doc, () => {
		map.delete(id);
		for (const [, row] of rowsOf(root(doc, ROOT.projects))) {
			if (row.get('guidelineId') === id) row.set('guidelineId', null);
		}
	});
	return true;
}

// ───────────────────────────── plan groups ─────────────────────────────

/** The id of a (strategy, แผนงาน) group, as in the interchange JSON. */
export function planGroupId(strategyId: string, planCode: string): string {
	return `${strategyId}-${planCode}`;
}

interface GroupRecord extends PlanGroup, Ordered {}

function readGroupRecords(doc: Y.Doc): GroupRecord[] {
	const out: GroupRecord[] = [];
	root(doc, ROOT.groups).forEach((v, id) => {
		if (isRecord(v) && typeof v.strategyId === 'string' && typeof v.planCode === 'string') {
			out.push({ id, strategyId: v.strategyId, planCode: v.planCode, order: String(v.order ?? '') });
		}
	});
	return out;
}

/**
 * Groups in print order: strategy order, then group order within the strategy. A project
 * can point at a group nobody declared (a move racing a group delete); such groups are
 * listed after the declared ones, so no row ever disappears from the table.
 */
export function listPlanGroups(doc: Y.Doc): PlanGroup[] {
	const strategyRank = new Map(listStrategies(doc).map((s, i) => [s.id, i]));
	const records = readGroupRecords(doc);
	const known = new Set(records.map((g) => g.id));
	const implied = new Map<string, GroupRecord>();
	for (const [, row] of rowsOf(root(doc, ROOT.projects))) {
		const p = readPlacement(row);
		const id = planGroupId(p.strategyId, p.planCode);
		if (!known.has(id) && !implied.has(id)) {
			implied.set(id, { id, strategyId: p.strategyId, planCode: p.planCode, order: '\uffff' + p.planCode });
		}
	}
	const rank = (s: string) => strategyRank.get(s) ?? Number.MAX_SAFE_INTEGER;
	return [...records, ...implied.values()]
		.sort((a, b) => rank(a.strategyId) - rank(b.strategyId) || cmp(a.strategyId, b.strategyId) || compareOrdered(a, b))
		.map(({ id, strategyId, planCode }) => ({ id, strategyId, planCode }));
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Declares a group (idempotent) at `index` among the strategy's groups; returns its id. */
export function addPlanGroup(doc: Y.Doc, strategyId: string, planCode: string, index?: number): string {
	const id = planGroupId(strategyId, planCode);
	const groups = root(doc, ROOT.groups);
	if (groups.has(id)) return id;
	const siblings = readGroupRecords(doc)
		.filter((g) => g.strategyId === strategyId)
		.sort(compareOrdered);
	const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
	transact(doc, () => {
		groups.set(id, { strategyId, planCode, order });
		for (const r of rekeyed) setGroupOrder(doc, r.id, r.order);
	});
	return id;
}

function setGroupOrder(doc: Y.Doc, id: string, order: string): void {
	const g = root(doc, ROOT.groups).get(id);
	if (isRecord(g)) root(doc, ROOT.groups).set(id, { strategyId: g.strategyId, planCode: g.planCode, order });
}

/** Moves a group within its strategy. */
export function movePlanGroup(doc: Y.Doc, id: string, index: number): boolean {
	const records = readGroupRecords(doc);
	const g = records.find((r) => r.id === id);
	if (!g) return false;
	const siblings = records.filter((r) => r.strategyId === g.strategyId && r.id !== id).sort(compareOrdered);
	const { order, rekeyed } = placeAt(siblings, index);
	transact(doc, () => {
		setGroupOrder(doc, id, order);
		for (const r of rekeyed) setGroupOrder(doc, r.id, r.order);
	});
	return true;
}

/** Deletes an empty group; false while projects are in it. */
export function deletePlanGroup(doc: Y.Doc, id: string): boolean {
	if (listProjects(doc).some((p) => planGroupId(p.strategyId, p.planCode) === id)) return false;
	if (!root(doc, ROOT.groups).has(id)) return false;
	root(doc, ROOT.groups).delete(id);
	return true;
}

// ───────────────────────────── projects ─────────────────────────────

interface PlacementValue {
	strategyId: string;
	planCode: string;
	order: string;
}

function readPlacement(row: YRow): PlacementValue {
	const v = row.get(PLACEMENT);
	if (!isRecord(v)) return { strategyId: '', planCode: '', order: '' };
	return { strategyId: String(v.strategyId ?? ''), planCode: String(v.planCode ?? ''), order: String(v.order ?? '') };
}

function readProject(id: string, row: YRow): Project {
	const p = readPlacement(row);
	const gid = row.get('guidelineId');
	const remark = row.get('remark');
	return {
		id,
		strategyId: p.strategyId,
		planCode: p.planCode,
		name: str(row, 'name'),
		activityDetail: str(row, 'activityDetail'),
		budget: num(row, 'budget'),
		location: str(row, 'location'),
		responsibleUnit: str(row, 'responsibleUnit'),
		activeMonths: readMonths(row),
		guidelineId: typeof gid === 'string' ? gid : null,
		fundingSource: readFunding(row),
		localDevPlanRef: readRef(row),
		remark: typeof remark === 'string' ? remark : null
	};
}

/** Fields a new project starts with; only its group is required. */
export type NewProject = Partial<Omit<Project, 'strategyId' | 'planCode'>> & Pick<Project, 'strategyId' | 'planCode'>;

const DEFAULT_FUNDING: FundingSource = { type: 'own', category: '', detail: '', agency: null };

/**
 * Adds a project at `index` within its (strategy, แผนงาน) group (default: last), declaring
 * the group when needed. Returns the id.
 */
export function addProject(doc: Y.Doc, input: NewProject, index?: number): string {
	const id = input.id ?? newId('PJ');
	const budget = input.budget ?? 0;
	assertSatang(budget);
	const projects = root(doc, ROOT.projects);
	if (projects.has(id)) throw new RangeError(`project id already used: ${id}`);
	transact(doc, () => {
		addPlanGroup(doc, input.strategyId, input.planCode);
		const siblings = groupSiblings(doc, input.strategyId, input.planCode, id);
		const { order, rekeyed } = placeAt(siblings, index ?? siblings.length);
		const row = new Y.Map<unknown>();
		projects.set(id, row);
		row.set(PLACEMENT, { strategyId: input.strategyId, planCode: input.planCode, order });
		for (const f of PROJECT_TEXT_FIELDS) row.set(f, new Y.Text(input[f] ?? ''));
		row.set('budget', budget);
		row.set('responsibleUnit', input.responsibleUnit ?? '');
		row.set('guidelineId', input.guidelineId ?? null);
		row.set('remark', input.remark ?? null);
		row.set('localDevPlanRef', input.localDevPlanRef ? clone(input.localDevPlanRef) : null);
		writeFunding(row, input.fundingSource ?? DEFAULT_FUNDING);
		writeMonths(row, input.activeMonths ?? []);
		applyRekey(doc, rekeyed);
	});
	return id;
}

function groupSiblings(doc: Y.Doc, strategyId: string, planCode: string, excludeId: string): Ordered[] {
	const out: Ordered[] = [];
	for (const [id, row] of rowsOf(root(doc, ROOT.projects))) {
		if (id === excludeId) continue;
		const p = readPlacement(row);
		if (p.strategyId === strategyId && p.planCode === planCode) out.push({ id, order: p.order });
	}
	return out.sort(compareOrdered);
}

/**
 * Re-keys neighbours that shared a key (only after concurrent inserts). It rewrites their
 * whole placement, so in the rare case that one of them is being moved elsewhere at the
 * same moment, one of the two placements wins — the row still exists exactly once.
 */
function applyRekey(doc: Y.Doc, rekeyed: Ordered[]): void {
	for (const r of rekeyed) {
		const row = root(doc, ROOT.projects).get(r.id);
		if (row instanceof Y.Map) row.set(PLACEMENT, { ...readPlacement(row as YRow), order: r.order });
	}
}

export function getProject(doc: Y.Doc, id: string): Project | null {
	const row = root(doc, ROOT.projects).get(id);
	return row instanceof Y.Map ? readProject(id, row as YRow) : null;
}

/** Values of the editable project cells (placement changes go through moveProject). */
export interface ProjectFields {
	name: string;
	activityDetail: string;
	location: string;
	budget: Satang;
	responsibleUnit: string;
	guidelineId: string | null;
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
	remark: string | null;
}

/**
 * Sets one cell. Text cells get a minimal character edit, so concurrent typing elsewhere
 * in the cell survives; the funding source writes only its changed parts. Returns false
 * when the project no longer exists (e.g. deleted by someone else).
 */
export function updateProjectField<K extends keyof ProjectFields>(
	doc: Y.Doc,
	id: string,
	field: K,
	value: ProjectFields[K]
): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	transact(doc, () => writeField(row as YRow, field, value));
	return true;
}

function writeField(row: YRow, field: string, value: unknown): void {
	if ((PROJECT_TEXT_FIELDS as readonly string[]).includes(field) || (EQUIPMENT_TEXT_FIELDS as readonly string[]).includes(field)) {
		writeText(row, field, String(value ?? ''));
	} else if (field === 'fundingSource') {
		writeFunding(row, value as FundingSource);
	} else if (field === 'budget') {
		assertSatang(value as number);
		if (row.get('budget') !== value) row.set('budget', value);
	} else if (field === 'localDevPlanRef') {
		row.set(field, value ? clone(value) : null);
	} else if (JSON.stringify(row.get(field)) !== JSON.stringify(value)) {
		row.set(field, value);
	}
}

/**
 * The Y.Text of a project text cell, for an input bound character by character (the state
 * layer's binding point; everything else should use updateProjectField).
 */
export function getProjectText(doc: Y.Doc, id: string, field: ProjectTextField): Y.Text | null {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return null;
	const t = row.get(field);
	return t instanceof Y.Text ? t : null;
}

/** Ticks or unticks one month of the grid; other months are untouched. */
export function setMonth(doc: Y.Doc, id: string, month: Month, on: boolean): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	setMonthFlag(row as YRow, month, on);
	return true;
}

/** Sets the whole month grid, writing only the flags that change. */
export function setMonths(doc: Y.Doc, id: string, months: readonly Month[]): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	transact(doc, () => writeMonths(row as YRow, months));
	return true;
}

/** Where to move a project: another group and/or a position (index within the target group). */
export interface ProjectTarget {
	strategyId?: string;
	planCode?: string;
	/** Position among the target group's other rows; default last. */
	index?: number;
}

/**
 * Moves a project by rewriting its placement (one atomic value), never by delete +
 * insert. A move to another strategy clears a guideline that does not belong there (§8.1).
 */
export function moveProject(doc: Y.Doc, id: string, target: ProjectTarget): boolean {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return false;
	const cur = readPlacement(row as YRow);
	const strategyId = target.strategyId ?? cur.strategyId;
	const planCode = target.planCode ?? cur.planCode;
	transact(doc, () => {
		addPlanGroup(doc, strategyId, planCode);
		const siblings = groupSiblings(doc, strategyId, planCode, id);
		const { order, rekeyed } = placeAt(siblings, target.index ?? siblings.length);
		row.set(PLACEMENT, { strategyId, planCode, order });
		applyRekey(doc, rekeyed);
		if (strategyId !== cur.strategyId) {
			const gid = row.get('guidelineId');
			const valid = listStrategies(doc)
				.find((s) => s.id === strategyId)
				?.guidelines.some((g) => g.id === gid);
			if (gid !== null && !valid) row.set('guidelineId', null);
		}
	});
	return true;
}

export function deleteProject(doc: Y.Doc, id: string): boolean {
	const projects = root(doc, ROOT.projects);
	if (!projects.has(id)) return false;
	projects.delete(id);
	return true;
}

/** All projects in print order: group order (strategy, then แผนงาน), then row order, then id. */
export function listProjects(doc: Y.Doc): Project[] {
	return listGroupedProjects(doc).flatMap((g) => g.projects);
}

/** Projects per group, groups in print order (including empty declared groups). */
export function listGroupedProjects(doc: Y.Doc): { group: PlanGroup; projects: Project[] }[] {
	const byGroup = new Map<string, { order: string; project: Project }[]>();
	for (const [id, row] of rowsOf(root(doc, ROOT.projects))) {
		const p = readPlacement(row);
		const gid = planGroupId(p.strategyId, p.planCode);
		const list = byGroup.get(gid) ?? [];
		list.push({ order: p.order, project: readProject(id, row) });
		byGroup.set(gid, list);
	}
	return listPlanGroups(doc).map((group) => ({
		group,
		projects: (byGroup.get(group.id) ?? [])
			.sort((a, b) => compareOrdered({ id: a.project.id, order: a.order }, { id: b.project.id, order: b.order }))
			.map((r) => r.project)
	}));
}

// ───────────────────────────── equipment (ผด.02/1) ─────────────────────────────

function readEquipment(id: string, row: YRow): EquipmentItem {
	return {
		id,
		planCode: str(row, 'planCode'),
		category: str(row, 'category'),
		type: str(row, 'type'),
		item: str(row, 'item'),
		detail: str(row, 'detail'),
		quantity: num(row, 'quantity'),
		unit: str(row, 'unit'),
		budget: num(row, 'budget'),
		location: str(row, 'location'),
		responsibleUnit: str(row, 'responsibleUnit'),
		activeMonths: readMonths(row),
		fundingSource: readFunding(row),
		localDevPlanRef: readRef(row)
	};
}

export type NewEquipment = Partial<Omit<EquipmentItem, 'planCode'>> & Pick<EquipmentItem, 'planCode'>;

/** Adds an equipment row at `index` (default last); returns its id. */
export function addEquipment(doc: Y.Doc, input: NewEquipment, index?: number): string {
	const id = input.id ?? newId('EQ');
	const budget = input.budget ?? 0;
	assertSatang(budget);
	const map = root(doc, ROOT.equipment);
	if (map.has(id)) throw new RangeError(`equipment id already used: ${id}`);
	transact(doc, () =>
		insertOrdered(map, id, index, (row) => {
			row.set('planCode', input.planCode);
			row.set('category', input.category ?? 'ค่าครุภัณฑ์');
			row.set('type', input.type ?? '');
			for (const f of EQUIPMENT_TEXT_FIELDS) row.set(f, new Y.Text(input[f] ?? ''));
			row.set('quantity', input.quantity ?? 1);
			row.set('unit', input.unit ?? '');
			row.set('budget', budget);
			row.set('responsibleUnit', input.responsibleUnit ?? '');
			row.set('localDevPlanRef', input.localDevPlanRef ? clone(input.localDevPlanRef) : null);
			writeFunding(row, input.fundingSource ?? DEFAULT_FUNDING);
			writeMonths(row, input.activeMonths ?? []);
		})
	);
	return id;
}

export type EquipmentFields = Omit<EquipmentItem, 'id' | 'activeMonths'>;

export function updateEquipmentField<K extends keyof EquipmentFields>(
	doc: Y.Doc,
	id: string,
	field: K,
	value: EquipmentFields[K]
): boolean {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return false;
	transact(doc, () => writeField(row as YRow, field, value));
	return true;
}

export function getEquipmentText(doc: Y.Doc, id: string, field: EquipmentTextField): Y.Text | null {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return null;
	const t = row.get(field);
	return t instanceof Y.Text ? t : null;
}

export function setEquipmentMonth(doc: Y.Doc, id: string, month: Month, on: boolean): boolean {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return false;
	setMonthFlag(row as YRow, month, on);
	return true;
}

export function moveEquipment(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.equipment), id, index)));
	return ok;
}

export function deleteEquipment(doc: Y.Doc, id: string): boolean {
	const map = root(doc, ROOT.equipment);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

export function listEquipment(doc: Y.Doc): EquipmentItem[] {
	return sortedRows(root(doc, ROOT.equipment)).map(([id, row]) => readEquipment(id, row));
}

// ───────────────────────────── narrative sections ─────────────────────────────

export function listSections(doc: Y.Doc): SectionHead[] {
	return sortedRows(root(doc, ROOT.sections)).map(([id, m]) => ({ id, title: str(m, TITLE) }));
}

/** Adds a section (optionally with initial content) at `index` (default last); returns its id. */
export function addSection(
	doc: Y.Doc,
	input: { id?: string; title: string; content?: SectionContent },
	index?: number
): string {
	const id = input.id ?? newId('sec');
	const map = root(doc, ROOT.sections);
	if (map.has(id)) throw new RangeError(`section id already used: ${id}`);
	transact(doc, () =>
		insertOrdered(map, id, index, (m) => {
			m.set(TITLE, input.title);
			const body = new Y.XmlFragment();
			m.set(BODY, body);
			if (input.content) writeSectionContent(body, input.content);
		})
	);
	return id;
}

export function renameSection(doc: Y.Doc, id: string, title: string): boolean {
	const m = root(doc, ROOT.sections).get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(TITLE, title);
	return true;
}

export function moveSection(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.sections), id, index)));
	return ok;
}

export function deleteSection(doc: Y.Doc, id: string): boolean {
	const map = root(doc, ROOT.sections);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

/** The Tiptap fragment of a section (Collaboration.configure({ fragment })); null if deleted. */
export function getSectionFragment(doc: Y.Doc, id: string): Y.XmlFragment | null {
	const m = root(doc, ROOT.sections).get(id);
	if (!(m instanceof Y.Map)) return null;
	const body = m.get(BODY);
	return body instanceof Y.XmlFragment ? body : null;
}

export function listSectionsWithContent(doc: Y.Doc): Section[] {
	return listSections(doc).map((s) => {
		const body = getSectionFragment(doc, s.id);
		return { ...s, content: body ? readSectionContent(body) : {} };
	});
}

// ───────────────────────────── revisions & ผด.01 override ─────────────────────────────

export function listRevisions(doc: Y.Doc): RevisionJson[] {
	const out: (Ordered & { revision: RevisionJson })[] = [];
	root(doc, ROOT.revisions).forEach((v, id) => {
		if (isRecord(v) && isRecord(v.revision)) {
			out.push({ id, order: String(v.order ?? ''), revision: clone(v.revision as unknown as RevisionJson) });
		}
	});
	return out.sort(compareOrdered).map((r) => r.revision);
}

/** Adds or replaces a revision (kept as one value until a revision editor needs more). */
export function putRevision(doc: Y.Doc, revision: RevisionJson): void {
	const map = root(doc, ROOT.revisions);
	const existing = map.get(revision.id);
	let order = isRecord(existing) ? String(existing.order ?? '') : '';
	if (!order) {
		const last = listRevisionOrders(doc).at(-1) ?? null;
		order = keyBetween(last, null);
	}
	map.set(revision.id, { order, revision: clone(revision) });
}

function listRevisionOrders(doc: Y.Doc): string[] {
	const orders: string[] = [];
	root(doc, ROOT.revisions).forEach((v) => {
		if (isRecord(v) && typeof v.order === 'string') orders.push(v.order);
	});
	return orders.sort();
}

export function deleteRevision(doc: Y.Doc, id: string): boolean {
	const map = root(doc, ROOT.revisions);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

/** Manual "หน่วยดำเนินการ" text for a ผด.01 row; null or "" removes the override. */
export function setPd01UnitsOverride(doc: Y.Doc, groupId: string, text: string | null): void {
	const map = root(doc, ROOT.pd01Units);
	if (text) map.set(groupId, text);
	else map.delete(groupId);
}

export function getPd01UnitOverrides(doc: Y.Doc): Record<string, string> {
	const out: Record<string, string> = {};
	root(doc, ROOT.pd01Units).forEach((v, k) => {
		if (typeof v === 'string') out[k] = v;
	});
	return out;
}

// ───────────────────────────── whole plan ─────────────────────────────

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
	});
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

/**
 * Calls `onChange` after every transaction that touches the plan (for createSubscriber in
 * the state layer). Returns the unsubscribe function.
 */
export function observePlan(doc: Y.Doc, onChange: (origin: unknown) => void): () => void {
	const roots = Object.values(ROOT).map((name) => root(doc, name));
	const handler = (_events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => onChange(tr.origin);
	for (const r of roots) r.observeDeep(handler);
	return () => {
		for (const r of roots) r.unobserveDeep(handler);
	};
}

// ───────────────────────────── editor support ─────────────────────────────

/**
 * What one transaction changed, sorted by what an editor must re-read. The editor's state
 * classes (src/lib/state) use it to update only the rows that changed, so typing in one
 * cell of a 1,000-row plan never re-reads the whole table.
 */
export interface PlanChanges {
	/** Transaction origin (the provider, IndexedDB, or an editor's local origin). */
	origin: unknown;
	/** Projects whose cells changed in place (text, budget, months, …). */
	projectCells: Set<string>;
	/** A project was added, deleted or placed elsewhere (group or order). */
	projectLayout: boolean;
	/** Equipment rows whose cells changed in place. */
	equipmentCells: Set<string>;
	/** An equipment row was added, deleted or re-ordered. */
	equipmentLayout: boolean;
	/** Strategies, guidelines, แผนงาน groups or the catalogue changed. */
	outline: boolean;
	/** A narrative section was added, deleted, renamed or moved (not its body text). */
	sectionList: boolean;
	/** Something ผด.01 reads changed: a budget, unit, funding source, placement, override. */
	summary: boolean;
	/** Document fields, front matter or revisions changed. */
	meta: boolean;
}

/** Project/equipment keys that ผด.01 and its totals read. */
const SUMMARY_KEYS = new Set(['budget', 'responsibleUnit', FUNDING.type, PLACEMENT, 'planCode', 'quantity']);

/**
 * Calls `onChange` once per transaction that touched the plan, with what it changed.
 * Returns the unsubscribe function.
 */
export function observePlanChanges(doc: Y.Doc, onChange: (changes: PlanChanges) => void): () => void {
	let pending: PlanChanges | null = null;
	const fresh = (origin: unknown): PlanChanges => ({
		origin,
		projectCells: new Set(),
		projectLayout: false,
		equipmentCells: new Set(),
		equipmentLayout: false,
		outline: false,
		sectionList: false,
		summary: false,
		meta: false
	});
	const rowChange = (
		events: Y.YEvent<Y.AbstractType<unknown>>[],
		layoutKey: string,
		mark: (c: PlanChanges, id: string) => void,
		layout: (c: PlanChanges) => void
	) => {
		for (const e of events) {
			const c = pending!;
			const path = e.path;
			if (path.length === 0) {
				layout(c);
				c.summary = true;
				continue;
			}
			const id = String(path[0]);
			if (path.length === 1) {
				if (e.keys.has(layoutKey)) layout(c);
				for (const k of e.keys.keys()) if (SUMMARY_KEYS.has(k) || k.startsWith('funding')) c.summary = true;
			}
			mark(c, id);
		}
	};
	const handlers: [Y.Map<unknown>, (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void][] = [
		[
			root(doc, ROOT.projects),
			(events) =>
				rowChange(
					events,
					PLACEMENT,
					(c, id) => c.projectCells.add(id),
					(c) => (c.projectLayout = true)
				)
		],
		[
			root(doc, ROOT.equipment),
			(events) =>
				rowChange(
					events,
					ORDER,
					(c, id) => c.equipmentCells.add(id),
					(c) => (c.equipmentLayout = true)
				)
		],
		...[ROOT.strategies, ROOT.groups, ROOT.catalogue].map(
			(name) =>
				[
					root(doc, name),
					() => {
						pending!.outline = true;
						pending!.summary = true;
					}
				] as [Y.Map<unknown>, () => void]
		),
		[
			root(doc, ROOT.sections),
			(events) => {
				for (const e of events) {
					if (e.path.length === 0 || (e.path.length === 1 && (e.keys.has(TITLE) || e.keys.has(ORDER)))) {
						pending!.sectionList = true;
					}
				}
			}
		],
		[root(doc, ROOT.pd01Units), () => (pending!.summary = pending!.meta = true)],
		...[ROOT.meta, ROOT.front, ROOT.revisions].map(
			(name) => [root(doc, name), () => (pending!.meta = true)] as [Y.Map<unknown>, () => void]
		)
	];
	const wrapped = handlers.map(([type, handle]) => {
		const fn = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
			pending ??= fresh(tr.origin);
			handle(events);
		};
		type.observeDeep(fn);
		return [type, fn] as const;
	});
	// Deep observers run during the transaction's cleanup, before afterTransaction.
	const flush = () => {
		if (!pending) return;
		const c = pending;
		pending = null;
		onChange(c);
	};
	doc.on('afterTransaction', flush);
	return () => {
		for (const [type, fn] of wrapped) type.unobserveDeep(fn);
		doc.off('afterTransaction', flush);
	};
}

/** Copies a project (cells, months, funding) into a new row right below it; null if gone. */
export function duplicateProject(doc: Y.Doc, id: string): string | null {
	const p = getProject(doc, id);
	if (!p) return null;
	const siblings = groupSiblings(doc, p.strategyId, p.planCode, '');
	const at = siblings.findIndex((s) => s.id === id);
	const { id: _old, ...fields } = p;
	let newIdValue = '';
	transact(doc, () => (newIdValue = addProject(doc, fields, at + 1)));
	return newIdValue;
}

/** Copies an equipment row into a new row right below it; null if gone. */
export function duplicateEquipment(doc: Y.Doc, id: string): string | null {
	const list = listEquipment(doc);
	const at = list.findIndex((e) => e.id === id);
	if (at < 0) return null;
	const { id: _old, ...fields } = list[at];
	let newIdValue = '';
	transact(doc, () => (newIdValue = addEquipment(doc, fields, at + 1)));
	return newIdValue;
}

/**
 * An undo manager over the plan that records only transactions whose origin is one of
 * `origins` — an editor passes its own local origin, so undo never reverts other people's
 * edits. Narrative section bodies are covered by Tiptap's own undo (its origin is not
 * tracked here); the section list (add, rename, move, delete) is.
 */
export function createPlanUndoManager(doc: Y.Doc, origins: readonly unknown[], captureTimeout = 500): Y.UndoManager {
	const scope = Object.values(ROOT)
		.filter((name) => name !== ROOT.meta)
		.map((name) => root(doc, name));
	return new Y.UndoManager(scope, { trackedOrigins: new Set(origins), captureTimeout });
}

/** The Y.Text of a text cell of either table (projects or equipment), for an input binding. */
export function getCellText(doc: Y.Doc, table: 'projects' | 'equipment', id: string, field: string): Y.Text | null {
	if (table === 'projects') {
		return (PROJECT_TEXT_FIELDS as readonly string[]).includes(field) ? getProjectText(doc, id, field as ProjectTextField) : null;
	}
	return (EQUIPMENT_TEXT_FIELDS as readonly string[]).includes(field) ? getEquipmentText(doc, id, field as EquipmentTextField) : null;
}

/** One equipment row, or null when it is gone. */
export function getEquipment(doc: Y.Doc, id: string): EquipmentItem | null {
	const row = root(doc, ROOT.equipment).get(id);
	return row instanceof Y.Map ? readEquipment(id, row as YRow) : null;
}

// ───────────────────────────── attribution ─────────────────────────────

/**
 * The Yjs items (client, clock) holding a project cell's current value — the last write of
 * a plain cell, every visible character of a text cell, every month flag — so the server can
 * find which logged update, and so which person, wrote it.
 */
export function projectCellItems(doc: Y.Doc, id: string, field: 'budget' | 'responsibleUnit' | 'months' | ProjectTextField): { client: number; clock: number }[] {
	const row = root(doc, ROOT.projects).get(id);
	if (!(row instanceof Y.Map)) return [];
	const ids: { client: number; clock: number }[] = [];
	const itemOf = (map: Y.Map<unknown>, key: string) => (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
	if (field === 'months') {
		const months = row.get(MONTHS);
		if (months instanceof Y.Map) for (const key of months.keys()) ids.push(itemOf(months, key)!.id);
		return ids;
	}
	const value = row.get(field);
	if (value instanceof Y.Text) {
		for (let item = value._start; item; item = item.right) if (!item.deleted) ids.push(item.id);
		return ids;
	}
	const item = itemOf(row, field);
	return item ? [item.id] : [];
}

// ───────────────────────────── shape (what the server accepts) ─────────────────────────────

const monthsShape = mapOf(FISCAL_MONTHS.map((m): [string, DocShape] => [String(m), VALUE]));
const fundingShape: [string, DocShape][] = Object.values(FUNDING).map((k) => [k, VALUE]);
const values = (keys: readonly string[]) => keys.map((k): [string, DocShape] => [k, VALUE]);
const texts = (keys: readonly string[]) => keys.map((k): [string, DocShape] => [k, TEXT]);

/**
 * Every root map of the plan document and what may live under it — the layout at the top of
 * this file, as data. The server refuses an update that creates another root, a key a fixed
 * map does not have, or a value of another kind (docShape.ts).
 */
export const PLAN_DOC_SHAPE: ReadonlyMap<string, MapShape> = new Map<string, MapShape>([
	[ROOT.meta, mapOf([...values([SCHEMA_VERSION_KEY, ...META_FIELDS]), ...values(ORG_FIELDS.map((k) => ORG_PREFIX + k))])],
	[ROOT.front, mapOf(values(FRONT_FIELDS))],
	[ROOT.catalogue, collectionOf(VALUE)],
	[ROOT.strategies, collectionOf(mapOf({ [ORDER]: VALUE, [NAME]: VALUE, [GUIDELINES]: collectionOf(mapOf({ [ORDER]: VALUE, [NAME]: VALUE })) }))],
	[ROOT.groups, collectionOf(VALUE)],
	[
		ROOT.projects,
		collectionOf(
			mapOf([
				...values([PLACEMENT, 'budget', 'responsibleUnit', 'guidelineId', 'remark', 'localDevPlanRef']),
				...texts(PROJECT_TEXT_FIELDS),
				...fundingShape,
				[MONTHS, monthsShape]
			])
		)
	],
	[
		ROOT.equipment,
		collectionOf(
			mapOf([
				...values([ORDER, 'planCode', 'category', 'type', 'quantity', 'unit', 'budget', 'responsibleUnit', 'localDevPlanRef']),
				...texts(EQUIPMENT_TEXT_FIELDS),
				...fundingShape,
				[MONTHS, monthsShape]
			])
		)
	],
	[ROOT.sections, collectionOf(mapOf({ [ORDER]: VALUE, [TITLE]: VALUE, [BODY]: XML }))],
	[ROOT.revisions, collectionOf(VALUE)],
	[ROOT.pd01Units, collectionOf(VALUE)]
]);
