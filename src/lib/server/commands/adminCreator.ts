/** First run (operator CLI): creates an organization and its first admin account. */
import type { Database } from '../db';
import * as organizations from '../db/organizations';
import * as users from '../db/users';
import { hashPassword, passwordProblem } from '../auth/password';
import { USERNAME_PATTERN } from './invitationAccepter';

export interface CreateAdminProps {
	org: { type: string; name: string; slug: string; district?: string; province?: string; executiveTitle?: string };
	username: string;
	displayName: string;
	password: string;
}

/** Throws an Error with a one-line, operator-facing message on bad input. */
export async function createAdmin(db: Database, props: CreateAdminProps) {
	const username = users.normalizeUsername(props.username);
	if (!USERNAME_PATTERN.test(username)) throw new Error('username: use a-z 0-9 . _ - (3–40 characters)');
	const problem = passwordProblem(props.password);
	if (problem) throw new Error(`password is ${problem === 'tooShort' ? 'too short (10 characters at least)' : 'too long'}`);
	if (!/^[a-z0-9-]{2,40}$/.test(props.org.slug)) throw new Error('org slug: use a-z 0-9 - (2–40 characters)');
	if (await users.byUsername(db, username)) throw new Error(`username "${username}" is taken`);
	const passwordHash = await hashPassword(props.password);
	return db.tx(async (tx) => {
		const org = (await organizations.bySlug(tx, props.org.slug)) ?? (await organizations.insert(tx, props.org));
		const user = await users.insert(tx, { orgId: org.id, username, displayName: props.displayName, orgRole: 'admin', passwordHash });
		return { org, user };
	});
}
