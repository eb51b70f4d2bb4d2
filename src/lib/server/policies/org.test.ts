import { describe, expect, it } from 'vitest';
import { mayGrantOrgRole, orgAbilitiesFor } from './org';
import { orgAbilities } from '$lib/domain/roles';

describe('org policy', () => {
	const MATRIX = {
		admin: { createPlan: true, inviteMembers: true, manageAccounts: true, manageDepartments: true, manageEmblem: true },
		planning_officer: { createPlan: true, inviteMembers: true, manageAccounts: false, manageDepartments: false, manageEmblem: false },
		member: { createPlan: false, inviteMembers: false, manageAccounts: false, manageDepartments: false, manageEmblem: false }
	} as const;

	it('lists exactly the abilities the policy decides', () => {
		for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual([...orgAbilities].sort());
	});

	for (const [role, expected] of Object.entries(MATRIX)) {
		it(`${role} in own organization`, () => {
			expect(orgAbilitiesFor({ id: 'u', orgId: 'o1', orgRole: role as keyof typeof MATRIX }, 'o1')).toEqual(expected);
		});
		it(`${role} of another organization may do nothing`, () => {
			expect(Object.values(orgAbilitiesFor({ id: 'u', orgId: 'o2', orgRole: role as keyof typeof MATRIX }, 'o1')).some(Boolean)).toBe(false);
		});
	}

	it('anonymous may do nothing', () => {
		expect(Object.values(orgAbilitiesFor(null, 'o1')).some(Boolean)).toBe(false);
	});

	it('lets only an admin hand out the admin role', () => {
		expect(mayGrantOrgRole({ id: 'u', orgId: 'o1', orgRole: 'admin' }, 'admin')).toBe(true);
		expect(mayGrantOrgRole({ id: 'u', orgId: 'o1', orgRole: 'planning_officer' }, 'admin')).toBe(false);
		expect(mayGrantOrgRole({ id: 'u', orgId: 'o1', orgRole: 'planning_officer' }, 'member')).toBe(true);
		expect(mayGrantOrgRole({ id: 'u', orgId: 'o1', orgRole: 'member' }, 'member')).toBe(false);
	});
});
