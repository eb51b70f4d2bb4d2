/**
 * PostgreSQL flavour of the schema (scale-out). Keep in step with `sqlite.ts`: same table and
 * column names, same row types.
 */
import { bigint, bigserial, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
	/** original | amendment (แก้ไข) | addition (เพิ่มเติม) */
	editionKind: text('edition_kind').notNull().default('original'),
	/** The announced plan this edition was cloned from. */
	parentPlanId: text('parent_plan_id'),
	/** Why this edition exists (amendments); the trigger of the 30-day clock. */
	reason: text('reason').notNull().default(''),
	/** ISO date of the budget ordinance or other trigger (ข้อ ๒๗), when known. */
	triggerDate: text('trigger_date'),
	/** ISO date the executive extended the deadline to, with its reason. */
	extendedTo: text('extended_to'),
	extensionReason: text('extension_reason'),
	/** The edition that replaced this announced one. */
	supersededBy: text('superseded_by'),
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

/**
 * Password-guessing counters (`auth/throttle.ts`): `pair:<account>|<address>`, `acct:<account>`
 * and `addr:<address>`. `updated_at` holds when the current counting window started.
 */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
});

/**
 * Edition bookkeeping of a plan lives on the plans row (added columns below are in the same
 * table definition above); what follows are the server-written records around a plan.
 */

/** A frozen copy of a plan: Yjs state, canonical JSON and the SHA-256 of that JSON. */
export const planVersions = pgTable(
	'plan_versions',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** manual | transition */
		kind: text('kind').notNull(),
		/** The plan state this version was taken in (after the transition, for transitions). */
		state: text('state').notNull(),
		yjsState: bytea('yjs_state').notNull(),
		canonicalJson: text('canonical_json').notNull(),
		sha256: text('sha256').notNull(),
		/** Highest update-log seq included, for attribution and diffs. */
		logSeq: bigint('log_seq', { mode: 'number' }).notNull(),
		/** At lock: every review thread with its replies and resolution, as canonical JSON. */
		commentRegister: text('comment_register'),
		createdBy: text('created_by'),
		createdAt: createdAt()
	},
	(t) => [index('plan_versions_plan').on(t.planId, t.createdAt)]
);

/** Append-only, hash-chained record of every transition, approval, member change, export. */
export const auditEvents = pgTable(
	'audit_events',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		orgId: text('org_id').notNull(),
		planId: text('plan_id'),
		actorId: text('actor_id'),
		/** e.g. plans.transition, members.set, plans.export */
		action: text('action').notNull(),
		/** Canonical JSON of the event's details. */
		data: text('data').notNull(),
		createdAt: createdAt(),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_events_org').on(t.orgId, t.seq), index('audit_events_plan').on(t.planId, t.seq)]
);

/** The executive's sign-off, bound to the content hash that was shown. */
export const approvals = pgTable('approvals', {
	planId: text('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
	versionId: text('version_id').notNull(),
	approverId: text('approver_id').notNull(),
	approverName: text('approver_name').notNull(),
	approverPosition: text('approver_position').notNull(),
	contentSha256: text('content_sha256').notNull(),
	approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull()
});

/** The public announcement (ประกาศ) of an approved plan. Never updated once written. */
export const announcements = pgTable('announcements', {
	planId: text('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
	versionId: text('version_id').notNull(),
	text: text('text').notNull(),
	announcedBy: text('announced_by').notNull(),
	announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'date' }).notNull()
});

/** A review thread anchored to text, a row, a cell or the whole plan. */
export const commentThreads = pgTable(
	'comment_threads',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		/** text | row | cell | plan */
		anchorKind: text('anchor_kind').notNull(),
		/** JSON: section id + Yjs relative positions, or table + row id (+ field). */
		anchor: text('anchor').notNull(),
		/** The text or value the thread was made on, kept for when the anchor is deleted. */
		quote: text('quote').notNull().default(''),
		/** open | resolved */
		status: text('status').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: createdAt(),
		resolvedBy: text('resolved_by'),
		resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
		updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [index('comment_threads_plan').on(t.planId, t.createdAt)]
);

