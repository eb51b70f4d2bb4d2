/**
 * Thai first, English second. Messages are plain typed dictionaries: the Thai one defines the
 * keys, the English one must provide every key (the type checker enforces it).
 */
import { th } from './th';
import { en } from './en';

const locales = ['th', 'en'] as const;
export type Locale = (typeof locales)[number];
export type MessageKey = keyof typeof th;
export type Messages = Record<MessageKey, string>;

const dictionaries: Record<Locale, Messages> = { th, en };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
	const text = dictionaries[locale][key];
	return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/** A translator bound to one locale, for components: `const t = translator(data.locale)`. */
export function translator(locale: Locale) {
	return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}
