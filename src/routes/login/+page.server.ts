import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import { signIn } from '$lib/server/commands/sessionCreator';
import { endSession } from '$lib/server/commands/sessionEnder';
import { setSessionCookie } from '$lib/server/auth/session';
import { safeNext } from '$lib/server/auth/guard';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
}

export const actions = {
	default: async ({ request, cookies, locals, url, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		if (!username || !password) return fail(400, { username, error: 'invalidCredentials' as const });
		const { db } = await runtime();
		const result = await signIn(db, { username, password, ip: locals.clientAddress, userAgent: request.headers.get('user-agent') ?? '' });
		if (!result.ok) {
			if (result.reason === 'throttled') {
				setHeaders({ 'retry-after': String(result.retryAfter) });
				return fail(429, { username, error: 'throttled' as const, retryAfter: result.retryAfter });
			}
			return fail(400, { username, error: 'invalidCredentials' as const });
		}
		// A fresh session every time: whatever session the browser carried in is ended.
		if (locals.sessionId) await endSession(db, locals.sessionId);
		setSessionCookie(cookies, result.token, result.expiresAt, locals.secureCookies);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
