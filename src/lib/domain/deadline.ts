/**
 * The 30-day clock of ข้อ ๒๗ (OPERATIONAL_PLAN.md §6.3): the plan is due 30 calendar days
 * after its trigger (the budget ordinance, a supplementary budget, …), unless the executive
 * extended it. Dates are ISO calendar dates in Thailand.
 */
import { planDeadline } from './plan/json';
import { parseIsoDate } from './thai';

/** Warn this many days before the deadline. */
const NEAR_DAYS = 7;

export interface DeadlineInfo {
	/** ISO date the plan is due (after any extension). */
	due: string;
	/** Whole days from today to the due date; negative once past. */
	daysLeft: number;
	status: 'ok' | 'near' | 'past';
	extended: boolean;
}

function dayNumber(iso: string): number {
	const d = parseIsoDate(iso)!;
	return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

/** The clock for a trigger date and an optional extension; null without a trigger. */
export function deadlineInfo(triggerDate: string | null, extendedTo: string | null, today: string): DeadlineInfo | null {
	if (!triggerDate || !parseIsoDate(triggerDate) || !parseIsoDate(today)) return null;
	const regular = planDeadline(triggerDate)!;
	const extended = !!extendedTo && !!parseIsoDate(extendedTo) && dayNumber(extendedTo) > dayNumber(regular);
	const due = extended ? extendedTo! : regular;
	const daysLeft = dayNumber(due) - dayNumber(today);
	return { due, daysLeft, status: daysLeft < 0 ? 'past' : daysLeft <= NEAR_DAYS ? 'near' : 'ok', extended };
}
