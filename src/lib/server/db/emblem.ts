/** The organization's emblem row (one per organization); bytes were checked by domain/emblem.ts. */
import { eq } from 'drizzle-orm';
import type { Database } from './index';

export interface EmblemRow {
	orgId: string;
	mimeType: string;
	size: number;
	data: Buffer;
	sha256: string;
	uploadedBy: string;
	uploadedAt: Date;
}

export async function getEmblem(db: Database, orgId: string): Promise<EmblemRow | null> {
	const [row] = await db.orm.select().from(db.t.orgEmblems).where(eq(db.t.orgEmblems.orgId, orgId));
	return row ? { ...row, data: Buffer.from(row.data) } : null;
}

/** Without the bytes: whether there is one, and its validator. */
export async function emblemInfo(db: Database, orgId: string): Promise<{ sha256: string; uploadedAt: Date; size: number } | null> {
	const e = db.t.orgEmblems;
	const [row] = await db.orm.select({ sha256: e.sha256, uploadedAt: e.uploadedAt, size: e.size }).from(e).where(eq(e.orgId, orgId));
	return row ?? null;
}

export async function putEmblem(db: Database, row: EmblemRow): Promise<void> {
	const e = db.t.orgEmblems;
	await db.orm.delete(e).where(eq(e.orgId, row.orgId));
	await db.orm.insert(e).values(row);
}

export async function deleteEmblem(db: Database, orgId: string): Promise<boolean> {
	const e = db.t.orgEmblems;
	const rows = await db.orm.delete(e).where(eq(e.orgId, orgId)).returning({ orgId: e.orgId });
	return rows.length > 0;
}
