import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { acceptInvitation, findUsableInvitation } from '$lib/server/commands/invitationAccepter';
import { setSessionCookie } from '$lib/server/auth/session';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import * as organizations from '$lib/server/db/organizations';
import * as v from 'valibot';
import { commandText, readForm, secret } from '$lib/server/input';

/** Username and display name rules (length, characters) belong to the accepting command. */
const Acceptance = v.object({ username: commandText(), password: secret(), displayName: commandText() });

export async function load({ params }) {
	const { db } = await runtime();
	const invitation = await findUsableInvitation(db, params.token);
	const org = invitation ? await organizations.byId(db, invitation.orgId) : null;
	return {
		minPasswordLength: MIN_PASSWORD_LENGTH,
		invitation: invitation && { displayName: invitation.displayName, orgRole: invitation.orgRole, orgName: org?.name ?? '' }
	};
}

export const actions = {
	default: async ({ params, request, cookies, locals, setHeaders }) => {
		const input = await readForm(request, Acceptance);
		if (!input.ok) return fail(400, { username: '', error: 'invalidInput' as const });
		const { username } = input.value;
		const result = await acceptInvitation((await runtime()).db, {
			token: params.token,
			...input.value,
			userAgent: request.headers.get('user-agent') ?? '',
			ip: locals.clientAddress
		});
		if (!result.ok && result.reason === 'throttled') {
			setHeaders({ 'retry-after': String(result.retryAfter) });
			return fail(429, { username, error: result.reason, retryAfter: result.retryAfter });
		}
		if (!result.ok) return fail(400, { username, error: result.reason });
		setSessionCookie(cookies, result.token, result.expiresAt, locals.secureCookies);
		redirect(303, '/');
	}
};
