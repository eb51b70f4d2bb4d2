/**
 * Every root map of the plan document and what may live under it — the layout in index.ts,
 * as data. The server refuses an update that creates another root, a key a fixed map does
 * not have, or a value of another kind (../docShape.ts, src/lib/server/plan/shapeCheck.ts).
 */
import { TEXT, VALUE, XML, collectionOf, mapOf, type DocShape, type MapShape } from '../docShape';
import { FISCAL_MONTHS } from '../types';
import {
	BODY,
	EQUIPMENT_TEXT_FIELDS,
	FRONT_FIELDS,
	FUNDING,
	GUIDELINES,
	META_FIELDS,
	MONTHS,
	NAME,
	ORDER,
	ORG_FIELDS,
	ORG_PREFIX,
	PLACEMENT,
	PROJECT_TEXT_FIELDS,
	ROOT,
	SCHEMA_VERSION_KEY,
	TITLE
} from './keys';

const monthsShape = mapOf(FISCAL_MONTHS.map((m): [string, DocShape] => [String(m), VALUE]));
const fundingShape: [string, DocShape][] = Object.values(FUNDING).map((k) => [k, VALUE]);
const values = (keys: readonly string[]) => keys.map((k): [string, DocShape] => [k, VALUE]);
const texts = (keys: readonly string[]) => keys.map((k): [string, DocShape] => [k, TEXT]);

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
