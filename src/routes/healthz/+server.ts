import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { log } from '$lib/server/log';

/**
 * Liveness for operators and load balancers: database answers, collaboration server up.
 * Anyone can call it, so a failing database is only named "unavailable" here; the driver's
 * message (host, database name, user) goes to the log.
 */
export async function GET() {
	const rt = await runtime();
	let database: 'ok' | 'unavailable' = 'ok';
	try {
		await rt.db.ping();
	} catch (e) {
		database = 'unavailable';
		log().error({ err: e, dialect: rt.db.dialect }, 'healthz: database unavailable');
	}
	const healthy = database === 'ok';
	return json(
		{
			status: healthy ? 'ok' : 'error',
			database,
			...(healthy ? {} : { message: 'database unavailable' }),
			dialect: rt.db.dialect,
			collaboration: rt.collab && { documents: rt.collab.hocuspocus.getDocumentsCount(), connections: rt.collab.hocuspocus.getConnectionsCount() }
		},
		{ status: healthy ? 200 : 503 }
	);
}
