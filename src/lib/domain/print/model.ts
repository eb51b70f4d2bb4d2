/**
 * The printable document of a plan (OPERATIONAL_PLAN.md §2, §3, §5, §7) as plain data: every
 * text already formatted (digits per part, Buddhist-era years, baht), plus the raw values an
 * exporter needs (satang, month flags). The HTML print view, the PDF, DOCX and XLSX all render
 * this one model, so the four outputs cannot disagree.
 *
 * Input is a `Plan` value (current content, or a frozen version), never a Y.Doc.
 * Details the spec marks unconfirmed [U] are `PrintSettings`, with common practice as default.
 */
import { FISCAL_MONTHS, type Month, type Plan, type Project, type EquipmentItem, type Section } from '$lib/domain/plan/types';
import { computePd01, shownPercent, type Pd01Percent, type Pd01Scope } from '$lib/domain/plan/pd01';
import { formatBaht } from '$lib/domain/plan/money';
import { THAI_MONTHS_SHORT, withNumerals, type Numerals } from '$lib/domain/thai';
import type { AnnouncementParts } from '$lib/domain/announcement';
import type { MinutesModel } from '$lib/domain/meeting/minutes';

/** Parts of the document, in print order (§2). */
const PRINT_PARTS = ['cover', 'announcement', 'preface', 'toc', 'intro', 'pd01', 'pd02', 'pd021'] as const;
export type PrintPart = (typeof PRINT_PARTS)[number];
const TABLE_PARTS: readonly PrintPart[] = ['pd01', 'pd02', 'pd021'];

export interface PrintSettings {
	/** Digits per part; default Thai in prose, Arabic in table cells (§7). */
	digits: Record<PrintPart, Numerals>;
	/** Digits of headings, titles and header cells inside table parts (default Thai, like prose). */
	headingDigits: Numerals;
	/** Page numbers "-๒-" (default Thai). */
	pageDigits: Numerals;
	/** Form titles [U]: 'classic' "บัญชีสรุปจำนวนโครงการและงบประมาณ" or the post-2561 wording. */
	titles: 'classic' | 'post2561';
	/** ผด.01 scope: every project (default) or own-budget only [U]. */
	scope: Pd01Scope;
	/** "ที่" restarts per แผนงาน group (default) or runs through the form [U]. */
	numbering: 'group' | 'continuous';
	/** Month grid mark [U]: arrow bars over runs (default) or a tick per month. */
	monthMark: 'arrow' | 'check';
	/** Print the funding source as a remark under the activity detail (§3.2, default on). */
	fundingRemark: boolean;
	/** Font family set: self-hosted Sarabun, or the TH Sarabun family (Laksaman clone) at official sizes. */
	font: 'sarabun' | 'th';
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
	digits: { cover: 'thai', announcement: 'thai', preface: 'thai', toc: 'thai', intro: 'thai', pd01: 'arabic', pd02: 'arabic', pd021: 'arabic' },
	headingDigits: 'thai',
	pageDigits: 'thai',
	titles: 'classic',
	scope: 'all',
	numbering: 'group',
	monthMark: 'arrow',
	fundingRemark: true,
	font: 'sarabun'
};

const numerals = (v: string | null): Numerals | null => (v === 'thai' || v === 'arabic' ? v : null);

/**
 * Settings from a query string: `digits=thai|arabic` (prose parts), `tableDigits=…` (table
 * cells), `digits.<part>=…` per part, `pageDigits`, `headingDigits`, `titles`,
 * `scope`, `numbering`, `monthMark`, `fundingRemark=0|1`, `font`. Unknown values fall back to
 * the defaults, so a hand-edited link never breaks the print.
 */
