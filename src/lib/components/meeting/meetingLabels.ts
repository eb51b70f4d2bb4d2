/** Labels shared by the meeting components (from the i18n dictionaries and the domain). */
import type { MessageKey } from '$lib/i18n';
import type { Attendance, Decision } from '$lib/domain/meeting/meeting';

export const ATTENDANCE_KEY: Record<Attendance, MessageKey> = { present: 'meetingPresent', absent: 'meetingAbsent', guest: 'meetingGuest' };
export const DECISION_KEY: Record<Decision, MessageKey> = { approve: 'meetingDecisionApprove', reject: 'meetingDecisionReject', amend: 'meetingDecisionAmend' };

/** The refusal message of a meeting command ('forbidden' and unknown reasons read as invalid input). */
export function refusalKey(reason: string): MessageKey {
	const known = ['meetingClosed', 'noQuorum', 'notApplicable', 'alreadyDecided', 'invalidInput', 'notMember', 'previousMinutes'];
	if (reason === 'badDate' || reason === 'badYear' || reason === 'textTooLong' || reason === 'forbidden') return reason;
	return `meetingRefused_${known.includes(reason) ? reason : 'invalidInput'}` as MessageKey;
}
