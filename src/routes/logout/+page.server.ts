import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { endSession } from '$lib/server/commands/sessionEnder';
import { deleteSessionCookie } from '$lib/server/auth/session';

export function load() {
	redirect(303, '/');
}

export const actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await endSession((await runtime()).db, locals.sessionId);
		deleteSessionCookie(cookies, locals.secureCookies);
		redirect(303, '/login');
	}
};
