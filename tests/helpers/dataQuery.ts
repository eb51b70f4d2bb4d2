/**
 * Reads a test server's database directly, on SQLite (its data dir) or PostgreSQL (its URL),
 * to check what a command stored (or, rarely, to break it on purpose). Placeholders are written
 * `?` and numbered for PostgreSQL.
 */
import pg from 'pg';
import { openDataDb } from './dataDir';

/** A test server's database: its SQLite data dir, or the PostgreSQL URL it was started with. */
export type DataTarget = string | { databaseUrl: string };

export async function queryData<T>(target: DataTarget, sql: string, params: unknown[] = []): Promise<T[]> {
	if (typeof target === 'string') {
		const db = openDataDb(target);
		try {
			const statement = db.prepare(sql);
			if (statement.reader) return statement.all(...params) as T[];
			statement.run(...params);
			return [];
		} finally {
			db.close();
		}
	}
	let n = 0;
	const client = new pg.Client({ connectionString: target.databaseUrl });
	await client.connect();
	try {
		return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
	} finally {
		await client.end();
	}
}
