/** Cells shared by project and equipment rows: months, funding source, references, text. */
import * as Y from 'yjs';
import { FISCAL_MONTHS, type FundingSource, type LocalDevPlanRef, type Month } from '../types';
import { replaceText } from '../ytext';
import { EQUIPMENT_TEXT_FIELDS, FUNDING, MONTHS, PROJECT_TEXT_FIELDS } from './keys';
import { clone, isRecord, str, strOrNull, type YRow } from './rows';

export const DEFAULT_FUNDING: FundingSource = { type: 'own', category: '', detail: '', agency: null };

export function assertSatang(v: number): void {
	if (!Number.isSafeInteger(v)) throw new RangeError(`budget must be integer satang: ${v}`);
}

function isMonth(n: number): n is Month {
	return Number.isInteger(n) && n >= 1 && n <= 12;
}

export function readMonths(m: YRow): Month[] {
	const months = m.get(MONTHS);
	if (!(months instanceof Y.Map)) return [];
	return FISCAL_MONTHS.filter((mo) => months.get(String(mo)) === true);
}

export function writeMonths(m: YRow, active: readonly Month[]): void {
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

export function setMonthFlag(m: YRow, month: Month, on: boolean): void {
	if (!isMonth(month)) throw new RangeError(`month must be 1–12: ${month}`);
	let months = m.get(MONTHS);
	if (!(months instanceof Y.Map)) {
		months = new Y.Map<boolean>();
		m.set(MONTHS, months);
	}
	(months as Y.Map<boolean>).set(String(month), on);
}

export function readFunding(m: YRow): FundingSource {
	return {
		type: m.get(FUNDING.type) === 'otherAgency' ? 'otherAgency' : 'own',
		category: str(m, FUNDING.category),
		detail: str(m, FUNDING.detail),
		agency: strOrNull(m, FUNDING.agency)
	};
}

export function writeFunding(m: YRow, f: FundingSource): void {
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

export function readRef(m: YRow): LocalDevPlanRef | null {
	const v = m.get('localDevPlanRef');
	if (!isRecord(v)) return null;
	return { plan: String(v.plan ?? ''), form: String(v.form ?? ''), page: Number(v.page ?? 0) };
}

function writeText(m: YRow, key: string, value: string): void {
	const t = m.get(key);
	if (t instanceof Y.Text) replaceText(t, value);
	else m.set(key, new Y.Text(value));
}

/** Sets one cell of a project or equipment row, writing only what changes. */
export function writeField(row: YRow, field: string, value: unknown): void {
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
