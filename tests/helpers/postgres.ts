/** A fresh PostgreSQL database per test file on the machine's server (127.0.0.1:5432, trust). */
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `ruamphaen_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(PG_ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: PG_ADMIN_URL });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}
