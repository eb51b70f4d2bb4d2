/**
 * /healthz answers anyone, so when the database fails it must not repeat the driver's error
 * (host, database name, user): it says "unavailable" and the details go to the server log.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, PG_ADMIN_URL } from '../helpers/postgres';
import { startServer, type RunningServer } from '../helpers/server';

describe('/healthz with the database gone', () => {
	let server: RunningServer | undefined;
	let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

	afterAll(async () => {
		await server?.kill('SIGKILL');
		await database?.drop();
	});

	it('says "unavailable" without the raw error, and logs the details', async () => {
		database = await createTestDatabase();
		server = await startServer({ databaseUrl: database.url });
		const healthy = await fetch(`${server.url}/healthz`);
		expect(healthy.status).toBe(200);

		// Drop the database under the running server: every pooled connection is terminated
		// and reconnecting fails with a message naming the database.
		const name = new URL(database.url).pathname.slice(1);
		const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
		await admin.connect();
		await admin.query(`drop database ${name} with (force)`);
		await admin.end();

		const res = await fetch(`${server.url}/healthz`);
		const text = await res.text();
		expect(res.status).toBe(503);
		expect(JSON.parse(text)).toMatchObject({ status: 'error', database: 'unavailable', message: 'database unavailable' });
		expect(text).not.toContain(name);
		expect(text).not.toMatch(/terminat|does not exist|ECONN/i);
		// The operator still learns what happened, from the log.
		await expect.poll(() => server!.output()).toMatch(/healthz: database unavailable/);
		expect(server.output()).toMatch(new RegExp(`terminat|${name}`));
	});
});
