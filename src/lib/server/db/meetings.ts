/** Queries on committee meetings: the meeting, its attendance, agenda, proposals and resolutions. */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Database } from './index';

type T = typeof import('./schema/sqlite');
export type MeetingRow = T['meetings']['$inferSelect'];
export type AttendanceRow = T['meetingAttendance']['$inferSelect'];
export type AgendaRow = T['meetingAgenda']['$inferSelect'];
export type ProposalRow = T['planProposals']['$inferSelect'];
export type ResolutionRow = T['meetingResolutions']['$inferSelect'];

export async function insertMeeting(db: Database, row: MeetingRow) {
	await db.orm.insert(db.t.meetings).values(row);
}

export async function get(db: Database, planId: string, id: string): Promise<MeetingRow | null> {
	const m = db.t.meetings;
	const [row] = await db.orm.select().from(m).where(and(eq(m.planId, planId), eq(m.id, id)));
	return row ?? null;
}

/** A plan's meetings, newest first. */
export async function listOfPlan(db: Database, planId: string): Promise<MeetingRow[]> {
	const m = db.t.meetings;
	return db.orm.select().from(m).where(eq(m.planId, planId)).orderBy(desc(m.createdAt));
}

/** The next ครั้งที่ of a committee in a Buddhist year. */
export async function nextNumber(db: Database, planId: string, committee: string, yearBe: number): Promise<number> {
	const m = db.t.meetings;
	const [row] = await db.orm.select({ n: max(m.number) }).from(m).where(and(eq(m.planId, planId), eq(m.committee, committee), eq(m.yearBe, yearBe)));
	return Number(row?.n ?? 0) + 1;
}

export async function update(db: Database, id: string, patch: Partial<Omit<MeetingRow, 'id' | 'planId'>>) {
	await db.orm.update(db.t.meetings).set(patch).where(eq(db.t.meetings.id, id));
}

// ───────────── attendance ─────────────

export async function attendance(db: Database, meetingId: string): Promise<AttendanceRow[]> {
	const a = db.t.meetingAttendance;
	return db.orm.select().from(a).where(eq(a.meetingId, meetingId)).orderBy(asc(a.markedAt));
}

export async function putAttendance(db: Database, row: AttendanceRow) {
	const a = db.t.meetingAttendance;
	await db.orm
		.insert(a)
		.values(row)
		.onConflictDoUpdate({ target: [a.meetingId, a.person], set: { status: row.status, name: row.name, position: row.position, markedBy: row.markedBy, markedAt: row.markedAt } });
}

// ───────────── agenda ─────────────

export async function agenda(db: Database, meetingId: string): Promise<AgendaRow[]> {
	const g = db.t.meetingAgenda;
	return db.orm.select().from(g).where(eq(g.meetingId, meetingId)).orderBy(asc(g.section), asc(g.order));
}

export async function insertAgendaItem(db: Database, row: AgendaRow) {
	await db.orm.insert(db.t.meetingAgenda).values(row);
}

export async function setAgendaOrder(db: Database, id: string, order: number) {
	await db.orm.update(db.t.meetingAgenda).set({ order }).where(eq(db.t.meetingAgenda.id, id));
}

// ───────────── proposals ─────────────

export async function insertProposal(db: Database, row: ProposalRow) {
	await db.orm.insert(db.t.planProposals).values(row);
}

export async function proposalsOfPlan(db: Database, planId: string): Promise<ProposalRow[]> {
	const p = db.t.planProposals;
	return db.orm.select().from(p).where(eq(p.planId, planId)).orderBy(asc(p.createdAt));
}

export async function proposal(db: Database, planId: string, id: string): Promise<ProposalRow | null> {
	const p = db.t.planProposals;
	const [row] = await db.orm.select().from(p).where(and(eq(p.planId, planId), eq(p.id, id)));
	return row ?? null;
}

/** Marks a pending proposal decided; false when someone decided it first. */
export async function decideProposal(db: Database, id: string, status: 'accepted' | 'rejected', resolutionId: string): Promise<boolean> {
	const p = db.t.planProposals;
	const rows = await db.orm.update(p).set({ status, resolutionId }).where(and(eq(p.id, id), eq(p.status, 'pending'))).returning({ id: p.id });
	return rows.length === 1;
}

// ───────────── resolutions ─────────────

export async function insertResolution(db: Database, row: ResolutionRow) {
	await db.orm.insert(db.t.meetingResolutions).values(row);
}

export async function resolutions(db: Database, meetingId: string): Promise<ResolutionRow[]> {
	const r = db.t.meetingResolutions;
	return db.orm.select().from(r).where(eq(r.meetingId, meetingId)).orderBy(asc(r.recordedAt));
}

/** The plan's meetings of `committee` that recorded at least one resolution, the latest date first. */
export async function meetingsWithResolutions(db: Database, planId: string, committee: string): Promise<MeetingRow[]> {
	const m = db.t.meetings;
	const r = db.t.meetingResolutions;
	return db.orm
		.select()
		.from(m)
		.where(and(eq(m.planId, planId), eq(m.committee, committee), inArray(m.id, db.orm.select({ id: r.meetingId }).from(r))))
		.orderBy(desc(m.date), desc(m.createdAt));
}
