import { fail } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import * as sessions from '$lib/server/db/sessions';
import { changePassword } from '$lib/server/commands/passwordChanger';
import { endUserSessions } from '$lib/server/commands/sessionEnder';
import { setSessionCookie } from '$lib/server/auth/session';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import * as v from 'valibot';
import { readForm, secret } from '$lib/server/input';

const PasswordChange = v.object({ currentPassword: secret(), newPassword: secret() });

export async function load({ locals, url }) {
	const user = requireUser(locals, url);
	const rows = await sessions.listOf((await runtime()).db, user.id);
	return {
		account: { username: user.username, displayName: user.displayName, position: user.position },
		minPasswordLength: MIN_PASSWORD_LENGTH,
		sessions: rows.map((s) => ({ current: s.id === locals.sessionId, createdAt: s.createdAt.toISOString(), userAgent: s.userAgent, ip: s.ip }))
	};
}

export const actions = {
	password: async ({ request, locals, cookies, url, setHeaders }) => {
		const user = requireUser(locals, url);
		const input = await readForm(request, PasswordChange);
		if (!input.ok) return fail(400, { passwordError: 'invalidInput' as const });
		const result = await changePassword((await runtime()).db, {
			userId: user.id,
			...input.value,
			userAgent: request.headers.get('user-agent') ?? '',
			ip: locals.clientAddress
		});
		if (!result.ok && result.reason === 'throttled') {
			setHeaders({ 'retry-after': String(result.retryAfter) });
			return fail(429, { passwordError: result.reason, retryAfter: result.retryAfter });
		}
		if (!result.ok) return fail(400, { passwordError: result.reason });
		setSessionCookie(cookies, result.token, result.expiresAt, locals.secureCookies);
		return { passwordChanged: true };
	},
	signOutOthers: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const count = await endUserSessions((await runtime()).db, user.id, locals.sessionId ?? undefined);
		return { othersSignedOut: count };
	}
};
