import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { setThreadStatus } from '$lib/server/commands/threadResolver';
import * as v from 'valibot';
import { readJsonInput, refusedInput, requireActor } from '$lib/server/http';
import { choice } from '$lib/server/input';

const StatusChange = v.object({ status: choice(['resolved', 'open'] as const) });

/** { status: 'resolved' | 'open' } resolves or reopens the thread. */
export async function PATCH({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = await readJsonInput(request, StatusChange);
	if (!input.ok) return refusedInput(input);
	await setThreadStatus((await runtime()).db, { actor, planId: params.id, threadId: params.threadId, status: input.value.status });
	return json({ ok: true });
}
