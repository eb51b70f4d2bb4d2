/**
 * Own budget or another agency's (§3.4): what a row's funding source becomes when a person
 * (or the importer) says which. Another agency's row names the agency by its unit.
 */
import { departmentKey } from '../departments';
import type { FundingSource } from './types';

export const OTHER_AGENCY_CATEGORY = 'งบประมาณของหน่วยงานอื่นที่ดำเนินการในพื้นที่';

export function fundingFor(own: boolean, unit: string): FundingSource {
	return own
		? { type: 'own', category: '', detail: '', agency: null }
		: { type: 'otherAgency', category: OTHER_AGENCY_CATEGORY, detail: '', agency: unit.trim() || null };
}

/** Whether `unit` is one of `departments` (whitespace and line breaks ignored); no list: own. */
export function isOwnUnit(unit: string, departments: readonly string[]): boolean {
	if (!departments.length) return true;
	const key = departmentKey(unit);
	return departments.some((d) => departmentKey(d) === key);
}
