/** Document-level fields: the layout version, the plan's meta and organization, front matter. */
import type * as Y from 'yjs';
import type { FrontMatter, Organization, PlanMeta } from '../types';
import { FRONT_FIELDS, META_FIELDS, ORG_FIELDS, ORG_PREFIX, ROOT, SCHEMA_VERSION_KEY, root } from './keys';
import { clone, isRecord, num, str, transact } from './rows';

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
