/**
 * Plain types of a plan. Two families:
 * - `*Json`: the interchange shape of `src/lib/server/demo/sample-plan.json` (OPERATIONAL_PLAN.md §0),
 *   money in baht as JSON numbers, print-derived fields (seq, no, planName, …) included;
 * - the model (`Plan`, `Project`, …): what the Yjs document holds, money as integer satang,
 *   nothing derivable stored. `readPlan(doc)` returns it; ผด.01 and validation consume it.
 */

/** Calendar month number (1 = January). */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** The month columns of the grid: October of year FY−1 to September of FY. */
export const FISCAL_MONTHS: readonly Month[] = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Integer number of satang (1 baht = 100 satang); never a float amount of baht. */
export type Satang = number;

/** ISO calendar date "2025-10-15" (Gregorian, for machines). */
export type IsoDate = string;

// ───────────────────────────── shared value shapes ─────────────────────────────

export type OrganizationType =
	| 'เทศบาลตำบล'
	| 'เทศบาลเมือง'
	| 'เทศบาลนคร'
	| 'องค์การบริหารส่วนตำบล'
	| 'องค์การบริหารส่วนจังหวัด'
	| 'เมืองพัทยา';

export type EditionKind = 'ฉบับหลัก' | 'เพิ่มเติม' | 'แก้ไข';

export interface Edition {
	kind: EditionKind;
	number: number;
	label: string | null;
}

export type FundingType = 'own' | 'otherAgency';

export interface FundingSource {
	type: FundingType;
	/** e.g. "เทศบัญญัติงบประมาณรายจ่ายประจำปี", "เงินอุดหนุนเฉพาะกิจ", "จ่ายขาดเงินสะสม". */
	category: string;
	detail: string;
	/** The other agency, or the recipient of a subsidy. */
	agency: string | null;
}

/** Traceability to the 5-year plan (form ผ.02 / ผ.08 page). */
export interface LocalDevPlanRef {
	plan: string;
	form: string;
	page: number;
}

export interface Village {
	moo: number;
	name: string;
}

export interface Organization {
	type: OrganizationType;
	name: string;
	shortName: string;
	district: string;
	province: string;
	executiveTitle: string;
	councilName: string;
	supportCommitteeName: string;
	developmentCommitteeName: string;
	villages: Village[];
	departments: string[];
}

export interface WorkflowEvent {
	step: string;
	actor: string;
	dateISO?: IsoDate;
	fromISO?: IsoDate;
	toISO?: IsoDate;
	note?: string;
}

export interface Cover {
	lines: string[];
	footerLines: string[];
	emblem: string;
}

export interface Announcement {
	heading: string;
	subject: string;
	paragraphs: string[];
	dateText: string;
	dateISO: IsoDate;
	signatory: { name: string; position: string };
}

export interface Preface {
	heading: string;
	paragraphs: string[];
	signature: string;
}

export interface PlanCatalogueEntry {
	/** Budget-classification code, e.g. "00310"; custom แผนงาน get their own code. */
	code: string;
	name: string;
	/** ด้าน, e.g. "ด้านการเศรษฐกิจ". */
	sector: string;
}

export interface IntroStep {
	no: number;
	actor: string;
	text: string;
}

// ───────────────────────────── JSON (interchange) ─────────────────────────────

export interface ProjectJson {
	id: string;
	seq: number;
	name: string;
	activityDetail: string;
	/** Baht. */
	budget: number;
	location: string;
	responsibleUnit: string;
	activeMonths: Month[];
	guidelineId: string | null;
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
	remark: string | null;
}

export interface PlanGroupJson {
	id: string;
	planCode: string;
	planName: string;
	projects: ProjectJson[];
}

export interface GuidelineJson {
	id: string;
	no: string;
	name: string;
}

export interface StrategyJson {
	id: string;
	no: number;
	name: string;
	guidelines: GuidelineJson[];
	planGroups: PlanGroupJson[];
}

export interface EquipmentJson {
	id: string;
	seq: number;
	planCode: string;
	planName: string;
	category: string;
	type: string;
	item: string;
	detail: string;
	quantity: number;
	unit: string;
	/** Baht. */
	budget: number;
	location: string;
	responsibleUnit: string;
	activeMonths: Month[];
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
}

export interface RevisionJson {
	id: string;
	kind: 'เพิ่มเติม' | 'แก้ไข';
	number: number;
	label: string;
	status: 'draft' | 'committee-reviewed' | 'approved' | 'announced';
	trigger: { type: string; ref: string };
	reason: string;
	addProjects: { targetPlanGroupId: string; project: ProjectJson }[];
	modifyProjects: { projectId: string; changes: Partial<ProjectJson>; before?: Partial<ProjectJson> }[];
	removeProjectIds: string[];
	approvedISO?: IsoDate;
	announcedISO?: IsoDate;
}

