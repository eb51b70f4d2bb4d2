/**
 * Demo data for the embedded default: on an empty database, the fictional organization of the
 * sample plan, one user per role (demo-only passwords, printed once) and the sample plan.
 * Turned off with SEED_DEMO=false for real deployments.
 */
import type { Database } from '../db';
import * as organizations from '../db/organizations';
import * as users from '../db/users';
import * as plans from '../db/plans';
import * as planMembers from '../db/planMembers';
import { hashPassword } from '../auth/password';
import { log } from '../log';
import type { OrgRole, PlanRole } from '$lib/domain/roles';
import { createPlanContent } from '../plan/planStore';
import { importPlanJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';
import sample from './sample-plan.json';
import * as departments from '../db/departments';

interface DemoUser {
	username: string;
	displayName: string;
	position: string;
	orgRole: OrgRole;
	planRole: PlanRole | null;
	/** The department (กอง/สำนัก) the user reports progress for. */
	department?: string;
}

/** Demo accounts; the password of each is `<username>-demo-2569` (listed in the README). */
const DEMO_USERS: DemoUser[] = [
	{ username: 'admin', displayName: 'ผู้ดูแลระบบ (สาธิต)', position: 'ผู้ดูแลระบบ', orgRole: 'admin', planRole: null },
	{ username: 'officer', displayName: 'นางสาววิไลวรรณ แผนดี', position: 'นักวิเคราะห์นโยบายและแผน', orgRole: 'planning_officer', planRole: 'planning_officer' },
	{ username: 'support', displayName: 'นายสมชาย ช่วยงาน', position: 'ผู้อำนวยการกองช่าง', orgRole: 'member', planRole: 'support_committee', department: 'กองช่าง' },
	{ username: 'support2', displayName: 'นางมาลี ใจดี', position: 'ผู้อำนวยการกองการศึกษา', orgRole: 'member', planRole: 'support_committee', department: 'กองการศึกษา' },
	{ username: 'committee', displayName: 'นายประเสริฐ พัฒนา', position: 'ผู้ทรงคุณวุฒิ', orgRole: 'member', planRole: 'development_committee' },
	{ username: 'mayor', displayName: 'นายบุญมี ทองดี', position: 'นายกเทศมนตรีตำบลลำพะยอมทอง', orgRole: 'member', planRole: 'executive' },
	{ username: 'viewer', displayName: 'นางสาวสมศรี อ่านดี', position: 'ผู้แทนประชาคม', orgRole: 'member', planRole: 'viewer' }
];

export function demoPassword(username: string): string {
	return `${username}-demo-2569`;
}

/** Seeds an empty database; does nothing when any user exists. */
export async function seedDemo(db: Database): Promise<void> {
	if ((await users.count(db)) > 0) return;
	const o = sample.organization;
	const org = await organizations.insert(db, {
		type: o.type,
		name: o.name,
		slug: 'lamphayomthong',
		district: o.district,
		province: o.province,
		executiveTitle: o.executiveTitle
	});
	const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(demoPassword(u.username))));
	const plan = await plans.create(db, { orgId: org.id, fiscalYear: sample.document.fiscalYear, title: sample.document.title });
	// The plan's departments; the two division directors report progress for their own.
	const seeded = new Map<string, string>();
	for (const name of o.departments) seeded.set(name, (await departments.addDepartment(db, org.id, name)).id);
	for (const [i, u] of DEMO_USERS.entries()) {
		const user = await users.insert(db, { orgId: org.id, username: u.username, displayName: u.displayName, position: u.position, orgRole: u.orgRole, passwordHash: hashes[i] });
		if (u.planRole) await planMembers.set(db, plan.id, user.id, u.planRole);
		const department = u.department && seeded.get(u.department);
		if (department) await departments.setMemberDepartments(db, org.id, user.id, [department]);
	}
	await db.tx((tx) => createPlanContent(tx, plan.id, null, (doc) => importPlanJson(doc, sample as unknown as PlanJson)));
	log().info({ planId: plan.id, orgId: org.id }, 'seeded demo organization, users and plan');
	process.stdout.write(
		[
			'',
			'Demo accounts (demo only — set SEED_DEMO=false for real use):',
			...DEMO_USERS.map((u) => `  ${u.username.padEnd(10)} ${demoPassword(u.username).padEnd(22)} ${u.planRole ?? u.orgRole}`),
			''
		].join('\n') + '\n'
	);
}
