/**
 * The posting rule for monitoring results (ข้อ ๒๙ (๓), OPERATIONAL_PLAN.md §6.6): the executive
 * announces them publicly within 15 days of presenting them to the council, and keeps them
 * posted for at least 30 days. Our public page never comes down, so the second half holds
 * from the day of posting; the first half is checked against the presentation date.
 */
import { addDaysIso } from '../thai';
import type { IsoDate } from '../plan/types';

export const POST_WITHIN_DAYS = 15;
export const KEEP_POSTED_DAYS = 30;

export interface PostingStatus {
	presentedOn: IsoDate;
	postBy: IsoDate;
	postedOn: IsoDate;
	postedOnTime: boolean;
	keepUntil: IsoDate;
	/** Days still to keep it posted (0 once the 30 days are over). */
	daysToKeep: number;
}

const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function postingStatus(presentedOn: IsoDate, postedOn: IsoDate, today: IsoDate): PostingStatus {
	const postBy = addDaysIso(presentedOn, POST_WITHIN_DAYS);
	const keepUntil = addDaysIso(postedOn, KEEP_POSTED_DAYS);
	return { presentedOn, postBy, postedOn, postedOnTime: postedOn <= postBy, keepUntil, daysToKeep: Math.max(0, days(today, keepUntil)) };
}
