/**
 * Input at the boundaries. Every form action and JSON endpoint declares one valibot schema for
 * what it reads, so commands receive typed, trimmed values, and a refusal has one shape
 * everywhere: `{ error, field }`, where `error` is a message key the page translates (Thai
 * first, English second) and `field` names the input it is about.
 */
import * as v from 'valibot';
import type { MessageKey } from '$lib/i18n';

export interface InputRefusal {
	error: MessageKey;
	/** The form field or JSON property the refusal is about. */
	field: string;
}

export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & InputRefusal);

/** A schema whose issue messages are message keys (the helpers below guarantee it). */
type Schema = v.GenericSchema<Record<string, unknown>, Record<string, unknown>>;

/** Checks `raw` against `schema`; the first issue becomes the refusal. */
export function parseInput<S extends Schema>(schema: S, raw: unknown): Parsed<v.InferOutput<S>> {
	const result = v.safeParse(schema, raw, { abortEarly: true });
	if (result.success) return { ok: true, value: result.output };
	const issue = result.issues[0];
	const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
	return { ok: false, error: issue.message as MessageKey, field };
}

/**
 * Reads a submitted form. Text fields only: an upload arriving where text is expected is
 * refused as the wrong kind of value (uploads have their own bounded reader).
 */
export async function readForm<S extends Schema>(request: Request, schema: S): Promise<Parsed<v.InferOutput<S>>> {
	const form = await request.formData();
	const raw: Record<string, unknown> = {};
	for (const [key, value] of form) if (!(key in raw)) raw[key] = value;
	return parseInput(schema, raw);
}

// Field schemas. Each message is a message key (see src/lib/i18n/th.ts).

/** Optional free text, trimmed, at most `max` characters; absent means ''. */
export const text = (max: number) =>
	v.pipe(v.optional(v.string('invalidInput'), ''), v.trim(), v.maxLength(max, 'textTooLong'));

/** Free text that must not be empty after trimming. */
export const requiredText = (max: number) =>
	v.pipe(v.optional(v.string('invalidInput'), ''), v.trim(), v.nonEmpty('required'), v.maxLength(max, 'textTooLong'));

/**
 * A password as typed: never trimmed (spaces are part of it), at most `max` characters so a
 * huge body cannot make the password hash the bottleneck; the length rules stay with the
 * password module.
 */
export const secret = (max = 1024) => v.pipe(v.optional(v.string('invalidInput'), ''), v.maxLength(max, 'textTooLong'));

/**
 * Text whose rules (empty, too long) belong to the command that stores it: the boundary only
 * refuses what is not text at all, so `{ "body": {} }` is not stored as "[object Object]".
 */
export const commandText = () => v.optional(v.string('invalidInput'), '');

/** An identifier we issued (ids, tokens): letters, digits, `_` and `-`. */
export const id = () => v.pipe(v.string('invalidInput'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalidInput'));

/** One of a fixed list of values. */
export const choice = <const T extends readonly string[]>(values: T) => v.picklist(values, 'invalidInput');

/** A checkbox-like flag sent as "true"/"false" (anything else is false). */
export const flag = () => v.pipe(v.optional(v.string('invalidInput'), 'false'), v.transform((s) => s === 'true'));

/** A Buddhist-era fiscal year typed into a form. */
export const fiscalYearBE = () =>
	v.pipe(
		v.optional(v.string('badFiscalYear'), ''),
		v.trim(),
		v.regex(/^\d{4}$/, 'badFiscalYear'),
		v.transform(Number),
		v.minValue(2500, 'badFiscalYear'),
		v.maxValue(2700, 'badFiscalYear')
	);
