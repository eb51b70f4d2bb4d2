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

/** The clock as the workflow page and the editor show it. */
export interface PlanClock {
	/** The date the 30 days count from (ISO), or null when none is known. */
	triggerDate: string | null;
	/** The ordinance's name when the date is the one the plan states (no date was recorded). */
	fromOrdinance: string | null;
	info: DeadlineInfo | null;
}

/**
 * One source for the clock everywhere: the trigger date the officer recorded, else the budget
 * ordinance date the plan itself states (its front matter), which usually starts the 30 days.
 */
export function planClock(
	recorded: { triggerDate: string | null; extendedTo: string | null },
	ordinance: { name: string; announcedISO: string | null | undefined },
	today: string
): PlanClock {
	const ordinanceDate = ordinance.announcedISO && parseIsoDate(ordinance.announcedISO) ? ordinance.announcedISO : null;
	const triggerDate = recorded.triggerDate ?? ordinanceDate;
	return {
		triggerDate,
		fromOrdinance: !recorded.triggerDate && ordinanceDate ? ordinance.name : null,
		info: deadlineInfo(triggerDate, recorded.extendedTo, today)
	};
}
