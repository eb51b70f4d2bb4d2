/** Page guards: signed-out visitors go to the sign-in page and come back afterwards. */
import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './session';

export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** A same-site path to return to after sign-in; anything else becomes '/'. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
