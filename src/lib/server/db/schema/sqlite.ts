/**
 * SQLite flavour of the schema (the embedded default). Every table here has a twin in
 * `pg.ts` with the same table and column names and the same TypeScript row types, so query
 * modules are written once against `$lib/server/db` and run on either database.
 */
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();

/** Every Yjs update the collaboration server accepted, appended before it was acknowledged. */
export const docUpdates = sqliteTable(
	'doc_updates',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		docName: text('doc_name').notNull(),
		data: blob('data', { mode: 'buffer' }).notNull(),
		userId: text('user_id'),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_seq').on(t.docName, t.seq)]
);

/** Compacted state of a document: every logged update with seq <= uptoSeq is inside `state`. */
export const docSnapshots = sqliteTable('doc_snapshots', {
	docName: text('doc_name').primaryKey(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	uptoSeq: integer('upto_seq').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** One edition of an operational plan; its content lives in the Yjs document `plan.<id>`. */
export const plans = sqliteTable('plans', {
	id: text('id').primaryKey(),
	orgId: text('org_id'),
	fiscalYear: integer('fiscal_year').notNull(),
	edition: integer('edition').notNull().default(0),
	title: text('title').notNull(),
	state: text('state').notNull().default('draft'),
	createdAt: createdAt(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
