/**
 * The Yjs key names of the plan layout (see index.ts for the layout). Private to this folder:
 * code outside it goes through the accessors, so a renamed key is a change in one place
 * (eslint's no-restricted-imports keeps other modules out).
 */
import type * as Y from 'yjs';
import type { Organization } from '../types';

export const ROOT = {
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

export type RootName = (typeof ROOT)[keyof typeof ROOT];

export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const ORG_PREFIX = 'org.';
export const ORDER = 'order';
export const NAME = 'name';
export const TITLE = 'title';
export const BODY = 'body';
export const GUIDELINES = 'guidelines';
export const PLACEMENT = 'placement';
export const MONTHS = 'months';
export const FUNDING = {
	type: 'fundingType',
	category: 'fundingCategory',
	detail: 'fundingDetail',
	agency: 'fundingAgency'
} as const;

/** Plain document fields stored under their own name in `meta`. */
export const META_FIELDS = [
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

export const ORG_FIELDS = [
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

export const FRONT_FIELDS = ['workflow', 'cover', 'announcement', 'preface', 'introductionTitle'] as const;

/** Project cells that people type into together. */
export const PROJECT_TEXT_FIELDS = ['name', 'activityDetail', 'location'] as const;
export type ProjectTextField = (typeof PROJECT_TEXT_FIELDS)[number];

/** Equipment cells that people type into together. */
export const EQUIPMENT_TEXT_FIELDS = ['item', 'detail', 'location'] as const;
export type EquipmentTextField = (typeof EQUIPMENT_TEXT_FIELDS)[number];

/** One root map of the plan. */
export function root(doc: Y.Doc, name: RootName): Y.Map<unknown> {
	return doc.getMap<unknown>(name);
}
