import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { findAnnouncedReport } from '$lib/server/publicReports';

/** Public, permanent page of an announced monitoring report: readable without signing in. */
export async function load({ params, setHeaders, locals }) {
	const year = Number(params.year);
	if (!Number.isInteger(year) || !/^[a-z0-9]{1,64}$/.test(params.rid)) error(404, 'not found');
	const found = await findAnnouncedReport((await runtime()).db, params.org, year, params.rid);
	if (!found) error(404, 'not found');
	setHeaders({ 'cache-control': locals.user ? 'private, no-cache' : 'public, no-cache', vary: 'Cookie' });
	return { report: found };
}
