/**
 * Why the plan store refused a change. Callers turn it into what their user understands:
 * the collaboration socket closes with `close` (code and reason the editor recognises), a form
 * action shows the Thai/English message under `messageKey`.
 */
import type { MessageKey } from '$lib/i18n';
import { REFUSAL_MESSAGE, type RefusalReason } from '$lib/domain/planWriteRefusal';

export { REFUSAL_CLOSE, type RefusalReason } from '$lib/domain/planWriteRefusal';

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
