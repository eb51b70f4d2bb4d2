/**
 * Roles, mirroring the regulation (OPERATIONAL_PLAN.md §6.1). A user has one role in their
 * organization and one role on each plan they are a member of. Rules about what a role may do
 * live in $lib/server/policies, never here or in components.
 */

/** Roles inside an organization. */
export const orgRoles = ['member', 'planning_officer', 'admin'] as const;
export type OrgRole = (typeof orgRoles)[number];

/** Roles on one plan. */
export const planRoles = ['planning_officer', 'support_committee', 'development_committee', 'executive', 'viewer'] as const;
export type PlanRole = (typeof planRoles)[number];

export function isOrgRole(value: unknown): value is OrgRole {
	return typeof value === 'string' && (orgRoles as readonly string[]).includes(value);
}

export function isPlanRole(value: unknown): value is PlanRole {
	return typeof value === 'string' && (planRoles as readonly string[]).includes(value);
}

/** Abilities on one plan; `policies/plan.ts` answers each one. */
export const planAbilities = [
	'read',
	'edit',
	'comment',
	'submitForReview',
	'forward',
	'return',
	'approve',
	'announce',
	'startAmendment',
	'importProjects',
	'manageMembers',
	'setDeadline',
	'extendDeadline',
	'readHistory',
	// Meeting mode (the committee meets in the plan).
	'holdMeeting',
	'attendMeeting',
	'propose',
	'resolve'
] as const;
export type PlanAbility = (typeof planAbilities)[number];

/**
 * A seat on the committee a member belongs to (plan role support_committee or
 * development_committee): the chair (ประธานกรรมการ) and the secretary (กรรมการและเลขานุการ)
 * run its meetings. A seat adds meeting abilities only; everything else follows the role.
 */
export const committeeSeats = ['chair', 'secretary'] as const;
export type CommitteeSeat = (typeof committeeSeats)[number];

export function isCommitteeSeat(value: unknown): value is CommitteeSeat {
	return typeof value === 'string' && (committeeSeats as readonly string[]).includes(value);
}

/** Abilities in one organization; `policies/org.ts` answers each one. */
export const orgAbilities = ['createPlan', 'inviteMembers', 'manageAccounts', 'manageDepartments', 'manageEmblem'] as const;
export type OrgAbility = (typeof orgAbilities)[number];

export const roleLabels: Record<OrgRole | PlanRole, { th: string; en: string }> = {
	member: { th: 'สมาชิก', en: 'Member' },
	admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
	planning_officer: { th: 'เจ้าหน้าที่วิเคราะห์นโยบายและแผน', en: 'Planning officer' },
	support_committee: { th: 'คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่น', en: 'Support committee' },
	development_committee: { th: 'คณะกรรมการพัฒนาท้องถิ่น', en: 'Development committee' },
	executive: { th: 'ผู้บริหารท้องถิ่น', en: 'Local executive' },
	viewer: { th: 'ผู้อ่าน', en: 'Viewer' }
};
