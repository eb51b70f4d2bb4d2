/**
 * Signs in one person of each kind the permission matrix knows: the demo users for the plan
 * roles, a new organization member invited by the admin, and the admin of another
 * organization created with the operator CLI.
 */
import { spawnSync } from 'node:child_process';
import type { Who } from '../../src/lib/server/policies/planMatrix.fixture';
import { ROOT, type RunningServer } from './server';
import { postAction, sessionCookieFrom, signIn } from './http';

const DEMO_USER: Partial<Record<Who, string>> = {
	planning_officer: 'officer',
	support_committee: 'support',
	development_committee: 'committee',
	executive: 'mayor',
	viewer: 'viewer',
	orgAdmin: 'admin'
};

/** Invites a person as `admin` and accepts the invitation; returns the new person's cookie. */
export async function inviteAndAccept(server: RunningServer, adminCookie: string, username: string, orgRole = 'member'): Promise<string> {
	const invited = await postAction(server, '/org/members?/invite', { displayName: `ทดสอบ ${username}`, orgRole }, adminCookie);
	const url = (invited.data as { invitationUrl?: string })?.invitationUrl;
	if (!url) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
	const accepted = await postAction(server, new URL(url).pathname, { username, password: `${username}-password-1`, displayName: `ทดสอบ ${username}` });
	const cookie = sessionCookieFrom(accepted.setCookie);
	if (!cookie) throw new Error(`accepting failed: ${JSON.stringify(accepted.body)}`);
	return cookie;
}

/** Creates another organization with its admin through the operator CLI (same data dir). */
export function createOtherOrgAdmin(dataDir: string, username: string, password: string) {
	const result = spawnSync(
		process.execPath,
		['server/cli.js', 'create-admin', '--org-name', 'องค์การบริหารส่วนตำบลอื่น', '--org-type', 'องค์การบริหารส่วนตำบล', '--org-slug', 'other-org', '--username', username, '--display-name', 'ผู้ดูแล อบต.อื่น'],
		{ cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, RUAMPHAEN_ADMIN_PASSWORD: password, DATABASE_URL: '' }, encoding: 'utf8' }
	);
	if (result.status !== 0) throw new Error(`create-admin failed: ${result.stderr}`);
	return result.stdout;
}

/** Cookie header per kind of person (undefined for anonymous). */
export async function signInEveryone(server: RunningServer, dataDir: string): Promise<Record<Who, string | undefined>> {
	const cookies = {} as Record<Who, string | undefined>;
	for (const [who, username] of Object.entries(DEMO_USER)) cookies[who as Who] = await signIn(server, username);
	cookies.orgMember = await inviteAndAccept(server, cookies.orgAdmin!, 'member1');
	createOtherOrgAdmin(dataDir, 'outsider', 'outsider-password-1');
	cookies.outsider = await signIn(server, 'outsider', 'outsider-password-1');
	cookies.anonymous = undefined;
	return cookies;
}
