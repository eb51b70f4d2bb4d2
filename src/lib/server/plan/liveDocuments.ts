/**
 * How the plan store reaches the documents the collaboration server holds in memory. The
 * collaboration server registers itself at start (collab/index.ts); without it (unit
 * tests, the operator CLI) there are no live documents and the log alone is the truth.
 */
import type * as Y from 'yjs';
import { processSlot } from '../processSlot';

export interface LiveDocuments {
	/** The document loaded on this instance (waiting for one still loading), or null. */
	find(docName: string): Promise<Y.Doc | null>;
	/**
	 * Runs `fn` while the document is held loaded here when instances relay to each other, so
	 * a change applied to it is relayed to the other instances at once (instead of at their
	 * next catch-up from the log). Without scale-out it just runs `fn`.
	 */
	hold<T>(docName: string, fn: () => Promise<T>): Promise<T>;
}

export function setLiveDocuments(live: LiveDocuments | null): void {
	processSlot().liveDocuments = live;
}

export function liveDocuments(): LiveDocuments | null {
	return processSlot().liveDocuments ?? null;
}