export function parsePrintSettings(params: URLSearchParams): PrintSettings {
	const s: PrintSettings = structuredClone(DEFAULT_PRINT_SETTINGS);
	const prose = numerals(params.get('digits'));
	const tables = numerals(params.get('tableDigits'));
	for (const part of PRINT_PARTS) {
		const base = TABLE_PARTS.includes(part) ? tables : prose;
		s.digits[part] = numerals(params.get(`digits.${part}`)) ?? base ?? s.digits[part];
	}
	s.pageDigits = numerals(params.get('pageDigits')) ?? s.pageDigits;
	s.headingDigits = numerals(params.get('headingDigits')) ?? s.headingDigits;
	const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
		const v = params.get(name);
		return allowed.includes(v as T) ? (v as T) : fallback;
	};
	s.titles = pick('titles', ['classic', 'post2561'] as const, s.titles);
	s.scope = pick('scope', ['all', 'ownOnly'] as const, s.scope);
	s.numbering = pick('numbering', ['group', 'continuous'] as const, s.numbering);
	s.monthMark = pick('monthMark', ['arrow', 'check'] as const, s.monthMark);
	s.font = pick('font', ['sarabun', 'th'] as const, s.font);
	const fr = params.get('fundingRemark');
	if (fr === '0' || fr === '1') s.fundingRemark = fr === '1';
	return s;
}

/** The query string that reproduces `settings` (only the values that differ from the defaults). */
export function printSettingsQuery(settings: PrintSettings): string {
	const q = new URLSearchParams();
	const d = DEFAULT_PRINT_SETTINGS;
	for (const part of PRINT_PARTS) if (settings.digits[part] !== d.digits[part]) q.set(`digits.${part}`, settings.digits[part]);
	for (const key of ['pageDigits', 'headingDigits', 'titles', 'scope', 'numbering', 'monthMark', 'font'] as const) {
		if (settings[key] !== d[key]) q.set(key, String(settings[key]));
	}
	if (settings.fundingRemark !== d.fundingRemark) q.set('fundingRemark', settings.fundingRemark ? '1' : '0');
	return q.toString();
}

// ───────────────────────────── fixed wording (§3, §5) ─────────────────────────────

const FORM_CODES = { pd01: 'แบบ ผด.01', pd02: 'แบบ ผด.02', pd021: 'แบบ ผด.02/1' } as const;

const FORM_TITLES = {
	classic: {
		pd01: 'บัญชีสรุปจำนวนโครงการและงบประมาณ',
		pd02: 'บัญชีโครงการ/กิจกรรม/งบประมาณ',
		pd021: 'บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น'
	},
	post2561: {
		pd01: 'บัญชีสรุปจำนวนโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ',
		pd02: 'บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ',
		pd021: 'บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น'
	}
} as const;

/** Column headings of ผด.01 (§3.1). */
const PD01_HEADERS = [
	'ยุทธศาสตร์ / แผนงาน',
	'จำนวนโครงการที่ดำเนินการ',
	'คิดเป็นร้อยละของโครงการทั้งหมด',
	'จำนวนงบประมาณ',
	'คิดเป็นร้อยละของงบประมาณทั้งหมด',
	'หน่วยดำเนินการ'
] as const;

/** Column headings of ผด.02 before the month grid (§3.2). */
const PD02_HEADERS = [
	'ที่',
	'โครงการ',
	'รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ',
	'งบประมาณ (บาท)',
	'สถานที่ดำเนินการ',
	'หน่วยงานรับผิดชอบหลัก'
] as const;

/** Column headings of ผด.02/1 before the month grid (§3.3, [U]: mirrors ผด.02 with ผ.08's columns). */
const PD021_HEADERS = [
	'ที่',
	'แผนงาน',
	'หมวด',
	'ประเภท',
	'ครุภัณฑ์',
	'รายละเอียดของครุภัณฑ์',
	'จำนวน',
	'งบประมาณ (บาท)',
	'สถานที่ดำเนินการ',
	'หน่วยงานรับผิดชอบหลัก'
] as const;

/** Month abbreviations in fiscal order (ต.ค. … ก.ย.). */
export const FISCAL_MONTH_LABELS: readonly string[] = FISCAL_MONTHS.map((m) => THAI_MONTHS_SHORT[m - 1]);

// ───────────────────────────── model ─────────────────────────────

/** A maximal run of active months, as fiscal indices 0 (ต.ค.) … 11 (ก.ย.), inclusive. */
export interface MonthRun {
	start: number;
	end: number;
}

export interface MonthGrid {
	/** 12 flags in fiscal order. */
	active: boolean[];
	runs: MonthRun[];
	/** e.g. "ม.ค.–เม.ย." for screen readers and text exports. */
	label: string;
}

