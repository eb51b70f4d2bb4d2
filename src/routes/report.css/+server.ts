import { reportCss } from '$lib/components/report/reportCss';

/** The monitoring report's stylesheet (constants only), linked by report pages. */
export function GET() {
	return new Response(reportCss, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
