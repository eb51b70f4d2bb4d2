import { runtime } from '$lib/server/runtime';
import { requireActor } from '$lib/server/http';
import { loadMinutes } from '$lib/server/meetingMinutes';
import { renderMinutesDocx } from '$lib/server/export/minutesDocx';

/** The minutes as DOCX (government layout, TH Sarabun New), for the secretary to finish and have signed. */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { model, label } = await loadMinutes((await runtime()).db, user, params.id, params.meetingId);
	const file = await renderMinutesDocx(model);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="minutes-${label}.docx"; filename*=UTF-8''${encodeURIComponent(`รายงานการประชุม-${label}.docx`)}`,
			'cache-control': 'private, no-store'
		}
	});
}
