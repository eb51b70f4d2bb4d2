/**
 * The tables behind plan documents: an append-only log of every accepted update (kept for
 * attribution, never rewritten) and one compacted snapshot per document that says how far
 * into the log it reaches. A document is the snapshot plus the log tail after it.
 *
 * Storage primitives only. Plan content is written and rebuilt by the plan store
 * (src/lib/server/plan/planStore.ts), which adds the write gate, the shape check and the size
 * bounds; nothing else calls the functions that write here.
 */
import { and, asc, desc, eq, gt, gte, lte, max, sql } from 'drizzle-orm';
import type { Database } from './index';

/** Advisory-lock key of a document: appends take it shared, compaction alone. */
function lockKey(docName: string): number {
	let h = 0;
	for (let i = 0; i < docName.length; i++) h = (Math.imul(h, 31) + docName.charCodeAt(i)) | 0;
	return h;
}

function toBuffer(data: Uint8Array): Buffer {
	return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

interface PendingAppend {
	docName: string;
	data: Buffer;
	userId: string | null;
	onlyWhileDraft: string;
	/** The state the plan must be in: draft, or review for a meeting's resolution (planStore.writeResolvedProposal). */
	inState: 'draft' | 'review';
	resolve: (seq: number | null) => void;
	reject: (error: unknown) => void;
}

/**
 * Tests only: every SQLite group commit waits this long before it starts, as on a slow disk
 * (tests/broadcastBeforeDisk.test.ts). Unset in production.
 */
const TEST_COMMIT_DELAY_MS = Number(process.env.RUAMPHAEN_TEST_COMMIT_DELAY_MS) || 0;

/** SQLite appends waiting for the group commit of this event-loop turn, per database. */
const pendingAppends = new WeakMap<Database, PendingAppend[]>();

/**
 * Appends one update of plan `onlyWhileDraft`'s document and resolves once it is committed, or
 * to null when that plan is not a draft at commit time — checked in the same transaction as
 * the insert, so a workflow transition committed by any instance refuses it.
 *
 * On SQLite, appends that arrive in the same event-loop turn are committed together (group
 * commit): one transaction and one fsync for all of them, each promise resolving only after
 * that commit. The fsync, not the insert, is what limits how many updates a second one
 * process accepts.
 */
export function append(db: Database, docName: string, data: Uint8Array, userId: string | null, onlyWhileDraft: string, inState: 'draft' | 'review' = 'draft'): Promise<number | null> {
	if (db.pgPool) return appendPostgres(db.pgPool, docName, data, userId, onlyWhileDraft, inState);
	return new Promise((resolve, reject) => {
		let batch = pendingAppends.get(db);
		if (!batch) {
			batch = [];
			pendingAppends.set(db, batch);
			// Committed one event-loop turn later: the collaboration hooks show an accepted update
			// to the other editors as soon as its append is queued (DurableLogExtension), and
			// better-sqlite3's COMMIT blocks the loop for the fsync, so the broadcast Hocuspocus
			// queues in this turn must go out first. The turns between also gather more appends
			// into the batch.
			setImmediate(() => setImmediate(() => void commitBatch(db)));
		}
		batch.push({ docName, data: toBuffer(data), userId, onlyWhileDraft, inState, resolve, reject });
	});
}

async function commitBatch(db: Database) {
	const batch = pendingAppends.get(db) ?? [];
	pendingAppends.delete(db);
	try {
		if (TEST_COMMIT_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, TEST_COMMIT_DELAY_MS));
		const seqs = await db.tx(async (tx) => {
			const out: (number | null)[] = [];
			const createdAt = new Date();
			for (const a of batch) {
				if (!(await isInState(tx, a.onlyWhileDraft, a.inState))) {
					out.push(null);
					continue;
				}
				const [row] = await tx.orm
					.insert(tx.t.docUpdates)
					.values({ docName: a.docName, data: a.data, userId: a.userId, createdAt })
					.returning({ seq: tx.t.docUpdates.seq });
				out.push(row.seq);
			}
			return out;
		});
		batch.forEach((a, i) => a.resolve(seqs[i]));
	} catch (error) {
		for (const a of batch) a.reject(error);
	}
}

async function isInState(db: Database, planId: string, state: 'draft' | 'review'): Promise<boolean> {
	const [row] = await db.orm.select({ state: db.t.plans.state }).from(db.t.plans).where(eq(db.t.plans.id, planId));
	return row?.state === state;
}