export interface Pd01Line {
	kind: 'strategy' | 'group' | 'subtotal' | 'total';
	label: string;
	count: string;
	countPct: string;
	budget: string;
	budgetPct: string;
	units: string;
	/** Raw values for spreadsheets. */
	raw: { count: number; countPct: number; budgetSatang: number; budgetPct: number };
}

export interface Pd02Row {
	id: string;
	seq: string;
	name: string;
	detail: string;
	/** Funding source / remark line printed under the detail (may be empty). */
	remark: string;
	budget: string;
	location: string;
	unit: string;
	months: MonthGrid;
	raw: { seq: number; budgetSatang: number; remark: string | null };
}

export interface Pd02Group {
	id: string;
	/** "๑.๑ แผนงานอุตสาหกรรมและการโยธา". */
	heading: string;
	planCode: string;
	planName: string;
	rows: Pd02Row[];
	/** "รวม" line of the group. */
	total: { count: string; budget: string; budgetSatang: number };
}

export interface Pd02Strategy {
	id: string;
	/** "๑. ยุทธศาสตร์การพัฒนาด้าน…". */
	heading: string;
	name: string;
	groups: Pd02Group[];
}

export interface Pd021Row {
	id: string;
	seq: string;
	planName: string;
	category: string;
	type: string;
	item: string;
	detail: string;
	quantity: string;
	budget: string;
	location: string;
	unit: string;
	months: MonthGrid;
	raw: { seq: number; planCode: string; quantity: number; unitName: string; budgetSatang: number };
}

export interface IntroBlock {
	id: string;
	/** "๑.๑ บทนำ". */
	heading: string;
	paragraphs: string[];
	items: string[];
	steps: { no: string; actor: string; text: string }[];
	closing: string[];
}

export interface TocEntry {
	/** Anchor id of the target element (also used to find its page). */
	anchor: string;
	label: string;
	level: 1 | 2;
}


/** Header lines of every page of a ผด. form (§3). */
export interface FormHead {
	code: string;
	titleLines: string[];
}

export interface PrintModel {
	settings: PrintSettings;
	/** "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙". */
	title: string;
	orgName: string;
	fiscalYear: number;
	/** `emblem`: the organization's emblem as a data: URL of a checked PNG/JPEG (domain/emblem.ts), or null for the empty circle. */
	cover: { lines: string[]; footerLines: string[]; emblem: string | null };
	/** Only when the plan is announced (the caller decides; see `buildPrintModel`). */
	announcement: AnnouncementParts | null;
	preface: { heading: string; paragraphs: string[]; signature: string[] };
	toc: TocEntry[];
	intro: { title: string; blocks: IntroBlock[] };
	part2Title: string;
	/** Month-grid super-headers: "พ.ศ. ๒๕๖๘" (ต.ค.–ธ.ค.) and "พ.ศ. ๒๕๖๙" (ม.ค.–ก.ย.). */
	yearHeaders: [string, string];
	monthLabels: string[];
	pd01: { head: FormHead; headers: string[]; lines: Pd01Line[] };
	pd02: { head: FormHead; headers: string[]; strategies: Pd02Strategy[]; total: { count: string; budget: string; budgetSatang: number } };
	pd021: { head: FormHead; headers: string[]; rows: Pd021Row[]; total: { count: string; budget: string; budgetSatang: number } };
	/** ภาคผนวก after the forms: the adopted minutes of the plan's meetings; null when there are none. */
	annex: { title: string; minutes: { anchor: string; model: MinutesModel }[] } | null;
}

export interface BuildOptions {
	settings?: PrintSettings;
	/**
	 * The ประกาศ to print, or null: the text recorded when the plan was announced (planExport.ts
	 * reads it from the workflow record), never the plan's own placeholder.
	 */
	announcement?: AnnouncementParts | null;
	/** The adopted minutes of the plan's meetings, oldest first, printed as the annex (the caller loads them). */
	annexMinutes?: MinutesModel[];
	/** The organization's emblem for the cover, as a data: URL (`emblemDataUrl`), or null. */
	emblem?: string | null;
}

