/**
 * A JSON request body read within a byte limit: a declared or counted overrun is refused
 * before it is parsed, and anything but a JSON object is refused as invalid input.
 */
import type { MessageKey } from '$lib/i18n';

export const JSON_BODY_MAX_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; error: MessageKey };

export async function readJsonBody(request: Request, max = JSON_BODY_MAX_BYTES): Promise<JsonBody> {
	if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return { ok: false, status: 415, error: 'invalidInput' };
	const declared = Number(request.headers.get('content-length'));
	// Not read; the server discards the rest (adapter-node caps any body at BODY_SIZE_LIMIT).
	if (Number.isFinite(declared) && declared > max) return { ok: false, status: 413, error: 'textTooLong' };
	const reader = request.body?.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	while (reader) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > max) return { ok: false, status: 413, error: 'textTooLong' };
		chunks.push(value);
	}
	try {
		const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ok: true, value: value as Record<string, unknown> } : { ok: false, status: 400, error: 'invalidInput' };
	} catch {
		return { ok: false, status: 400, error: 'invalidInput' };
	}
}