async function appendPostgres(pool: import('pg').Pool, docName: string, data: Uint8Array, userId: string | null, onlyWhileDraft: string, inState: 'draft' | 'review'): Promise<number | null> {
	// Holding the shared lock until commit makes compaction wait for appends whose seq is
	// taken but not yet visible, so a snapshot never claims a seq it does not contain.
	// FOR SHARE on the plan row waits for a transition committing on any instance, then sees
	// its new state.
	const { rows } = await pool.query<{ seq: string }>(
		`with l as (select pg_advisory_xact_lock_shared($1)),
		      p as (select 1 from plans where id = $5 and state = $6 for share)
		 insert into doc_updates (doc_name, data, user_id, created_at)
		 select $2, $3, $4, now() from l, p returning seq`,
		[lockKey(docName), docName, toBuffer(data), userId, onlyWhileDraft, inState]
	);
	return rows.length ? Number(rows[0].seq) : null;
}

/**
 * Appends one update of plan `planId`'s document together with the caller's own writes, in one
 * transaction: `within` runs after the insert (given its seq) and before the commit, so the
 * update and what `within` writes are stored together or not at all. Resolves to null, storing
 * nothing, when the plan is not in `inState`. Not part of SQLite's group commit: a `within`
 * that fails must not fail other people's appends. For a meeting's resolution, whose plan
 * change and resolution row must never be stored one without the other.
 */
export async function appendWith(
	db: Database,
	docName: string,
	data: Uint8Array,
	userId: string | null,
	planId: string,
	inState: 'draft' | 'review',
	within: (tx: Database, seq: number) => Promise<void>
): Promise<number | null> {
	return db.tx(async (tx) => {
		if (tx.dialect === 'postgres') {
			// As `append`: the shared lock keeps compaction waiting, FOR SHARE waits for a transition.
			const execute = (tx.orm as unknown as { execute(q: ReturnType<typeof sql>): Promise<{ rows: unknown[] }> }).execute.bind(tx.orm);
			await execute(sql`select pg_advisory_xact_lock_shared(${lockKey(docName)})`);
			const { rows } = await execute(sql`select 1 from plans where id = ${planId} and state = ${inState} for share`);
			if (!rows.length) return null;
		} else if (!(await isInState(tx, planId, inState))) return null;
		const [row] = await tx.orm.insert(tx.t.docUpdates).values({ docName, data: toBuffer(data), userId, createdAt: new Date() }).returning({ seq: tx.t.docUpdates.seq });
		await within(tx, row.seq);
		return row.seq;
	});
}

/**
 * Appends the first update of a document inside the caller's transaction (the one that creates
 * its plan row), so a plan never exists without its content. Refuses a document that already
 * has log entries: this is a way to start a document, not to write into one.
 */
