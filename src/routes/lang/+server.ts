import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';

/** Switches the interface language and returns to the page the user was on. */
export function GET({ url, cookies }) {
	const to = url.searchParams.get('to');
	if (isLocale(to)) cookies.set('lang', to, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
	const back = url.searchParams.get('back') ?? '/';
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
}
