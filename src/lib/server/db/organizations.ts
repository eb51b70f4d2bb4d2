/** Queries on organizations. */
import { eq } from 'drizzle-orm';
import type { Database } from './index';
import { newId } from '../ids';

export async function byId(db: Database, id: string) {
	const [row] = await db.orm.select().from(db.t.organizations).where(eq(db.t.organizations.id, id));
	return row ?? null;
}

export async function bySlug(db: Database, slug: string) {
	const [row] = await db.orm.select().from(db.t.organizations).where(eq(db.t.organizations.slug, slug));
	return row ?? null;
}

export async function insert(
	db: Database,
	fields: { type: string; name: string; slug: string; district?: string; province?: string; executiveTitle?: string }
) {
	const [row] = await db.orm
		.insert(db.t.organizations)
		.values({ id: newId(), district: '', province: '', executiveTitle: '', ...fields, createdAt: new Date() })
		.returning();
	return row;
}
