/**
 * Signs in one person of each kind the permission matrix knows: the demo users for the plan
 * roles, a new organization member invited by the admin, and the admin of another
 * organization created with the operator CLI.
 */
import { spawnSync } from 'node:child_process';
import { SEATED, type SeatedWho, type Who } from '../../src/lib/server/policies/planMatrix.fixture';
import { ROOT, type RunningServer } from './server';
import { demoPlan, postAction, sessionCookieFrom, signIn } from './http';
import { queryData, type DataTarget } from './dataQuery';

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
	const plan = await demoPlan(server, cookies.planning_officer!);
	for (const who of Object.keys(SEATED) as SeatedWho[]) {
		cookies[who] = await seatOnPlan(server, dataDir, cookies.orgAdmin!, cookies.planning_officer!, plan.id, who.replace('_', ''), SEATED[who]);
	}
	createOtherOrgAdmin(dataDir, 'outsider', 'outsider-password-1');
	cookies.outsider = await signIn(server, 'outsider', 'outsider-password-1');
	cookies.anonymous = undefined;
	return cookies;
}

/** Invites a new person and makes them a committee member with a seat on a plan (meeting mode); returns their cookie. */
export async function seatOnPlan(
	server: RunningServer,
	dataDir: DataTarget,
	adminCookie: string,
	officerCookie: string,
	planId: string,
	username: string,
	member: { role: string; seat: string | null }
): Promise<string> {
	const cookie = await inviteAndAccept(server, adminCookie, username);
	const [{ id }] = await queryData<{ id: string }>(dataDir, 'select id from users where username = ?', [username]);
	const saved = await postAction(server, `/plans/${planId}/members`, { userId: id, role: member.role, seat: member.seat ?? '' }, officerCookie);
	if (saved.body.type !== 'success') throw new Error(`membership failed: ${JSON.stringify(saved.body)}`);
	return cookie;
}
