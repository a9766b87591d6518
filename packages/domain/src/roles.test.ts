import { describe, expect, it } from 'vitest';
import {
  isRole,
  isScopedRole,
  ROLES,
  type Role,
  roleAssignmentSchema,
  roleLabel,
  roleSchema,
  SCOPED_ROLES,
} from './roles';

describe('ROLES', () => {
  it('lists the seven roles of the design', () => {
    expect(ROLES).toEqual([
      'reform_office',
      'executive',
      'bureau_head',
      'department_staff',
      'staff',
      'pt_member',
      'system_admin',
    ]);
  });

  it('marks bureau heads, department staff and PT members as scoped', () => {
    expect(SCOPED_ROLES).toEqual(['bureau_head', 'department_staff', 'pt_member']);
    expect(ROLES.filter(isScopedRole)).toEqual(['bureau_head', 'department_staff', 'pt_member']);
  });
});

describe('roleLabel', () => {
  it.each<[Role, string, string]>([
    ['reform_office', '市政変革室', 'Reform Office'],
    ['executive', '経営層', 'Executive'],
    ['bureau_head', '局長・区長等', 'Bureau or Ward Head'],
    ['department_staff', '所管部署担当', 'Department Staff'],
    ['staff', '職員', 'Staff'],
    ['pt_member', 'プラチナPTメンバー', 'Platinum PT Member'],
    ['system_admin', 'システム管理者', 'System Administrator'],
  ])('%s → %s / %s', (role, ja, en) => {
    expect(roleLabel(role)).toBe(ja);
    expect(roleLabel(role, 'ja')).toBe(ja);
    expect(roleLabel(role, 'en')).toBe(en);
  });

  it('throws for an unknown role', () => {
    expect(() => roleLabel('mayor' as Role, 'ja')).toThrow(RangeError);
  });
});

describe('isRole and roleSchema', () => {
  it('accept exactly the listed roles', () => {
    for (const role of ROLES) {
      expect(isRole(role)).toBe(true);
      expect(roleSchema.parse(role)).toBe(role);
    }
    for (const value of ['admin', 'Staff', '', null, 1, 'toString', '__proto__']) {
      expect(isRole(value)).toBe(false);
      expect(roleSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('roleAssignmentSchema', () => {
  it('requires a scope for scoped roles and forbids one otherwise', () => {
    for (const role of ROLES) {
      const scoped = isScopedRole(role);
      expect(roleAssignmentSchema.safeParse({ role, scope: 'org-unit-1' }).success, role).toBe(scoped);
      expect(roleAssignmentSchema.safeParse({ role, scope: null }).success, role).toBe(!scoped);
    }
  });

  it('rejects blank scopes and missing fields, pointing at the scope', () => {
    expect(roleAssignmentSchema.safeParse({ role: 'bureau_head', scope: '  ' }).success).toBe(false);
    expect(roleAssignmentSchema.safeParse({ role: 'bureau_head' }).success).toBe(false);
    const result = roleAssignmentSchema.safeParse({ role: 'staff', scope: 'org-unit-1' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['scope']]);
  });
});
