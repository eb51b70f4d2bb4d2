import { json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { setThreadStatus } from '$lib/server/commands/threadResolver';
import { readJson, refused, requireActor } from '$lib/server/http';

/** { status: 'resolved' | 'open' } resolves or reopens the thread. */
export async function PATCH({ params, locals, request }) {
	const actor = requireActor(locals);
	const { status } = await readJson(request);
	if (status !== 'resolved' && status !== 'open') return refused('badStatus');
	await setThreadStatus((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, status });
	return json({ ok: true });
}
