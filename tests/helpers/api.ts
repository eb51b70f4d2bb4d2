/** JSON endpoints with a session cookie, as the browser's fetch calls them. */
import type { RunningServer } from './server';

export async function api<T = unknown>(server: RunningServer, method: string, path: string, cookie: string | undefined, body?: unknown): Promise<{ status: number; body: T }> {
	const res = await fetch(server.url + path, {
		method,
		headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), origin: server.url },
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual'
	});
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		/* keep text */
	}
	return { status: res.status, body: parsed as T };
}