const FUNDING_SILENT = /^(เทศบัญญัติ|ข้อบัญญัติ)งบประมาณรายจ่ายประจำปี/;

/** Activity months as a grid in fiscal order, with maximal runs (§5). */
export function monthGrid(months: readonly Month[]): MonthGrid {
	const set = new Set(months);
	const active = FISCAL_MONTHS.map((m) => set.has(m));
	const runs: MonthRun[] = [];
	for (let i = 0; i < 12; i++) {
		if (!active[i]) continue;
		const start = i;
		while (i + 1 < 12 && active[i + 1]) i++;
		runs.push({ start, end: i });
	}
	const label = runs
		.map((r) => (r.start === r.end ? FISCAL_MONTH_LABELS[r.start] : `${FISCAL_MONTH_LABELS[r.start]}–${FISCAL_MONTH_LABELS[r.end]}`))
		.join(', ');
	return { active, runs, label };
}

/** The funding-source remark of §3.2 ("(เงินอุดหนุนเฉพาะกิจ)", "(ดำเนินการโดย …)"); "" for the ordinary budget. */
export function fundingRemark(p: Pick<Project, 'fundingSource' | 'responsibleUnit'>): string {
	const f = p.fundingSource;
	if (f.type === 'otherAgency') {
		const who = f.agency || p.responsibleUnit;
		return who ? `(ดำเนินการโดย ${who})` : '';
	}
	if (!f.category || FUNDING_SILENT.test(f.category)) return '';
	return `(${f.category})`;
}

