/**
 * Opens the database the configuration names: SQLite under DATA_DIR by default, PostgreSQL
 * when DATABASE_URL is set. Both run the same schema (`schema/sqlite.ts`, `schema/pg.ts`)
 * with migrations from `drizzle/<dialect>` applied at start.
 *
 * Query modules are written once against `Database`: they use `db.orm` with the tables in
 * `db.t` and only `await` the builders (which both drivers support), never the SQLite-only
 * `.get()/.all()/.run()`. The TypeScript type is the SQLite one; the PostgreSQL tables have
 * the same names and row types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as sqliteSchema from './schema/sqlite';
import * as pgSchema from './schema/pg';

export type Tables = typeof sqliteSchema;
export type Orm = BetterSQLite3Database<Tables>;

export interface Database {
	dialect: 'sqlite' | 'postgres';
	orm: Orm;
	t: Tables;
	/** The PostgreSQL pool, for the few statements only PostgreSQL has (advisory locks). */
	pgPool?: import('pg').Pool;
	/**
	 * Runs `fn` in one transaction. On SQLite the body must only await database calls (the
	 * driver is synchronous, so no other request can interleave); on PostgreSQL it is a real
	 * transaction on one pooled connection.
	 */
	tx<T>(fn: (db: Database) => Promise<T>): Promise<T>;
	/**
	 * Inside `tx`: serialises this transaction with every other that takes the same key
	 * (PostgreSQL advisory lock; on SQLite, transactions are already serial).
	 */
	lock(key: number): Promise<void>;
	/** Throws when the database cannot answer a trivial query. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
	override name = 'DatabaseUnavailableError';
}

export interface OpenOptions {
	/** SQLite file path, or ':memory:' for tests. Ignored when `url` is set. */
	file?: string;
	/** postgres:// URL. */
	url?: string | null;
	/** Folder holding `sqlite/` and `pg/` migration folders; default ./drizzle. */
	migrationsDir?: string;
}

/** Opens, checks and migrates the database. Throws DatabaseUnavailableError with a one-line reason. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
	const migrationsDir = path.resolve(options.migrationsDir ?? 'drizzle');
	return options.url ? openPostgres(options.url, migrationsDir) : openSqlite(options.file ?? ':memory:', migrationsDir);
}

async function openSqlite(file: string, migrationsDir: string): Promise<Database> {
	const { default: Sqlite } = await import('better-sqlite3');
	const { drizzle } = await import('drizzle-orm/better-sqlite3');
	const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	let client: import('better-sqlite3').Database;
	try {
		client = new Sqlite(file);
	} catch (e) {
		throw new DatabaseUnavailableError(`cannot open SQLite file ${file}: ${(e as Error).message}`);
	}
	// WAL + synchronous=FULL: a committed append survives a process kill and a power cut.
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const orm = drizzle(client, { schema: sqliteSchema });
	migrate(orm, { migrationsFolder: path.join(migrationsDir, 'sqlite') });

	let queue: Promise<unknown> = Promise.resolve();
	const db: Database = {
		dialect: 'sqlite',
		orm,
		t: sqliteSchema,
		tx(fn) {
			// Serialise transactions: a second BEGIN on the same connection would fail.
			const run = queue.then(async () => {
				client.exec('BEGIN IMMEDIATE');
				try {
					const result = await fn(db);
					client.exec('COMMIT');
					return result;
				} catch (e) {
					if (client.inTransaction) client.exec('ROLLBACK');
					throw e;
				}
			});
			queue = run.catch(() => undefined);
			return run;
		},
		async lock() {},
		async ping() {
			client.prepare('select 1').get();
		},
		async close() {
			await queue;
			if (client.open) client.close();
		}
	};
	return db;
}

async function openPostgres(url: string, migrationsDir: string): Promise<Database> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
	// An idle client losing its connection must not crash the process; the next query reports it.
	pool.on('error', () => undefined);
	const where = describeUrl(url);
	try {
		await pool.query('select 1');
	} catch (e) {
		await pool.end().catch(() => undefined);
		throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${where}: ${oneLine(e)}`);
	}
	const orm = drizzle(pool, { schema: pgSchema });
	// Several instances may start at once: one migrates, the others wait on the lock.
	const lock = await pool.connect();
	try {
		await lock.query('select pg_advisory_lock(727001)');
		await migrate(orm, { migrationsFolder: path.join(migrationsDir, 'pg') });
	} finally {
		await lock.query('select pg_advisory_unlock(727001)').catch(() => undefined);
		lock.release();
	}

	const wrap = (o: unknown): Database => ({
		dialect: 'postgres',
		orm: o as Orm,
		t: pgSchema as unknown as Tables,
		pgPool: pool,
		tx: (fn) => (orm.transaction((inner) => fn(wrap(inner))) as Promise<Awaited<ReturnType<typeof fn>>>),
		async lock(key) {
			await (o as typeof orm).execute(sql`select pg_advisory_xact_lock(${key})`);
		},
		async ping() {
			await pool.query('select 1');
		},
		async close() {
			await pool.end();
		}
	});
	return wrap(orm);
}

function describeUrl(url: string): string {
	const u = new URL(url);
	return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

function oneLine(e: unknown): string {
	const err = e as { code?: string; message?: string; errors?: { message: string }[] };
	const message = err.errors?.[0]?.message ?? err.message ?? String(e);
	return (err.code ? `${err.code} ` : '') + message.split('\n')[0];
}
