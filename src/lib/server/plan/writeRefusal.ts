/**
 * Why the plan store refused a change. Callers turn it into what their user understands:
 * the collaboration socket closes with `close` (code and reason the editor recognises), a form
 * action shows the Thai/English message under `messageKey`.
 */
import type { MessageKey } from '$lib/i18n';

export type RefusalReason =
	/** The plan is not a draft (or is freezing): its content cannot change. */
	| 'notDraft'
	/** The change creates a root, a key or a kind of value the plan model does not have. */
	| 'shape'
	/** The change builds on content this instance does not hold (yet); send it again later. */
	| 'unknownParent'
	/** The plan would grow past PLAN_MAX_BYTES. */
	| 'tooLarge'
	/** The plan's log grew more than PLAN_MAX_GROWTH_PER_HOUR in the last hour. */
	| 'tooFast';

/** WebSocket close frames, in the application's 4000–4999 range. */
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

export class PlanWriteRefused extends Error {
	override name = 'PlanWriteRefused';
	constructor(
		readonly reason: RefusalReason,
		/** For the server log only (e.g. the offending key); never shown to users. */
		readonly detail = ''
	) {
		super(detail ? `${reason}: ${detail}` : reason);
	}

	get messageKey(): MessageKey {
		return REFUSAL_MESSAGE[this.reason];
	}
}