export async function appendFirst(tx: Database, docName: string, data: Uint8Array, userId: string | null): Promise<number> {
	// The same shared lock as `append`, so compaction never sees this row half-committed.
	if (tx.dialect === 'postgres') await (tx.orm as unknown as { execute(q: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`select pg_advisory_xact_lock_shared(${lockKey(docName)})`);
	const { docUpdates, docSnapshots } = tx.t;
	const [existing] = await tx.orm.select({ seq: docUpdates.seq }).from(docUpdates).where(eq(docUpdates.docName, docName)).limit(1);
	const [snapshot] = await tx.orm.select({ seq: docSnapshots.uptoSeq }).from(docSnapshots).where(eq(docSnapshots.docName, docName)).limit(1);
	if (existing || snapshot) throw new Error(`${docName} already has content`);
	const [row] = await tx.orm.insert(docUpdates).values({ docName, data: toBuffer(data), userId, createdAt: new Date() }).returning({ seq: docUpdates.seq });
	return row.seq;
}

/** Bytes appended to a document's log since `since` (the size bounds' hourly window). */
export async function loggedBytesSince(db: Database, docName: string, since: Date): Promise<number> {
	const { docUpdates } = db.t;
	const length = db.dialect === 'postgres' ? sql`octet_length(${docUpdates.data})` : sql`length(${docUpdates.data})`;
	const [row] = await db.orm
		.select({ bytes: sql<string | number | null>`sum(${length})` })
		.from(docUpdates)
		.where(and(eq(docUpdates.docName, docName), gte(docUpdates.createdAt, since)));
	return Number(row?.bytes ?? 0);
}

export interface StoredDoc {
	/** Compacted state, or null before the first compaction. */
	snapshot: Uint8Array | null;
	uptoSeq: number;
	/** Log entries after the snapshot, oldest first. */
	tail: { seq: number; data: Uint8Array }[];
}

/** Reads what is needed to rebuild a document: its snapshot and the log after it (for the plan store). */
export async function readStored(db: Database, docName: string, upto?: number): Promise<StoredDoc> {
	const { docSnapshots, docUpdates } = db.t;
	const [snap] = await db.orm.select().from(docSnapshots).where(eq(docSnapshots.docName, docName));
	const uptoSeq = snap?.uptoSeq ?? 0;
	const tail = await db.orm
		.select({ seq: docUpdates.seq, data: docUpdates.data })
		.from(docUpdates)
		.where(
			and(
				eq(docUpdates.docName, docName),
				gt(docUpdates.seq, uptoSeq),
				upto === undefined ? undefined : lte(docUpdates.seq, upto)
			)
		)
		.orderBy(asc(docUpdates.seq));
	return { snapshot: snap?.state ?? null, uptoSeq, tail };
}

/** Highest committed seq of a document (waiting, on PostgreSQL, for appends in flight). */
export async function committedHead(db: Database, docName: string): Promise<number> {
	if (db.pgPool) {
		const client = await db.pgPool.connect();
		try {
			await client.query('begin');
			await client.query('select pg_advisory_xact_lock($1)', [lockKey(docName)]);
			const { rows } = await client.query<{ head: string | null }>(
				'select max(seq) as head from doc_updates where doc_name = $1',
				[docName]
			);
			await client.query('commit');
			return Number(rows[0].head ?? 0);
		} catch (e) {
			await client.query('rollback').catch(() => undefined);
			throw e;
		} finally {
			client.release();
		}
	}
	const [row] = await db.orm
		.select({ head: max(db.t.docUpdates.seq) })
		.from(db.t.docUpdates)
		.where(eq(db.t.docUpdates.docName, docName));
	return row?.head ?? 0;
}

/** Records `state` as the document up to log entry `head` (never moving a snapshot backwards). */
export async function putSnapshot(db: Database, docName: string, state: Uint8Array, head: number): Promise<void> {
	const { docSnapshots } = db.t;
	const data = toBuffer(state);
	await db.orm
		.insert(docSnapshots)
		.values({ docName, state: data, uptoSeq: head, updatedAt: new Date() })
		.onConflictDoUpdate({
			target: docSnapshots.docName,
			set: { state: data, uptoSeq: head, updatedAt: new Date() },
			// Never move a snapshot backwards when two instances compact at once.
			setWhere: lte(docSnapshots.uptoSeq, head)
		});
}

/** Every logged update of a document with who sent it and when, oldest first (attribution). */
export async function entries(db: Database, docName: string) {
	const { docUpdates } = db.t;
	return db.orm
		.select({ seq: docUpdates.seq, data: docUpdates.data, userId: docUpdates.userId, createdAt: docUpdates.createdAt })
		.from(docUpdates)
		.where(eq(docUpdates.docName, docName))
		.orderBy(asc(docUpdates.seq));
}

/** When the newest logged update of a document was accepted (null when none is logged). */
export async function lastUpdateAt(db: Database, docName: string): Promise<Date | null> {
	const { docUpdates } = db.t;
	const [row] = await db.orm
		.select({ at: docUpdates.createdAt })
		.from(docUpdates)
		.where(eq(docUpdates.docName, docName))
		.orderBy(desc(docUpdates.seq))
		.limit(1);
	return row?.at ?? null;
}

/**
 * A cheap fingerprint of a document's stored content (highest seq and number of log rows): it
 * changes whenever an update commits, so readers can cache what they derive from the content.
 */
export async function contentMark(db: Database, docName: string): Promise<string> {
	const { docUpdates } = db.t;
	const [row] = await db.orm
		.select({ head: max(docUpdates.seq), n: sql<string | number>`count(*)` })
		.from(docUpdates)
		.where(eq(docUpdates.docName, docName));
	return `${row?.head ?? 0}:${row?.n ?? 0}`;
}
