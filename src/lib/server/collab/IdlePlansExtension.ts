/**
 * Open plans nobody is editing keep their content packed (hibernation.ts): from the end of
 * their load until they are unloaded, a plan's content sleeps after PLAN_SLEEP_AFTER_MS
 * in which nothing read or wrote it, and wakes on the next access (an edit, a first sync, a
 * server-side write, a relayed update).
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import { log } from '$lib/server/log';
import { hibernateWhenIdle } from './hibernation';

export class IdlePlansExtension implements Extension {
	// After the schema migration (50) has run on the loaded document.
	priority = 2;

	constructor(private readonly options: { idleMs: number }) {}

	async afterLoadDocument({ document }: afterLoadDocumentPayload) {
		if (this.options.idleMs <= 0 || document.isDestroyed) return;
		const documentName = document.name;
		hibernateWhenIdle(document, this.options.idleMs, (packedBytes) => log().debug({ documentName, packedBytes }, 'idle plan content packed'));
	}
}
