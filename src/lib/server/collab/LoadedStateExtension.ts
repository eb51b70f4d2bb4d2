/**
 * Hocuspocus 4 batches what a document broadcasts and sends it on the next event-loop turn.
 * The stored state applied while a document loads is such an update, queued before any
 * connection exists: the first client would receive the whole plan twice (once as its sync
 * answer, once as this broadcast). Registered last, this drops that queue once loading is done.
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';

export class LoadedStateExtension implements Extension {
	// Lowest priority: runs after every other afterLoadDocument hook (migrations included).
	priority = 1;

	async afterLoadDocument({ document }: afterLoadDocumentPayload) {
		document.flush();
	}
}