/** One message in a thread. Edits and deletions keep the earlier text in comment_history. */
export const comments = pgTable(
	'comments',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id').notNull().references(() => commentThreads.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull(),
		/** The author's plan role when writing, shown beside the name. */
		authorRole: text('author_role').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt(),
		editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true, mode: 'date' })
	},
	(t) => [index('comments_thread').on(t.threadId, t.createdAt)]
);

export const commentHistory = pgTable('comment_history', {
	id: text('id').primaryKey(),
	commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
	body: text('body').notNull(),
	/** edit | hide */
	change: text('change').notNull(),
	changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull()
});

/** What a user should look at: @mentions so far. */
export const notifications = pgTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		planId: text('plan_id').notNull(),
		threadId: text('thread_id'),
		commentId: text('comment_id'),
		kind: text('kind').notNull(),
		createdAt: createdAt(),
		readAt: timestamp('read_at', { withTimezone: true, mode: 'date' })
	},
	(t) => [index('notifications_user').on(t.userId, t.createdAt)]
);

export const departments = pgTable(
	'departments',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		nameKey: text('name_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('departments_org_key').on(t.orgId, t.nameKey)]
);

export const departmentMembers = pgTable(
	'department_members',
	{
		departmentId: text('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index('department_members_user').on(t.userId)]
);

export const progressEntries = pgTable(
	'progress_entries',
	{
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		rowKind: text('row_kind').notNull(),
		status: text('status').notNull(),
		contractSatang: bigint('contract_satang', { mode: 'number' }),
		disbursedSatang: bigint('disbursed_satang', { mode: 'number' }).notNull(),
		startDate: text('start_date'),
		endDate: text('end_date'),
		note: text('note').notNull(),
		updatedBy: text('updated_by').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
		disbursedOn: text('disbursed_on')
	},
	(t) => [primaryKey({ columns: [t.orgId, t.fiscalYear, t.rowId] })]
);

export const progressHistory = pgTable(
	'progress_history',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		orgId: text('org_id').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		data: text('data').notNull(),
		changedBy: text('changed_by').notNull(),
		changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [index('progress_history_year').on(t.orgId, t.fiscalYear, t.seq)]
);

export const progressReports = pgTable(
	'progress_reports',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		planId: text('plan_id').notNull(),
		period: text('period').notNull(),
		canonicalJson: text('canonical_json').notNull(),
		sha256: text('sha256').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: createdAt(),
		presentedOn: text('presented_on'),
		announcedBy: text('announced_by'),
		announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'date' })
	},
	(t) => [index('progress_reports_year').on(t.orgId, t.fiscalYear)]
);

export const progressEvidence = pgTable(
	'progress_evidence',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		fileName: text('file_name').notNull(),
		mimeType: text('mime_type').notNull(),
		size: integer('size').notNull(),
		data: bytea('data').notNull(),
		uploadedBy: text('uploaded_by').notNull(),
		uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [index('progress_evidence_row').on(t.orgId, t.fiscalYear, t.rowId)]
);

// ───────────────────────────── meeting mode ─────────────────────────────
/** A seat (chair, secretary) a committee member holds on a plan; the role stays in plan_members. */
export const committeeSeats = pgTable(
	'committee_seats',
	{
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		seat: text('seat').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.userId] })]
);

