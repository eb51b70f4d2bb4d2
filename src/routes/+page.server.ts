import { runtime } from '$server/runtime';
import * as plans from '$lib/server/db/plans';

export async function load() {
	const { db } = await runtime();
	const rows = await plans.list(db);
	return { plans: rows.map((p) => ({ id: p.id, title: p.title, fiscalYear: p.fiscalYear, state: p.state, updatedAt: p.updatedAt.toISOString() })) };
}
