/** Small helpers for JSON endpoints. */
import { error, json } from '@sveltejs/kit';
import type * as v from 'valibot';
import { parseInput, type Parsed } from './input';

/**
 * Reads a JSON object body. Only `application/json` is accepted: a cross-site page cannot
 * send it without a CORS preflight, which this app never grants.
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<Record<string, unknown>> {
	if (!request.headers.get('content-type')?.startsWith('application/json')) error(415, 'expected application/json');
	const text = await request.text();
	if (text.length > maxBytes) error(413, 'request too large');
	try {
		const value = JSON.parse(text) as unknown;
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		/* answered below */
	}
	error(400, 'expected a JSON object');
}

/**
 * Reads a JSON object body against a schema (src/lib/server/input.ts): typed values, or the
 * refusal to answer with `refusedInput`.
 */
export async function readJsonInput<S extends v.GenericSchema<Record<string, unknown>, Record<string, unknown>>>(
	request: Request,
	schema: S
): Promise<Parsed<v.InferOutput<S>>> {
	return parseInput(schema, await readJson(request));
}

/** Input refused at the boundary: 400 with the message key and the property it is about. */
export function refusedInput(refusal: { error: string; field: string }) {
	return json({ error: refusal.error, field: refusal.field }, { status: 400 });
}

/** A refused command as 400 with its reason, for the client to translate. */
export function refused(reason: string, status = 400) {
	return json({ error: reason }, { status });
}

export function requireActor(locals: App.Locals) {
	if (!locals.user) error(401, 'sign in first');
	return locals.user;
}
