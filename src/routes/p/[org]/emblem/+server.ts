import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { bySlug } from '$lib/server/db/organizations';
import { getEmblem } from '$lib/server/db/emblem';
import { emblemResponse } from '$lib/server/emblemResponse';

/** An organization's emblem for its public pages, readable without signing in. */
export async function GET({ params, request }) {
	if (!/^[a-z0-9-]{1,64}$/.test(params.org)) error(404, 'not found');
	const { db } = await runtime();
	const org = await bySlug(db, params.org);
	if (!org) error(404, 'not found');
	return emblemResponse(await getEmblem(db, org.id), request, 'public');
}
