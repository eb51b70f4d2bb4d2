import { runtime } from '$lib/server/runtime';
import { requireActor } from '$lib/server/http';
import { loadMinutes } from '$lib/server/meetingMinutes';
import { PdfUnavailableError } from '$lib/server/export/pdf';
import { renderMinutesPdf } from '$lib/server/export/minutesPdf';

/** The minutes as PDF; 503 with a Thai + English reason without Chromium or past the deadline. */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { model, label } = await loadMinutes((await runtime()).db, user, params.id, params.meetingId);
	try {
		const pdf = await renderMinutesPdf(model);
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="minutes-${label}.pdf"; filename*=UTF-8''${encodeURIComponent(`รายงานการประชุม-${label}.pdf`)}`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		if (err instanceof PdfUnavailableError) {
			return new Response(`${err.th}\n${err.en}\n`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(err.retryAfter) } });
		}
		throw err;
	}
}
