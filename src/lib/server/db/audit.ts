/**
 * The audit log: append-only, each row carrying the SHA-256 of the previous row's hash plus
 * its own content, so any edit, deletion or reordering of past rows breaks the chain.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from './index';
import { canonicalJson } from '$lib/domain/canonicalJson';
import { sha256Hex } from '../hash';

const AUDIT_LOCK = 727002;
const GENESIS = '0'.repeat(64);

export interface AuditEvent {
	orgId: string;
	planId?: string | null;
	actorId?: string | null;
	/** e.g. plans.transition, members.set, plans.export */
	action: string;
	data: Record<string, unknown>;
}

type Row = typeof import('./schema/sqlite').auditEvents.$inferSelect;

function rowHash(prevHash: string, row: Pick<Row, 'orgId' | 'planId' | 'actorId' | 'action' | 'data' | 'createdAt'>): string {
	return sha256Hex(
		prevHash + canonicalJson({ orgId: row.orgId, planId: row.planId, actorId: row.actorId, action: row.action, data: row.data, at: row.createdAt.getTime() })
	);
}

/** Appends an event. Call inside the transaction of the change it records. */
export async function record(db: Database, event: AuditEvent): Promise<void> {
	await db.lock(AUDIT_LOCK);
	const { auditEvents } = db.t;
	const [last] = await db.orm.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
	const prevHash = last?.hash ?? GENESIS;
	const row = {
		orgId: event.orgId,
		planId: event.planId ?? null,
		actorId: event.actorId ?? null,
		action: event.action,
		data: canonicalJson(event.data),
		createdAt: new Date()
	};
	await db.orm.insert(auditEvents).values({ ...row, prevHash, hash: rowHash(prevHash, row) });
}

export async function listForOrg(db: Database, orgId: string, limit = 500) {
	const { auditEvents } = db.t;
	return db.orm.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(desc(auditEvents.seq)).limit(limit);
}

export async function listForPlan(db: Database, planId: string) {
	const { auditEvents } = db.t;
	return db.orm.select().from(auditEvents).where(eq(auditEvents.planId, planId)).orderBy(asc(auditEvents.seq));
}

/** The plan's latest workflow transition: what it was, who made it, when, and the note given. */
export async function lastTransition(db: Database, planId: string) {
	const { auditEvents, users } = db.t;
	const [row] = await db.orm
		.select({ data: auditEvents.data, at: auditEvents.createdAt, by: users.displayName })
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.actorId))
		.where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, 'plans.transition')))
		.orderBy(desc(auditEvents.seq))
		.limit(1);
	if (!row) return null;
	const data = JSON.parse(row.data) as { transition?: string; note?: string | null };
	return { transition: data.transition ?? '', note: data.note ?? null, by: row.by ?? null, at: row.at };
}

/** Re-computes the whole chain; returns the first broken row's seq, or null when intact. */
export async function verifyChain(db: Database): Promise<{ ok: true; rows: number } | { ok: false; brokenAt: number }> {
	const { auditEvents } = db.t;
	const rows = await db.orm.select().from(auditEvents).orderBy(asc(auditEvents.seq));
	let prev = GENESIS;
	for (const row of rows) {
		if (row.prevHash !== prev || row.hash !== rowHash(prev, row)) return { ok: false, brokenAt: row.seq };
		prev = row.hash;
	}
	return { ok: true, rows: rows.length };
}
