/**
 * SQLite flavour of the schema (the embedded default). Every table here has a twin in
 * `pg.ts` with the same table and column names and the same TypeScript row types, so query
 * modules are written once against `$lib/server/db` and run on either database.
 */
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

/**
 * Password-guessing counters (`auth/throttle.ts`): `pair:<account>|<address>`, `acct:<account>`
 * and `addr:<address>`. `updated_at` holds when the current counting window started.
 */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * Edition bookkeeping of a plan lives on the plans row (added columns below are in the same
 * table definition above); what follows are the server-written records around a plan.
 */

/** A frozen copy of a plan: Yjs state, canonical JSON and the SHA-256 of that JSON. */
export const planVersions = sqliteTable(
	'plan_versions',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** manual | transition */
		kind: text('kind').notNull(),
		/** The plan state this version was taken in (after the transition, for transitions). */
		state: text('state').notNull(),
		yjsState: blob('yjs_state', { mode: 'buffer' }).notNull(),
		canonicalJson: text('canonical_json').notNull(),
		sha256: text('sha256').notNull(),
		/** Highest update-log seq included, for attribution and diffs. */
		logSeq: integer('log_seq').notNull(),
		/** At lock: every review thread with its replies and resolution, as canonical JSON. */
		commentRegister: text('comment_register'),
		createdBy: text('created_by'),
		createdAt: createdAt()
	},
	(t) => [index('plan_versions_plan').on(t.planId, t.createdAt)]
);