export interface IntroSectionJson {
	no: string;
	heading: string;
	paragraphs?: string[];
	items?: string[];
	steps?: IntroStep[];
	closing?: string;
}

export interface DocumentInfoJson {
	kind: 'แผนการดำเนินงาน';
	title: string;
	fiscalYear: number;
	fiscalYearSpan: { startBE: string; endBE: string; startISO: IsoDate; endISO: IsoDate };
	edition: Edition;
	localDevelopmentPlan: string;
	regulationBasis: string;
	numerals: 'thai' | 'arabic';
	preparedBy: string;
}

export interface WorkflowJson {
	budgetOrdinance: { name: string; announcedISO: IsoDate };
	deadlineISO: IsoDate;
	deadlineRule: string;
	events: WorkflowEvent[];
}

/** The whole interchange document (sample-plan.json). */
export interface PlanJson {
	$schemaNote?: string;
	schemaVersion: '1.0';
	isFictional?: boolean;
	document: DocumentInfoJson;
	organization: Organization;
	workflow: WorkflowJson;
	cover: Cover;
	announcement: Announcement;
	preface: Preface;
	introduction: { partTitle: string; sections: IntroSectionJson[] };
	planCatalogue: PlanCatalogueEntry[];
	strategies: StrategyJson[];
	equipment: EquipmentJson[];
	revisions: RevisionJson[];
	/** Test fixture only; never imported (see json.ts). */
	derived?: unknown;
}

// ───────────────────────────── model (what the doc holds) ─────────────────────────────

/** Document-level fields (Y `meta`). */
export interface PlanMeta {
	/** Layout version of the Yjs document (migrations.ts), not the JSON format version. */
	schemaVersion: number;
	isFictional: boolean;
	kind: 'แผนการดำเนินงาน';
	title: string;
	/** Buddhist-era year in which the fiscal year ends, e.g. 2569. */
	fiscalYear: number;
	edition: Edition;
	localDevelopmentPlan: string;
	regulationBasis: string;
	numerals: 'thai' | 'arabic';
	preparedBy: string;
	organization: Organization;
}

/** Printed front matter kept as whole values (rarely co-edited). */
export interface FrontMatter {
	/** `deadlineISO` is derived from the ordinance date (json.ts), so not stored. */
	workflow: Omit<WorkflowJson, 'deadlineISO'>;
	cover: Cover;
	announcement: Announcement;
	preface: Preface;
	/** "ส่วนที่ 1  บทนำ". */
	introductionTitle: string;
}

/** Plain content of a narrative section in the shapes the interchange JSON knows. */
export interface SectionContent {
	paragraphs?: string[];
	items?: string[];
	steps?: IntroStep[];
	closing?: string;
}

export interface SectionHead {
	id: string;
	title: string;
}

export interface Section extends SectionHead {
	content: SectionContent;
}

export interface Guideline {
	id: string;
	name: string;
}

export interface Strategy {
	id: string;
	name: string;
	/** In print order. */
	guidelines: Guideline[];
}

/** One (strategy, แผนงาน) block of ผด.02; its id is `${strategyId}-${planCode}`. */
export interface PlanGroup {
	id: string;
	strategyId: string;
	planCode: string;
}

export interface Project {
	id: string;
	strategyId: string;
	planCode: string;
	name: string;
	activityDetail: string;
	budget: Satang;
	location: string;
	responsibleUnit: string;
	/** Fiscal order (Oct … Sep), no duplicates, when read from the doc. */
	activeMonths: Month[];
	guidelineId: string | null;
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
	remark: string | null;
}

export interface EquipmentItem {
	id: string;
	planCode: string;
	category: string;
	type: string;
	item: string;
	detail: string;
	quantity: number;
	unit: string;
	budget: Satang;
	location: string;
	responsibleUnit: string;
	activeMonths: Month[];
	fundingSource: FundingSource;
	localDevPlanRef: LocalDevPlanRef | null;
}

/** The plan as plain data, every list in print order. */
export interface Plan {
	meta: PlanMeta;
	front: FrontMatter;
	sections: Section[];
	catalogue: PlanCatalogueEntry[];
	strategies: Strategy[];
	groups: PlanGroup[];
	projects: Project[];
	equipment: EquipmentItem[];
	/** Stored verbatim (baht inside), until a revision editor needs finer structure. */
	revisions: RevisionJson[];
	/** Manual "หน่วยดำเนินการ" text of ผด.01 rows, by plan-group id (§8.5: the one override). */
	pd01UnitOverrides: Record<string, string>;
}
