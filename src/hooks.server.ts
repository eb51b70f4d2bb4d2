import type { Handle, ServerInit } from '@sveltejs/kit';
import { startRuntime } from '$server/runtime';
import { isLocale } from '$lib/i18n';

/** Opens the database, runs migrations and starts the collaboration server before any request. */
export const init: ServerInit = async () => {
	await startRuntime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = event.cookies.get('lang');
	event.locals.locale = isLocale(lang) ? lang : 'th';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