/** Builds the printable model of a plan. */
export function buildPrintModel(plan: Plan, options: BuildOptions = {}): PrintModel {
	const settings = options.settings ?? DEFAULT_PRINT_SETTINGS;
	const dg = settings.digits;
	const h = (text: string) => withNumerals(text, settings.headingDigits);
	const fy = plan.meta.fiscalYear;
	const org = plan.meta.organization;
	const orgName = org.name;
	const orgLine = [org.name, org.district, org.province].filter(Boolean).join(' ');
	const catalogueName = new Map(plan.catalogue.map((c) => [c.code, c.name]));
	const titles = FORM_TITLES[settings.titles];
	const title = `แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${fy}`;

	const formHead = (part: 'pd01' | 'pd02' | 'pd021'): FormHead => ({
		code: h(FORM_CODES[part]),
		titleLines: [titles[part], title, orgLine].map(h)
	});

	// Cover: the stored lines, or the conventional ones (§2 row 1).
	const coverLines = plan.front.cover.lines.length
		? plan.front.cover.lines
		: ['แผนการดำเนินงาน', `ประจำปีงบประมาณ พ.ศ. ${fy}`, 'ของ', orgName, [org.district, org.province].filter(Boolean).join('  ')];
	const cover = {
		lines: coverLines.filter((l) => l !== undefined).map((l) => withNumerals(l, dg.cover)),
		footerLines: (plan.front.cover.footerLines.length ? plan.front.cover.footerLines : [plan.meta.preparedBy].filter(Boolean)).map((l) =>
			withNumerals(l, dg.cover)
		),
		emblem: options.emblem ?? null
	};

	const announcement = options.announcement
		? {
				heading: withNumerals(options.announcement.heading, dg.announcement),
				subject: withNumerals(options.announcement.subject, dg.announcement),
				paragraphs: options.announcement.paragraphs.map((p) => withNumerals(p, dg.announcement)),
				dateText: withNumerals(options.announcement.dateText, dg.announcement),
				signatoryName: withNumerals(options.announcement.signatoryName, dg.announcement),
				signatoryPosition: withNumerals(options.announcement.signatoryPosition, dg.announcement)
			}
		: null;

	const pf = plan.front.preface;
	const preface = {
		heading: pf.heading || 'คำนำ',
		paragraphs: pf.paragraphs.map((p) => withNumerals(p, dg.preface)),
		signature: (pf.signature || plan.meta.preparedBy).split('\n').map((l) => withNumerals(l, dg.preface))
	};

	const introTitle = withNumerals(plan.front.introductionTitle || 'ส่วนที่ 1  บทนำ', dg.intro);
	const blocks = plan.sections.map((s, i) => introBlock(s, i, dg.intro));

	// ผด.01 (§3.1)
	const pd01 = computePd01(plan, { scope: settings.scope });
	const pct = (p: Pd01Percent, nested: boolean) => shownPercent(p, nested ? 'group' : 'strategy');
	const t01 = (text: string) => withNumerals(text, dg.pd01);
	const money01 = (satang: number) => formatBaht(satang, { numerals: dg.pd01 });
	const lines: Pd01Line[] = [];
	for (const s of pd01.strategies) {
		const sNo = s.no;
		lines.push({
			kind: 'strategy',
			label: h(`${sNo}. ${s.name}`),
			count: '',
			countPct: '',
			budget: '',
			budgetPct: '',
			units: '',
			raw: { count: 0, countPct: 0, budgetSatang: 0, budgetPct: 0 }
		});
		s.groups.forEach((g, gi) => {
			const cp = pct(g.projectPct, true);
			const bp = pct(g.budgetPct, true);
			lines.push({
				kind: 'group',
				label: h(`${sNo}.${gi + 1} ${g.planName}`),
				count: t01(String(g.projectCount)),
				countPct: t01(cp),
				budget: money01(g.budgetSatang),
				budgetPct: t01(bp),
				units: t01(g.unitsOverride ?? g.units.join(', ')),
				raw: { count: g.projectCount, countPct: Number(cp), budgetSatang: g.budgetSatang, budgetPct: Number(bp) }
			});
		});
		const cp = pct(s.projectPct, false);
		const bp = pct(s.budgetPct, false);
		lines.push({
			kind: 'subtotal',
			label: 'รวม',
			count: t01(String(s.projectCount)),
			countPct: t01(cp),
			budget: money01(s.budgetSatang),
			budgetPct: t01(bp),
			units: '',
			raw: { count: s.projectCount, countPct: Number(cp), budgetSatang: s.budgetSatang, budgetPct: Number(bp) }
		});
	}
	const gt = pd01.grandTotal;
	lines.push({
		kind: 'total',
		label: 'รวมทั้งสิ้น',
		count: t01(String(gt.projectCount)),
		countPct: t01(gt.projectPct),
		budget: money01(gt.budgetSatang),
		budgetPct: t01(gt.budgetPct),
		units: '',
		raw: { count: gt.projectCount, countPct: Number(gt.projectPct), budgetSatang: gt.budgetSatang, budgetPct: Number(gt.budgetPct) }
	});

	// ผด.02 (§3.2): strategy → แผนงาน groups, in the plan's print order.
	const t02 = (text: string) => withNumerals(text, dg.pd02);
	let running = 0;
	let pd02Count = 0;
	let pd02Budget = 0;
	const pd02Strategies: Pd02Strategy[] = plan.strategies.map((s, si) => {
		const groups = plan.groups.filter((g) => g.strategyId === s.id);
		return {
			id: s.id,
			name: s.name,
			heading: h(`${si + 1}. ${s.name}`),
			groups: groups.map((g, gi) => {
				const projects = plan.projects.filter((p) => p.strategyId === g.strategyId && p.planCode === g.planCode);
				const planName = catalogueName.get(g.planCode) ?? g.planCode;
				const rows = projects.map((p, pi): Pd02Row => {
					const seq = settings.numbering === 'group' ? pi + 1 : ++running;
					const remark = [settings.fundingRemark ? fundingRemark(p) : '', p.remark ?? ''].filter(Boolean).join(' ');
					return {
						id: p.id,
						seq: t02(String(seq)),
						name: t02(p.name),
						detail: t02(p.activityDetail),
						remark: t02(remark),
						budget: formatBaht(p.budget, { numerals: dg.pd02 }),
						location: t02(p.location),
						unit: t02(p.responsibleUnit),
						months: monthGrid(p.activeMonths),
						raw: { seq, budgetSatang: p.budget, remark: p.remark }
					};
				});
				const budget = projects.reduce((sum, p) => sum + p.budget, 0);
				pd02Count += projects.length;
				pd02Budget += budget;
				return {
					id: g.id,
					heading: h(`${si + 1}.${gi + 1} ${planName}`),
					planCode: g.planCode,
					planName,
					rows,
					total: { count: t02(String(projects.length)), budget: formatBaht(budget, { numerals: dg.pd02 }), budgetSatang: budget }
				};
			})
		};
	});

	// ผด.02/1 (§3.3)
	const t021 = (text: string) => withNumerals(text, dg.pd021);
	const eqRows = plan.equipment.map((e: EquipmentItem, i): Pd021Row => ({
		id: e.id,
		seq: t021(String(i + 1)),
		planName: t021(catalogueName.get(e.planCode) ?? e.planCode),
		category: t021(e.category),
		type: t021(e.type),
		item: t021(e.item),
		detail: t021(e.detail),
		quantity: t021(`${e.quantity}${e.unit ? ' ' + e.unit : ''}`),
		budget: formatBaht(e.budget, { numerals: dg.pd021 }),
		location: t021(e.location),
		unit: t021(e.responsibleUnit),
		months: monthGrid(e.activeMonths),
		raw: { seq: i + 1, planCode: e.planCode, quantity: e.quantity, unitName: e.unit, budgetSatang: e.budget }
	}));
	const eqBudget = plan.equipment.reduce((s, e) => s + e.budget, 0);

	const part2Title = h('ส่วนที่ 2  บัญชีโครงการ/กิจกรรม/งบประมาณ');
	const toc: TocEntry[] = [
		{ anchor: 'part-intro', label: introTitle, level: 1 },
		...blocks.map((b) => ({ anchor: b.id, label: b.heading, level: 2 as const })),
		{ anchor: 'part-2', label: part2Title, level: 1 },
		{ anchor: 'form-pd01', label: h(`${FORM_CODES.pd01} ${titles.pd01}`), level: 2 },
		{ anchor: 'form-pd02', label: h(`${FORM_CODES.pd02} ${titles.pd02}`), level: 2 },
		{ anchor: 'form-pd021', label: h(`${FORM_CODES.pd021} ${titles.pd021}`), level: 2 }
	];
	const annexMinutes = (options.annexMinutes ?? []).map((model, i) => ({ anchor: `annex-minutes-${i + 1}`, model }));
	const annex = annexMinutes.length ? { title: 'ภาคผนวก', minutes: annexMinutes } : null;
	if (annex) toc.push({ anchor: 'annex', label: annex.title, level: 1 }, ...annexMinutes.map((m) => ({ anchor: m.anchor, label: `${m.model.title} ${m.model.number}`, level: 2 as const })));

	return {
		settings,
		title: h(title),
		orgName,
		fiscalYear: fy,
		cover,
		announcement,
		preface,
		toc,
		intro: { title: introTitle, blocks },
		part2Title,
		yearHeaders: [h(`พ.ศ. ${fy - 1}`), h(`พ.ศ. ${fy}`)],
		monthLabels: [...FISCAL_MONTH_LABELS],
		pd01: { head: formHead('pd01'), headers: [...PD01_HEADERS], lines },
		pd02: {
			head: formHead('pd02'),
			headers: [...PD02_HEADERS],
			strategies: pd02Strategies,
			total: { count: t02(String(pd02Count)), budget: formatBaht(pd02Budget, { numerals: dg.pd02 }), budgetSatang: pd02Budget }
		},
		pd021: {
			head: formHead('pd021'),
			headers: [...PD021_HEADERS],
			rows: eqRows,
			total: { count: t021(String(eqRows.length)), budget: formatBaht(eqBudget, { numerals: dg.pd021 }), budgetSatang: eqBudget }
		},
		annex
	};
}

function introBlock(s: Section, index: number, digits: Numerals): IntroBlock {
	const d = (text: string) => withNumerals(text, digits);
	const c = s.content;
	return {
		id: `intro-${index + 1}`,
		heading: d(`1.${index + 1} ${s.title}`),
		paragraphs: (c.paragraphs ?? []).map(d),
		items: (c.items ?? []).map(d),
		steps: (c.steps ?? []).map((st) => ({ no: d(String(st.no)), actor: d(st.actor), text: d(st.text) })),
		closing: c.closing ? c.closing.split('\n\n').map(d) : []
	};
}
