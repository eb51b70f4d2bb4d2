/** Direct access to a test server's SQLite file, to arrange states a test cannot reach by UI yet. */
import path from 'node:path';
import Database from 'better-sqlite3';

export function openDataDb(dataDir: string): Database.Database {
	const db = new Database(path.join(dataDir, 'ruamphaen.sqlite'));
	db.pragma('busy_timeout = 5000');
	return db;
}
