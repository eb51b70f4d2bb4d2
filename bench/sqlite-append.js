// Appends/s to the update log on SQLite: better-sqlite3 (what the app uses, through Drizzle)
// against Node's built-in node:sqlite, same schema, same pragmas (WAL, synchronous=FULL), on a
// real file. Group commit = N appends per transaction (one fsync), as docLog.append does for the
// appends of one event-loop turn. Usage: node bench/sqlite-append.js [--seconds 3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import { DatabaseSync } from 'node:sqlite';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);
const SCHEMA = `create table doc_updates (seq integer primary key autoincrement, doc_name text not null,
  data blob not null, user_id text, created_at integer not null);
  create index doc_updates_doc_seq on doc_updates (doc_name, seq);
  create table plans (id text primary key, state text not null);
  insert into plans values ('p1', 'draft');`;
// A typical keystroke update is ~30–60 bytes.
const UPDATE = Buffer.alloc(48, 7);

/** @param {{ exec(sql: string): unknown; prepare(sql: string): any }} db */
function setUp(db) {
	db.exec('pragma journal_mode = WAL');
	db.exec('pragma synchronous = FULL');
	db.exec(SCHEMA);
	return {
		isDraft: db.prepare(`select 1 from plans where id = ? and state = 'draft'`),
		insert: db.prepare('insert into doc_updates (doc_name, data, user_id, created_at) values (?, ?, ?, ?) returning seq')
	};
}

/** @param {string} name @param {(file: string) => { db: any, close(): void }} open @param {number} batch */
function measure(name, open, batch) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-sqlite-'));
	const { db, close } = open(path.join(dir, 'bench.sqlite'));
	const q = setUp(db);
	let appends = 0;
	const start = performance.now();
	const until = start + SECONDS * 1000;
	while (performance.now() < until) {
		db.exec('BEGIN IMMEDIATE');
		const now = Date.now();
		for (let i = 0; i < batch; i++) {
			if (!q.isDraft.get('p1')) throw new Error('not a draft');
			q.insert.get('plan:p1', UPDATE, 'u1', now);
		}
		db.exec('COMMIT');
		appends += batch;
	}
	const perSecond = appends / ((performance.now() - start) / 1000);
	close();
	fs.rmSync(dir, { recursive: true, force: true });
	return { driver: name, batch, appendsPerSecond: Math.round(perSecond) };
}

const drivers = {
	'better-sqlite3': (/** @type {string} */ file) => {
		const db = new Sqlite(file);
		return { db, close: () => db.close() };
	},
	'node:sqlite': (/** @type {string} */ file) => {
		const db = new DatabaseSync(file);
		return { db, close: () => db.close() };
	}
};

console.log(`SQLite appends/s, WAL + synchronous=FULL, ${SECONDS} s each, Node ${process.version}`);
const rows = [];
for (const batch of [1, 10, 100]) for (const [name, open] of Object.entries(drivers)) rows.push(measure(name, open, batch));
console.table(rows);
