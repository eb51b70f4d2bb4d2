export function load({ locals, url }) {
	return { locale: locals.locale, path: url.pathname };
}
