/**
 * Server-sent events for an open progress table: a bare "changed" notice with the row id when
 * anyone saves progress of the same organization and fiscal year; the page refetches its data,
 * which the server filters as for any load. Nothing of the entry itself travels here. The
 * stream ends when its session does (sign-out, password change, revocation).
 */
import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { loadProgressScene } from '$lib/server/progress/announcedPlan';
import { authorizeProgress } from '$lib/server/policies/progress';
import { events } from '$lib/server/events';

const HEARTBEAT_MS = 25_000;

export async function GET({ params, locals }) {
	if (!locals.user) error(401, 'sign in first');
	const { db } = await runtime();
	const loaded = await loadProgressScene(db, locals.user, params.id);
	if (!loaded) error(404, 'not found');
	authorizeProgress(loaded.scene, 'readProgress');
	const { orgId, fiscalYear } = loaded.announced!;
	const sessionId = locals.sessionId;
	let stop = () => {};
	const stream = new ReadableStream<string>({
		start(controller) {
			const onChange = (org: string, year: string, rowId: string) => {
				if (org === orgId && year === String(fiscalYear)) controller.enqueue(`event: changed\ndata: ${JSON.stringify({ rowId })}\n\n`);
			};
			const onEnded = (ended: string[]) => {
				if (!sessionId || !ended.includes(sessionId)) return;
				stop();
				controller.close();
			};
			const beat = setInterval(() => controller.enqueue(': keep-alive\n\n'), HEARTBEAT_MS);
			events().on('progressChanged', onChange);
			events().on('sessionsEnded', onEnded);
			controller.enqueue(': open\n\n');
			stop = () => {
				clearInterval(beat);
				events().off('progressChanged', onChange);
				events().off('sessionsEnded', onEnded);
			};
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream.pipeThrough(new TextEncoderStream()), {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' }
	});
}
