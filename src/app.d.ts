import type { Locale } from '$lib/i18n';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** The signed-in user, from the session cookie; null when signed out. */
			user: SessionUser | null;
			sessionId: string | null;
			/** Cookies get the Secure flag when the public origin is HTTPS. */
			secureCookies: boolean;
			/** The client's address (through the trusted proxy header when configured). */
			clientAddress: string;
		}
		interface PageData {
			locale?: Locale;
		}
	}
}

export {};
