/** Random identifiers: 120 bits, lowercase base32, safe in URLs and document names. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function newId(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
