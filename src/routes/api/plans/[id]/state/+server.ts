import { error } from '@sveltejs/kit';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { requireActor } from '$lib/server/http';
import { planDocName } from '$lib/domain/docNames';
import { encodeUpdateList } from '$lib/domain/updateList';

const compress = promisify(gzip);

/**
 * The plan document as a list of Yjs updates (policy: read; $lib/domain/updateList.ts,
 * lib/server/collab/documentState.ts) — what the collaboration socket's first sync would
 * send a page that has nothing yet. The editor page asks for it from its
 * HTML (a preload), so it arrives while the scripts load instead of after the socket has
 * connected and authenticated; the socket then only has to exchange what changed since.
 * Compressed here (the socket's own messages are deflated): a 1,000-project plan is 1.4 MB
 * of Yjs update and about 100 KB gzipped.
 */
export async function GET({ params, locals, request }) {
	const started = performance.now();
	const user = requireActor(locals);
	const { db, collab } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const docName = planDocName(scene.plan.id);
	const allowed = performance.now();
	const updates = collab ? await collab.documentState(docName) : null;
	const read = performance.now();
	if (!updates) error(503, 'the plan cannot be loaded now');
	const state = encodeUpdateList(updates);
	const headers: Record<string, string> = {
		'content-type': 'application/octet-stream',
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff',
		vary: 'accept-encoding'
	};
	const gzipped = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (gzipped) headers['content-encoding'] = 'gzip';
	// zlib works on its own thread: the event loop keeps serving the other sockets meanwhile.
	const body = gzipped ? await compress(state, { level: 4 }) : state;
	// Where the answer's time went, for the browser's developer tools and bench/plan-editor.js.
	const at = [started, allowed, read, performance.now()];
	headers['server-timing'] = ['access', 'read', 'encode'].map((name, i) => `${name};dur=${(at[i + 1] - at[i]).toFixed(1)}`).join(', ');
	// The socket comes next: load the plan for it once the answer is out. Not before — a load
	// holds the event loop for a few hundred milliseconds for a large plan, and the part of the
	// body the socket had not taken yet would wait for it.
	return new Response(thenRun(body, () => collab?.holdForSocket(docName)), { headers });
}

/**
 * `bytes` as a stream that runs `after` once they have been handed on: the server asks for
 * more only when its socket took the chunk (adapter-node waits for 'drain' first).
 */
function thenRun(bytes: Uint8Array, after: () => void): ReadableStream<Uint8Array> {
	let sent = false;
	// highWaterMark 0: nothing is pulled ahead of a read, so the second pull is the server's next read.
	return new ReadableStream(
		{
			pull(controller) {
				if (!sent) {
					sent = true;
					controller.enqueue(bytes);
					return;
				}
				controller.close();
				setImmediate(after);
			}
		},
		{ highWaterMark: 0 }
	);
}
