/**
 * Sessions the way Lucia's guide teaches them: a random token in an HttpOnly cookie, only its
 * SHA-256 in the database, 30-day expiry that slides forward when used in the last 15 days.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Database } from '../db';
import * as sessions from '../db/sessions';
import { generateToken, tokenId } from './tokens';
import { isOrgRole } from '$lib/domain/roles';
import type { Actor } from '../policies/plan';

export const SESSION_COOKIE = 'ruamphaen_session';
const DAY = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WITHIN_MS = 15 * DAY;
/** Expired sessions are otherwise deleted only when their cookie comes back, which most never do. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
let lastPurge = 0;

export interface SessionUser extends Actor {
	username: string;
	displayName: string;
	position: string;
}

export interface ValidSession {
	id: string;
	expiresAt: Date;
	user: SessionUser;
}

export async function createSession(db: Database, userId: string, meta: { userAgent?: string; ip?: string } = {}) {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	const id = tokenId(token);
	await sessions.insert(db, { id, userId, expiresAt, userAgent: (meta.userAgent ?? '').slice(0, 300), ip: meta.ip ?? '' });
	if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
		lastPurge = Date.now();
		await sessions.removeExpired(db);
	}
	return { token, id, expiresAt };
}

/** The session a cookie token names, renewed when due; null when unknown, expired or disabled. */
export async function validateSessionToken(db: Database, token: string): Promise<ValidSession | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = tokenId(token);
	const row = await sessions.getWithUser(db, id);
	if (!row) return null;
	const { session, user } = row;
	if (Date.now() >= session.expiresAt.getTime() || user.disabledAt || !isOrgRole(user.orgRole)) {
		await sessions.remove(db, id);
		return null;
	}
	let expiresAt = session.expiresAt;
	if (expiresAt.getTime() - Date.now() < RENEW_WITHIN_MS) {
		expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		await sessions.setExpiry(db, id, expiresAt);
	}
	return {
		id,
		expiresAt,
		user: { id: user.id, orgId: user.orgId, orgRole: user.orgRole, username: user.username, displayName: user.displayName, position: user.position }
	};
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(SESSION_COOKIE, '', { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 0 });
}

/** The session token in a raw Cookie header (the WebSocket upgrade has no SvelteKit cookies). */
export function tokenFromCookieHeader(header: string | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
	}
	return null;
}
