/** Password hashing with argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

/** A hash of a random password, verified against when the account does not exist so that
 * "no such user" takes as long as "wrong password". */
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	if (passwordHash === null) {
		decoy ??= hashPassword(crypto.randomUUID());
		await verify(await decoy, password).catch(() => false);
		return false;
	}
	return verify(passwordHash, password).catch(() => false);
}

/** Reason a new password is refused, or null when acceptable. */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
	if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
	return null;
}