/** A committee meeting held on a plan (ครั้งที่ number/yearBe) and its minutes. */
export const meetings = pgTable(
	'meetings',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		/** support_committee | development_committee */
		committee: text('committee').notNull(),
		/** ordinary (สามัญ) | extraordinary (วิสามัญ) */
		kind: text('kind').notNull(),
		number: integer('number').notNull(),
		yearBe: integer('year_be').notNull(),
		/** ISO date */
		date: text('date').notNull(),
		place: text('place').notNull(),
		chairId: text('chair_id').notNull(),
		secretaryId: text('secretary_id').notNull(),
		/** Members needed; null: more than half of the committee */
		quorum: integer('quorum'),
		/** open | closed */
		status: text('status').notNull(),
		currentItemId: text('current_item_id'),
		/** The secretary's narrative of the minutes */
		narrative: text('narrative').notNull().default(''),
		recorderName: text('recorder_name').notNull().default(''),
		checkerName: text('checker_name').notNull().default(''),
		startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
		endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
		/** The meeting that adopted these minutes (รับรองรายงานการประชุม) */
		adoptedInMeetingId: text('adopted_in_meeting_id'),
		createdBy: text('created_by').notNull(),
		createdAt: createdAt(),
		/** Whom followers follow (chair or secretary sets it); null: the secretary */
		presenterId: text('presenter_id')
	},
	(t) => [index('meetings_plan').on(t.planId, t.number)]
);

/** Who was at a meeting: checked in by themselves or marked by the secretary. person is a user id or guest:<id>. */
export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
		person: text('person').notNull(),
		userId: text('user_id'),
		name: text('name').notNull(),
		position: text('position').notNull().default(''),
		/** present | absent (ลา) | guest (ผู้เข้าร่วมประชุม) */
		status: text('status').notNull(),
		markedBy: text('marked_by').notNull(),
		markedAt: timestamp('marked_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.person] })]
);

/** One agenda item (ระเบียบวาระ) under one of the four sections, in order. */
export const meetingAgenda = pgTable(
	'meeting_agenda',
	{
		id: text('id').primaryKey(),
		meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
		/** 1 ประธานแจ้ง, 2 รับรองรายงาน, 3 เพื่อพิจารณา, 4 อื่น ๆ */
		section: integer('section').notNull(),
		order: integer('order').notNull(),
		title: text('title').notNull(),
		/** thread | proposal | minutes */
		refKind: text('ref_kind'),
		refId: text('ref_id')
	},
	(t) => [index('meeting_agenda_meeting').on(t.meetingId, t.section, t.order)]
);

/** A proposed change to plan content, decided by a resolution; never applied any other way. */
export const planProposals = pgTable(
	'plan_proposals',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		meetingId: text('meeting_id'),
		/** JSON (domain/meeting/proposal.ts) */
		change: text('change').notNull(),
		reason: text('reason').notNull().default(''),
		/** pending | accepted | rejected */
		status: text('status').notNull(),
		proposedBy: text('proposed_by').notNull(),
		createdAt: createdAt(),
		resolutionId: text('resolution_id')
	},
	(t) => [index('plan_proposals_plan').on(t.planId, t.createdAt)]
);

/** A resolution (มติ) the chair recorded; accepted proposals name the version they produced. */
export const meetingResolutions = pgTable(
	'meeting_resolutions',
	{
		id: text('id').primaryKey(),
		meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: text('agenda_item_id'),
		proposalId: text('proposal_id'),
		/** approve | reject | amend */
		decision: text('decision').notNull(),
		note: text('note').notNull().default(''),
		/** JSON of what was applied (the amended change for amend) */
		appliedChange: text('applied_change'),
		votesFor: integer('votes_for'),
		votesAgainst: integer('votes_against'),
		votesAbstain: integer('votes_abstain'),
		versionId: text('version_id'),
		recordedBy: text('recorded_by').notNull(),
		recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [index('meeting_resolutions_meeting').on(t.meetingId, t.recordedAt)]
);

// ───────────────────────────── organization emblem (doc13) ─────────────────────────────
/** The organization's emblem (ตราสัญลักษณ์) for the cover: PNG or JPEG by its bytes, size-limited (domain/emblem.ts). */
export const orgEmblems = pgTable('org_emblems', {
	orgId: text('org_id')
		.primaryKey()
		.references(() => organizations.id, { onDelete: 'cascade' }),
	mimeType: text('mime_type').notNull(),
	size: integer('size').notNull(),
	data: bytea('data').notNull(),
	sha256: text('sha256').notNull(),
	uploadedBy: text('uploaded_by').notNull(),
	uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull()
});
