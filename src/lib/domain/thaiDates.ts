/** Date and time for the interface: Buddhist era in Thai, Gregorian in English. */
import type { Locale } from '$lib/i18n';

export function formatDateTime(date: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Bangkok'
	}).format(date);
}
