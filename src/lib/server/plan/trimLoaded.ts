/**
 * Gives back the spare room Yjs leaves in a freshly loaded document. Yjs reads each plain value
 * of a Y.Map or Y.Array into its own array by pushing onto an empty one, and V8 grows an empty
 * array to 17 slots on the first push: a one-value array keeps 16 empty slots (128 bytes) for as
 * long as the document is loaded. A loaded sample plan has ~1,000 of them — 145 KB of its
 * ~890 KB. Each array is replaced by an exact copy (same values, same order): nothing reads
 * differently, only the spare slots go. For documents that stay in memory (open plans); a
 * document rebuilt for one call is dropped before this would pay off.
 */
import * as Y from 'yjs';

export function trimLoadedContent(doc: Y.Doc): void {
	for (const structs of doc.store.clients.values()) {
		for (const struct of structs) {
			if (!(struct instanceof Y.Item)) continue;
			const content = struct.content;
			if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) content.arr = content.arr.slice();
		}
	}
}
