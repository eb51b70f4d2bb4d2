import type { IsoDate } from '../plan/types';

/** The Buddhist-era fiscal year a day falls in: October starts the next one (2025-10-01 → 2569). */
export function fiscalYearOf(day: IsoDate): number {
	const [year, month] = day.split('-').map(Number);
	return year + 543 + (month >= 10 ? 1 : 0);
}
