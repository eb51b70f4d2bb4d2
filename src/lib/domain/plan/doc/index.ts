/**
 * The Yjs layout of one plan edition. This folder is the only code that knows its key names
 * (keys.ts, private to it); this file is its one public entry.
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
export { PROJECT_TEXT_FIELDS, EQUIPMENT_TEXT_FIELDS, type ProjectTextField, type EquipmentTextField } from './keys';
export { newId } from './rows';
export { getSchemaVersion, setSchemaVersion, getMeta, setMeta, getFrontMatter, setFrontMatter, type MetaPatch } from './meta';
export {
	listPlanCatalogue,
	putPlanCatalogueEntry,
	ensureStandardCatalogue,
	listStrategies,
	addStrategy,
	renameStrategy,
	moveStrategy,
	addGuideline,
	renameGuideline
} from './outline';
export { planGroupId, listPlanGroups, addPlanGroup, movePlanGroup } from './groups';
export {
	addProject,
	getProject,
	updateProjectField,
	getProjectText,
	setMonth,
	moveProject,
	deleteProject,
	duplicateProject,
	listProjects,
	listGroupedProjects,
	getProjectTallyFacts,
	getPlacedProject,
	compareOrderedRows,
	listPlacedProjects,
	type PlacedProject,
	listProjectTallyFacts,
	type ProjectTallyFacts,
	type NewProject,
	type ProjectFields,
	type ProjectTarget
} from './projects';
export {
	addEquipment,
	updateEquipmentField,
	getEquipmentText,
	setEquipmentMonth,
	moveEquipment,
	deleteEquipment,
	listEquipment,
	getEquipment,
	duplicateEquipment,
	type NewEquipment,
	type EquipmentFields
} from './equipment';
export { listSections, addSection, renameSection, moveSection, deleteSection, getSectionFragment, listSectionsWithContent } from './sections';
export { listRevisions, putRevision, setPd01UnitsOverride, getPd01UnitOverrides } from './revisions';
export { deleteStrategy, deleteGuideline, deletePlanGroup } from './integrity';
export { isPlanDocEmpty, readPlan, replacePlanContent, writePlan } from './wholePlan';
export { mergePlanChanges, observePlanChanges, onlyCellsInPlace, type PlanChanges } from './observe';
export { createPlanUndoManager } from './undo';
export { getCellText } from './cellText';
export { projectCellItems, cellItems } from './attribution';
export { PLAN_DOC_SHAPE } from './shape';
