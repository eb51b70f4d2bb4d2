/**
 * PostgreSQL flavour of the schema (scale-out). Keep in step with `sqlite.ts`: same table and
 * column names, same row types.
 */
import { bigserial, customType, index, integer, pgTable, text, timestamp, bigint } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

export const docUpdates = pgTable(
	'doc_updates',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		docName: text('doc_name').notNull(),
		data: bytea('data').notNull(),
		userId: text('user_id'),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_seq').on(t.docName, t.seq)]
);

export const docSnapshots = pgTable('doc_snapshots', {
	docName: text('doc_name').primaryKey(),
	state: bytea('state').notNull(),
	uptoSeq: bigint('upto_seq', { mode: 'number' }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
});

export const plans = pgTable('plans', {
	id: text('id').primaryKey(),
	orgId: text('org_id'),
	fiscalYear: integer('fiscal_year').notNull(),
	edition: integer('edition').notNull().default(0),
	title: text('title').notNull(),
	state: text('state').notNull().default('draft'),
	createdAt: createdAt(),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
});