/** Append-only, hash-chained record of every transition, approval, member change, export. */
export const auditEvents = sqliteTable(
	'audit_events',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
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
export const approvals = sqliteTable('approvals', {
	planId: text('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
	versionId: text('version_id').notNull(),
	approverId: text('approver_id').notNull(),
	approverName: text('approver_name').notNull(),
	approverPosition: text('approver_position').notNull(),
	contentSha256: text('content_sha256').notNull(),
	approvedAt: integer('approved_at', { mode: 'timestamp_ms' }).notNull()
});

/** The public announcement (ประกาศ) of an approved plan. Never updated once written. */
export const announcements = sqliteTable('announcements', {
	planId: text('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
	versionId: text('version_id').notNull(),
	text: text('text').notNull(),
	announcedBy: text('announced_by').notNull(),
	announcedAt: integer('announced_at', { mode: 'timestamp_ms' }).notNull()
});

/** A review thread anchored to text, a row, a cell or the whole plan. */
export const commentThreads = sqliteTable(
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
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('comment_threads_plan').on(t.planId, t.createdAt)]
);

/** One message in a thread. Edits and deletions keep the earlier text in comment_history. */
export const comments = sqliteTable(
	'comments',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id').notNull().references(() => commentThreads.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull(),
		/** The author's plan role when writing, shown beside the name. */
		authorRole: text('author_role').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt(),
		editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('comments_thread').on(t.threadId, t.createdAt)]
);

export const commentHistory = sqliteTable('comment_history', {
	id: text('id').primaryKey(),
	commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
	body: text('body').notNull(),
	/** edit | hide */
	change: text('change').notNull(),
	changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull()
});

/** What a user should look at: @mentions so far. */
export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		planId: text('plan_id').notNull(),
		threadId: text('thread_id'),
		commentId: text('comment_id'),
		kind: text('kind').notNull(),
		createdAt: createdAt(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notifications_user').on(t.userId, t.createdAt)]
);

/** The organization's departments (กอง/สำนัก), kept by the org admin. */
export const departments = sqliteTable(
	'departments',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** The name without whitespace, lower-case (domain/departments.ts): unique per organization. */
		nameKey: text('name_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('departments_org_key').on(t.orgId, t.nameKey)]
);

/** Which members belong to which departments (a member may belong to several). */
export const departmentMembers = sqliteTable(
	'department_members',
	{
		departmentId: text('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index('department_members_user').on(t.userId)]
);

/**
 * Progress of the announced plan (monitoring, ข้อ ๒๙): one row per project or equipment row of
 * an organization's fiscal year, keyed by the plan's stable row id so amendments keep it. It
 * never changes the plan itself. Money in integer satang.
 */
export const progressEntries = sqliteTable(
	'progress_entries',
	{
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		/** project | equipment */
		rowKind: text('row_kind').notNull(),
		/** domain/progress/statuses.ts */
		status: text('status').notNull(),
		contractSatang: integer('contract_satang'),
		disbursedSatang: integer('disbursed_satang').notNull(),
		/** ISO dates of the actual start and end. */
		startDate: text('start_date'),
		endDate: text('end_date'),
		note: text('note').notNull(),
		updatedBy: text('updated_by').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		/** ISO date of the (latest) disbursement, วันที่เบิกจ่าย, as reported; null: not given. */
		disbursedOn: text('disbursed_on')
	},
	(t) => [primaryKey({ columns: [t.orgId, t.fiscalYear, t.rowId] })]
);

/** Every saved progress entry as it was after the change, with who and when. */
export const progressHistory = sqliteTable(
	'progress_history',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		orgId: text('org_id').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		/** Canonical JSON of the entry after the change. */
		data: text('data').notNull(),
		changedBy: text('changed_by').notNull(),
		changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('progress_history_year').on(t.orgId, t.fiscalYear, t.seq)]
);

/**
 * A monitoring report (รอบ ๖ เดือน / ประจำปี) frozen when made: its numbers as canonical JSON
 * and their SHA-256. Announced by the executive, it is public for good.
 */
export const progressReports = sqliteTable(
	'progress_reports',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		/** The announced edition whose projects were reported on. */
		planId: text('plan_id').notNull(),
		/** half | year */
		period: text('period').notNull(),
		canonicalJson: text('canonical_json').notNull(),
		sha256: text('sha256').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: createdAt(),
		/** ISO date the results went to the council (the 15-day posting clock starts there). */
		presentedOn: text('presented_on'),
		announcedBy: text('announced_by'),
		announcedAt: integer('announced_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('progress_reports_year').on(t.orgId, t.fiscalYear)]
);

/** Evidence files of a progress row (photos, signed documents): checked by their bytes, at most 5 MB. */
export const progressEvidence = sqliteTable(
	'progress_evidence',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		rowId: text('row_id').notNull(),
		/** The name as uploaded, cleaned (shown, never used as a path). */
		fileName: text('file_name').notNull(),
		/** From the file's magic bytes, never from the browser: image/png | image/jpeg | application/pdf */
		mimeType: text('mime_type').notNull(),
		size: integer('size').notNull(),
		data: blob('data', { mode: 'buffer' }).notNull(),
		uploadedBy: text('uploaded_by').notNull(),
		uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('progress_evidence_row').on(t.orgId, t.fiscalYear, t.rowId)]
);

// ───────────────────────────── meeting mode ─────────────────────────────
/** A seat (chair, secretary) a committee member holds on a plan; the role stays in plan_members. */
export const committeeSeats = sqliteTable(
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
export const meetings = sqliteTable(
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
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
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
export const meetingAttendance = sqliteTable(
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
		markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.person] })]
);

/** One agenda item (ระเบียบวาระ) under one of the four sections, in order. */
export const meetingAgenda = sqliteTable(
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
export const planProposals = sqliteTable(
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
export const meetingResolutions = sqliteTable(
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
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('meeting_resolutions_meeting').on(t.meetingId, t.recordedAt)]
);

// ───────────────────────────── organization emblem (doc13) ─────────────────────────────
/** The organization's emblem (ตราสัญลักษณ์) for the cover: PNG or JPEG by its bytes, size-limited (domain/emblem.ts). */
export const orgEmblems = sqliteTable('org_emblems', {
	orgId: text('org_id')
		.primaryKey()
		.references(() => organizations.id, { onDelete: 'cascade' }),
	/** From the file's magic bytes, never from the browser: image/png | image/jpeg */
	mimeType: text('mime_type').notNull(),
	size: integer('size').notNull(),
	data: blob('data', { mode: 'buffer' }).notNull(),
	/** SHA-256 of the bytes (cache validator, cached PDFs). */
	sha256: text('sha256').notNull(),
	uploadedBy: text('uploaded_by').notNull(),
	uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull()
});
