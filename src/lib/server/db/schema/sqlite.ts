/**
 * SQLite flavour of the schema (the embedded default). Every table here has a twin in
 * `pg.ts` with the same table and column names and the same TypeScript row types, so query
 * modules are written once against `$lib/server/db` and run on either database.
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
	orgId: text('org_id').notNull().references(() => organizations.id),
	fiscalYear: integer('fiscal_year').notNull(),
	edition: integer('edition').notNull().default(0),
	title: text('title').notNull(),
	state: text('state').notNull().default('draft'),
	createdAt: createdAt(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** A local administrative organization (เทศบาล, อบต. …). */
export const organizations = sqliteTable('organizations', {
	id: text('id').primaryKey(),
	/** e.g. เทศบาลตำบล, องค์การบริหารส่วนตำบล */
	type: text('type').notNull(),
	name: text('name').notNull(),
	/** URL-safe short name for public pages. */
	slug: text('slug').notNull().unique(),
	district: text('district').notNull().default(''),
	province: text('province').notNull().default(''),
	/** e.g. นายกเทศมนตรีตำบล… — printed on the announcement. */
	executiveTitle: text('executive_title').notNull().default(''),
	createdAt: createdAt()
});

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	orgId: text('org_id').notNull().references(() => organizations.id),
	/** Login name, stored lower-case. */
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	/** Position printed in signatures, e.g. ปลัดเทศบาล. */
	position: text('position').notNull().default(''),
	/** admin | planning_officer | member — see $lib/domain/roles. */
	orgRole: text('org_role').notNull(),
	passwordHash: text('password_hash').notNull(),
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

/** Sessions: the id is the SHA-256 of the cookie token, so a stolen table reveals no token. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
		userAgent: text('user_agent').notNull().default(''),
		ip: text('ip').notNull().default('')
	},
	(t) => [index('sessions_user').on(t.userId)]
);

/** One-time invitation links; the id is the SHA-256 of the link's token. */
export const invitations = sqliteTable('invitations', {
	id: text('id').primaryKey(),
	orgId: text('org_id').notNull().references(() => organizations.id),
	displayName: text('display_name').notNull(),
	position: text('position').notNull().default(''),
	orgRole: text('org_role').notNull(),
	/** Optional plan to join on acceptance, with its role. */
	planId: text('plan_id'),
	planRole: text('plan_role'),
	createdBy: text('created_by').notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	usedBy: text('used_by'),
	createdAt: createdAt()
});

/** A user's role on one plan. */
export const planMembers = sqliteTable(
	'plan_members',
	{
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.userId] })]
);

/** Failed sign-ins per key (`user:<name>` or `ip:<address>`), for the growing delay. */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
