import { json } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import * as plans from '$lib/server/db/plans';
import { planDocName } from '$lib/domain/docNames';

/** The plans the caller can open, with their collaboration document names. */
export async function GET() {
	const { db } = await runtime();
	const rows = await plans.list(db);
	return json(rows.map((p) => ({ id: p.id, title: p.title, fiscalYear: p.fiscalYear, edition: p.edition, state: p.state, docName: planDocName(p.id) })));
}
