/**
 * Why the server refused a change to plan content, as both sides name it: the close frame the
 * collaboration socket ends with, and the message (i18n key) a person is shown. Shared so the
 * editor can explain a close the server chose.
 */
import type { MessageKey } from '$lib/i18n';

export type RefusalReason =
	/** The plan is not a draft (or is freezing): its content cannot change. */
	| 'notDraft'
	/** The change creates a root, a key or a kind of value the plan model does not have. */
	| 'shape'
	/** The change builds on content this instance does not hold (yet); it is sent again. */
	| 'unknownParent'
	/** The plan would grow past PLAN_MAX_BYTES. */
	| 'tooLarge'
	/** The plan's log grew more than PLAN_MAX_GROWTH_PER_HOUR in the last hour. */
	| 'tooFast';

/** WebSocket close frames, in the application's 4000–4999 range (a not-draft refusal flips the connection read-only instead). */
export const REFUSAL_CLOSE: Record<Exclude<RefusalReason, 'notDraft'>, { code: number; reason: string }> = {
	shape: { code: 4422, reason: 'plan-schema-violation' },
	unknownParent: { code: 4409, reason: 'plan-update-out-of-order' },
	tooLarge: { code: 4413, reason: 'plan-too-large' },
	tooFast: { code: 4429, reason: 'plan-growth-limit' }
};

export const REFUSAL_MESSAGE: Record<RefusalReason, MessageKey> = {
	notDraft: 'planWriteNotDraft',
	shape: 'planWriteShape',
	unknownParent: 'planWriteRetry',
	tooLarge: 'planWriteTooLarge',
	tooFast: 'planWriteTooFast'
};

/** The message for a socket the server closed because it refused a change, or null for any other close. */
export function refusalMessageForClose(code: number): MessageKey | null {
	for (const [reason, close] of Object.entries(REFUSAL_CLOSE)) if (close.code === code) return REFUSAL_MESSAGE[reason as RefusalReason];
	return null;
}
