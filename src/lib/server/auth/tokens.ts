/** Secret tokens for cookies and links: random, shown once, stored only as SHA-256. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sha256Hex } from '../hash';

/** 160 random bits, lower-case base32. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database id of a token: its SHA-256 in hex. */
export function tokenId(token: string): string {
	return sha256Hex(token);
}
