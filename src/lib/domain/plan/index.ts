/**
 * Public API of the plan model: the Yjs layout and its accessors, the interchange JSON,
 * the computed ผด.01, validation and money helpers. Pure and isomorphic.
 */
export * from './types';
export * from './doc';
export { STANDARD_PLAN_CATALOGUE } from './catalogue';
export { MIGRATIONS, SCHEMA_VERSION, NewerSchemaError, migrateDoc, type Migration, type MigrationResult } from './migrations';
export {
	PLAN_JSON_FORMAT,
	PLAN_DEADLINE_DAYS,
	exportPlanJson,
	fiscalYearSpan,
	importPlanJson,
	planDeadline,
	planFromJson,
	planToJson
} from './json';
export {
	computePd01,
	computePd01FromDoc,
	formatHundredths,
	largestRemainder,
	roundHalfUpPercent,
	summarizeEquipment,
	summarizeFundingTypes,
	type AmountSummary,
	type EquipmentSummary,
	type Pd01GroupRow,
	type Pd01LevelCheck,
	type Pd01Options,
	type Pd01Percent,
	type Pd01Scope,
	type Pd01StrategyRow,
	type Pd01Summary
} from './pd01';
export {
	validatePlan,
	validatePlanJson,
	type IssueSeverity,
	type ValidateOptions,
	type ValidationIssue
} from './validation';
export {
	MAX_BUDGET_SATANG,
	bahtToSatang,
	formatBaht,
	parseBudget,
	satangToBaht,
	satangToDecimal,
	type FormatBahtOptions,
	type Message,
	type ParseBudgetResult
} from './money';
export { compareOrdered, keyBetween, keysBetween, placeAt, type Ordered, type Placement } from './order';
export { readSectionContent, writeSectionContent } from './sectionContent';
