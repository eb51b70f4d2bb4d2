import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { getEmblem } from '$lib/server/db/emblem';
import { emblemResponse } from '$lib/server/emblemResponse';

/** The signed-in person's organization's emblem (settings page, print view). */
export async function GET({ locals, request }) {
	if (!locals.user) error(401, 'sign in first');
	return emblemResponse(await getEmblem((await runtime()).db, locals.user.orgId), request, 'private');
}
