import { describe, expect, it } from 'vitest';
import {
  CLUSTER_GROUPS,
  CLUSTER_KINDS,
  type ClusterGroup,
  type ClusterKind,
  clusterGroupLabel,
  clusterGroupSchema,
  clusterKindLabel,
  clusterKindSchema,
  isKindAllowedForGroup,
} from './clusters';

describe('cluster groups and kinds', () => {
  it('list the groups and kinds of the design', () => {
    expect(CLUSTER_GROUPS).toEqual(['policy_program', 'cross_cutting', 'organization']);
    expect(CLUSTER_KINDS).toEqual(['operations', 'city_original', 'national_system']);
  });

  it.each<[ClusterGroup, string]>([
    ['policy_program', '施策・事業グループ'],
    ['cross_cutting', '横断制度グループ'],
    ['organization', '組織強化グループ'],
  ])('group %s is %s', (group, ja) => {
    expect(clusterGroupLabel(group)).toBe(ja);
    expect(clusterGroupLabel(group, 'ja')).toBe(ja);
    expect(clusterGroupLabel(group, 'en')).toMatch(/group$/);
  });

  it.each<[ClusterKind, string]>([
    ['operations', 'オペレーション系施策'],
    ['city_original', '市独自施策'],
    ['national_system', '国制度関連施策'],
  ])('kind %s is %s', (kind, ja) => {
    expect(clusterKindLabel(kind)).toBe(ja);
    expect(clusterKindLabel(kind, 'en')).toMatch(/policies$/);
  });

  it('has distinct English labels', () => {
    expect(new Set(CLUSTER_GROUPS.map((group) => clusterGroupLabel(group, 'en'))).size).toBe(3);
    expect(new Set(CLUSTER_KINDS.map((kind) => clusterKindLabel(kind, 'en'))).size).toBe(3);
  });

  it('throws for unknown identifiers', () => {
    expect(() => clusterGroupLabel('other' as ClusterGroup)).toThrow(RangeError);
    expect(() => clusterKindLabel('other' as ClusterKind)).toThrow(RangeError);
  });

  it('validates identifiers with zod', () => {
    expect(clusterGroupSchema.safeParse('cross_cutting').success).toBe(true);
    expect(clusterGroupSchema.safeParse('operations').success).toBe(false);
    expect(clusterKindSchema.safeParse('operations').success).toBe(true);
    expect(clusterKindSchema.safeParse('policy_program').success).toBe(false);
  });
});

describe('isKindAllowedForGroup', () => {
  it('requires a kind for policy_program and null for the other groups', () => {
    const allowed: string[] = [];
    for (const group of CLUSTER_GROUPS) {
      for (const kind of [...CLUSTER_KINDS, null]) {
        if (isKindAllowedForGroup(group, kind)) {
          allowed.push(`${group}:${kind}`);
        }
      }
    }
    expect(allowed).toEqual([
      'policy_program:operations',
      'policy_program:city_original',
      'policy_program:national_system',
      'cross_cutting:null',
      'organization:null',
    ]);
  });

  it('rejects unknown groups and kinds', () => {
    expect(isKindAllowedForGroup('policy_program', 'other' as ClusterKind)).toBe(false);
    expect(isKindAllowedForGroup('other' as ClusterGroup, null)).toBe(false);
  });
});
