import { describe, expect, it } from 'vitest';
import type { Cluster, ClusterRegister } from '../types';
import { buildRegisterView, orderByCode, orderedGroups } from './group-clusters';

function cluster(number: number, group: string, kind: string | null, isAnalysisTarget = false): Cluster {
  return {
    id: `c${number}`,
    number,
    name: `クラスター${number}`,
    group: { code: group, name: group },
    kind: kind ? { code: kind, name: kind } : null,
    isAnalysisTarget,
    owningOrgUnits: [],
  };
}

const register: ClusterRegister = {
  fiscalYear: 2024,
  // Deliberately not in the seed's order: the register must put it right.
  groups: [
    { code: 'organization', name: '組織強化グループ', nameEn: 'Organization', approach: 'O', kinds: [] },
    {
      code: 'policy_program',
      name: '施策・事業グループ',
      nameEn: 'Policy',
      approach: '',
      kinds: [
        { code: 'national_system', name: '国制度関連施策', nameEn: 'National', approach: 'N' },
        { code: 'operations', name: 'オペレーション系施策', nameEn: 'Operations', approach: 'Op' },
        { code: 'city_original', name: '市独自施策', nameEn: 'City', approach: 'C' },
      ],
    },
    { code: 'cross_cutting', name: '横断制度グループ', nameEn: 'Cross', approach: 'X', kinds: [] },
  ],
  items: [
    cluster(23, 'policy_program', 'city_original', true),
    cluster(8, 'policy_program', 'operations'),
    cluster(1, 'policy_program', 'city_original'),
    cluster(22, 'policy_program', 'national_system', true),
    cluster(39, 'cross_cutting', null),
    cluster(57, 'organization', null),
    cluster(50, 'organization', null),
  ],
};

describe('orderByCode', () => {
  it('puts known codes in order and keeps unknown ones after them in their given order', () => {
    const items = [{ code: 'z' }, { code: 'b' }, { code: 'y' }, { code: 'a' }];
    expect(orderByCode(items, ['a', 'b']).map((item) => item.code)).toEqual(['a', 'b', 'z', 'y']);
  });
});

describe('buildRegisterView', () => {
  it('orders groups and kinds as slide 2 does and clusters by number', () => {
    const view = buildRegisterView(register, {});
    expect(view.groups.map((group) => group.definition.code)).toEqual([
      'policy_program',
      'cross_cutting',
      'organization',
    ]);
    const policy = view.groups[0];
    expect(policy?.kinds.map((kind) => kind.definition?.code)).toEqual([
      'operations',
      'city_original',
      'national_system',
    ]);
    expect(policy?.kinds[1]?.clusters.map((item) => item.number)).toEqual([1, 23]);
    expect(view.groups[2]?.clusters.map((item) => item.number)).toEqual([50, 57]);
  });

  it('counts clusters and targets per group and kind', () => {
    const view = buildRegisterView(register, {});
    expect(view.total).toBe(7);
    expect(view.targets).toBe(2);
    expect(view.shown).toBe(7);
    expect(view.groups[0]).toMatchObject({ total: 4, targets: 2 });
    expect(view.groups[0]?.kinds[1]).toMatchObject({ total: 2, targets: 1 });
  });

  it('filters by group, by kind and to targets only, keeping the whole-year counts', () => {
    expect(buildRegisterView(register, { group: 'organization' }).groups).toHaveLength(1);
    const byKind = buildRegisterView(register, { kind: 'national_system' });
    expect(byKind.groups.map((group) => group.definition.code)).toEqual(['policy_program']);
    expect(byKind.shown).toBe(1);
    const targets = buildRegisterView(register, { targetsOnly: true });
    expect(targets.shown).toBe(2);
    expect(targets.groups[0]?.kinds[1]).toMatchObject({ total: 2, targets: 1 });
    expect(targets.groups[0]?.kinds[1]?.clusters.map((item) => item.number)).toEqual([23]);
  });

  it('keeps clusters whose group or kind the definitions lack', () => {
    const odd: ClusterRegister = {
      ...register,
      items: [...register.items, cluster(60, 'new_group', null), cluster(61, 'policy_program', null)],
    };
    expect(orderedGroups(odd).map((group) => group.code)).toContain('new_group');
    const view = buildRegisterView(odd, {});
    expect(view.shown).toBe(9);
    expect(view.groups[0]?.kinds.at(-1)).toMatchObject({ definition: null, total: 1 });
  });
});
