import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { signIn } from '$lib/server/commands/sessionCreator';
import { endSession } from '$lib/server/commands/sessionEnder';
import { setSessionCookie } from '$lib/server/auth/session';
import { safeNext } from '$lib/server/auth/guard';
import * as v from 'valibot';
import { readForm, requiredText, secret } from '$lib/server/input';

const Credentials = v.object({ username: requiredText(64), password: v.pipe(secret(), v.nonEmpty('required')) });

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
}

export const actions = {
	default: async ({ request, cookies, locals, url, setHeaders }) => {
		const input = await readForm(request, Credentials);
		// Whatever is wrong with the input, the answer is the one a wrong password gets.
		if (!input.ok) return fail(400, { username: '', error: 'invalidCredentials' as const });
		const { username, password } = input.value;
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
