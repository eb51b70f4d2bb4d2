import { parsePrintSettings } from '$lib/domain/print/model';
import { printCss } from '$lib/components/print/printCss';

/**
 * The print document's stylesheet for the settings in the query (the print route links it).
 * Served as a file rather than inlined so that no page needs an inline <style> built at run
 * time; its only inputs are the enumerated settings, never plan text.
 */
export function GET({ url }) {
	return new Response(printCss(parsePrintSettings(url.searchParams)), {
		headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
}
