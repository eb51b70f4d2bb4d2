/**
 * PostgreSQL flavour of the schema (scale-out). Keep in step with `sqlite.ts`: same table and
 * column names, same row types.
 */
import { bigint, bigserial, customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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
	orgId: text('org_id').notNull().references(() => organizations.id),
	fiscalYear: integer('fiscal_year').notNull(),
	edition: integer('edition').notNull().default(0),
	title: text('title').notNull(),
	state: text('state').notNull().default('draft'),
	createdAt: createdAt(),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
});


export const organizations = pgTable('organizations', {
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

export const users = pgTable('users', {
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
	disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
	createdAt: createdAt()
});

/** Sessions: the id is the SHA-256 of the cookie token, so a stolen table reveals no token. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
		createdAt: createdAt(),
		userAgent: text('user_agent').notNull().default(''),
		ip: text('ip').notNull().default('')
	},
	(t) => [index('sessions_user').on(t.userId)]
);

/** One-time invitation links; the id is the SHA-256 of the link's token. */
export const invitations = pgTable('invitations', {
	id: text('id').primaryKey(),
	orgId: text('org_id').notNull().references(() => organizations.id),
	displayName: text('display_name').notNull(),
	position: text('position').notNull().default(''),
	orgRole: text('org_role').notNull(),
	/** Optional plan to join on acceptance, with its role. */
	planId: text('plan_id'),
	planRole: text('plan_role'),
	createdBy: text('created_by').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
	usedBy: text('used_by'),
	createdAt: createdAt()
});

/** A user's role on one plan. */
export const planMembers = pgTable(
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
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
});
