import { json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';

/** Liveness for operators and load balancers: database answers, collaboration server up. */
export async function GET() {
	const rt = await runtime();
	let database = 'ok';
	try {
		await rt.db.ping();
	} catch (e) {
		database = (e as Error).message.split('\n')[0];
	}
	const healthy = database === 'ok';
	return json(
		{
			status: healthy ? 'ok' : 'error',
			database,
			dialect: rt.db.dialect,
			collaboration: { documents: rt.collab.hocuspocus.getDocumentsCount(), connections: rt.collab.hocuspocus.getConnectionsCount() }
		},
		{ status: healthy ? 200 : 503 }
	);
}
