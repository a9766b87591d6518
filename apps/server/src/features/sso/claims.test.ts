import { describe, expect, it } from 'vitest';
import { parseRoleClaims, readIdentityClaims } from './claims.ts';

const names = {
  login: 'preferred_username',
  name: 'name',
  nameKana: undefined,
  email: 'email',
  orgUnit: 'org_unit',
  roles: 'roles',
};

describe('parseRoleClaims', () => {
  it.each<[unknown, string[] | null, string[]]>([
    [undefined, null, []],
    [null, null, []],
    [['staff', 'bureau_head:kodomo'], ['staff:', 'bureau_head:kodomo'], []],
    ['staff reform_office', ['staff:', 'reform_office:'], []],
    ['staff,department_staff', ['staff:', 'department_staff:'], []],
    [
      ['boss', 'staff:kodomo:x', 'bureau_head:'],
      [],
      ['role:boss', 'role:staff:kodomo:x', 'role:bureau_head:'],
    ],
    [['system_admin:kodomo'], ['system_admin:'], []],
    [42, [], []],
  ])('%j', (value, roles, ignored) => {
    const parsed = parseRoleClaims(value);
    expect(parsed.roles?.map((claim) => `${claim.role}:${claim.orgUnitCode ?? ''}`) ?? null).toEqual(roles);
    expect(parsed.ignored).toEqual(ignored);
  });
});

describe('readIdentityClaims', () => {
  it('reads the configured claims, folding identifiers but not names', () => {
    expect(
      readIdentityClaims(
        {
          sub: 'abc',
          preferred_username: 'ＴＡＲＯ',
          name: '市役所 太郎（企画）',
          email: 'taro@city.example.lg.jp',
          org_unit: 'ｋｏｄｏｍｏ',
        },
        names,
      ),
    ).toEqual({
      subject: 'abc',
      login: 'TARO',
      displayName: '市役所 太郎（企画）',
      displayNameKana: null,
      email: 'taro@city.example.lg.jp',
      orgUnitCode: 'kodomo',
      roles: null,
      ignored: [],
    });
  });

  it('falls back from the login claim to the e-mail and then the subject', () => {
    expect(readIdentityClaims({ sub: 's1', email: 'a@b.example' }, names)?.login).toBe('a@b.example');
    expect(readIdentityClaims({ sub: 's-2', preferred_username: 'has space' }, names)).toMatchObject({
      login: 's-2',
      displayName: 's-2',
      ignored: ['login'],
    });
    expect(readIdentityClaims({ sub: 's3', email: 'not an email' }, names)).toMatchObject({
      email: null,
      ignored: ['email'],
    });
  });

  it('refuses claims without a usable subject', () => {
    expect(readIdentityClaims({}, names)).toBeNull();
    expect(readIdentityClaims({ sub: 'x'.repeat(300) }, names)).toBeNull();
    expect(readIdentityClaims({ sub: 'スペース あり' }, names)).toBeNull();
  });
});
