/** Talks to the real server the way a browser does: form posts with an Origin, a session cookie. */
import type { RunningServer } from './server';

export const demoPassword = (username: string) => `${username}-demo-2569`;

export interface ActionResult {
	status: number;
	/** SvelteKit's action envelope: { type: 'success' | 'failure' | 'redirect' | 'error', status, data?, location? } */
	body: { type: string; status?: number; location?: string; data?: string; error?: { message: string } };
	/** Parsed `data` of a success or failure, when present. */
	data: unknown;
	setCookie: string[];
}

/** Posts form fields to a SvelteKit form action (e.g. '/login', '/account?/password'). */
export async function postAction(server: RunningServer, path: string, fields: Record<string, string>, cookie?: string): Promise<ActionResult> {
	const res = await fetch(server.url + path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	const body = (await res.json()) as ActionResult['body'];
	// A `fail()` arrives as HTTP 200 with its status inside the envelope.
	return { status: body.type === 'failure' && body.status ? body.status : res.status, body, data: body.data ? devalueData(body.data) : undefined, setCookie: res.headers.getSetCookie() };
}

/** SvelteKit serialises action data with devalue; our payloads are flat, so a small reader does. */
export function devalueData(data: string): unknown {
	const table = JSON.parse(data) as unknown[];
	const revive = (index: unknown): unknown => {
		if (typeof index !== 'number' || index < 0) return index === -1 ? undefined : index;
		const value = table[index];
		if (Array.isArray(value)) return value.map(revive);
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
		return value;
	};
	return revive(0);
}

export function sessionCookieFrom(setCookie: string[]): string | null {
	const line = setCookie.find((c) => c.startsWith('ruamphaen_session=') && !c.startsWith('ruamphaen_session=;'));
	return line ? line.split(';')[0] : null;
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(server: RunningServer, username: string, password = demoPassword(username)): Promise<string> {
	const result = await postAction(server, '/login', { username, password });
	const cookie = sessionCookieFrom(result.setCookie);
	if (result.body.type !== 'redirect' || !cookie) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.body)}`);
	return cookie;
}

export async function getJson<T>(server: RunningServer, path: string, cookie?: string): Promise<{ status: number; body: T }> {
	const res = await fetch(server.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		/* not JSON: keep the text */
	}
	return { status: res.status, body: body as T };
}

export interface PlanSummary {
	id: string;
	docName: string;
	state: string;
	role: string | null;
	abilities: Record<string, boolean>;
}

export async function demoPlan(server: RunningServer, cookie: string): Promise<PlanSummary> {
	const { status, body } = await getJson<PlanSummary[]>(server, '/api/plans', cookie);
	if (status !== 200 || !body.length) throw new Error(`no plan visible: ${status}`);
	return body[0];
}

/** A form action with a file field (multipart, as the browser sends it); `fail()` statuses are unwrapped like postAction's. */
export async function postFile(server: RunningServer, path: string, field: string, file: { bytes: Buffer; name: string; type: string }, cookie?: string): Promise<ActionResult> {
	const form = new FormData();
	form.set(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
	const res = await fetch(server.url + path, {
		method: 'POST',
		headers: { origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true', ...(cookie ? { cookie } : {}) },
		body: form,
		redirect: 'manual'
	});
	const text = await res.text();
	let body: ActionResult['body'];
	try {
		body = JSON.parse(text) as ActionResult['body'];
	} catch {
		return { status: res.status, body: { type: 'error' } as ActionResult['body'], data: undefined, setCookie: res.headers.getSetCookie() };
	}
	return { status: body.type === 'failure' && body.status ? body.status : res.status, body, data: body.data ? devalueData(body.data) : undefined, setCookie: res.headers.getSetCookie() };
}
