/** Initial content of a plan document, written straight to its log before anyone opens it. */
import * as Y from 'yjs';
import type { Database } from './db';
import * as docLog from './db/docLog';
import { planDocName } from '$lib/domain/docNames';

/** Builds the first state with `fill` and appends it to the plan's log, attributed to `userId`. */
export async function writeInitialContent(db: Database, planId: string, userId: string | null, fill: (doc: Y.Doc) => void): Promise<void> {
	const doc = new Y.Doc();
	fill(doc);
	await docLog.append(db, planDocName(planId), Y.encodeStateAsUpdate(doc), userId);
	doc.destroy();
}
