import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { readEvidence } from '$lib/server/commands/evidenceKeeper';

/** An evidence file, as a download of the type its bytes showed, never rendered as a page. */
export async function GET({ params, locals }) {
	if (!locals.user) error(401, 'sign in first');
	if (!/^[a-z0-9]{1,64}$/.test(params.eid)) error(404, 'not found');
	const file = await readEvidence((await runtime()).db, locals.user, params.id, params.eid);
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.mimeType,
			'content-disposition': `attachment; filename="evidence.${file.mimeType === 'application/pdf' ? 'pdf' : file.mimeType === 'image/png' ? 'png' : 'jpg'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
}
