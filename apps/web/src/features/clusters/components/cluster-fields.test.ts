import { describe, expect, it } from 'vitest';
import type { ClusterGroupDefinition } from '../types';
import { ownerOptionsOf, readClusterForm } from './cluster-fields';

const groups: ClusterGroupDefinition[] = [
  {
    code: 'policy_program',
    name: '施策・事業グループ',
    nameEn: 'Policy',
    approach: '',
    kinds: [{ code: 'operations', name: 'オペレーション系施策', nameEn: 'Operations', approach: '' }],
  },
  { code: 'organization', name: '組織強化グループ', nameEn: 'Organisation', approach: '', kinds: [] },
];
const text = (key: string) => key;

describe('readClusterForm', () => {
  it('reads full-width digits and trims the name; a group without kinds sends kind null', () => {
    expect(
      readClusterForm(
        { number: '５８', name: ' 新規 ', group: 'organization', kind: '' },
        groups,
        'cluster',
        text,
      ),
    ).toEqual({ value: { number: 58, name: '新規', group: 'organization', kind: null }, errors: {} });
  });

  it('names each missing or wrong field by its request path', () => {
    const read = readClusterForm(
      { number: '0', name: ' ', group: 'policy_program', kind: '' },
      groups,
      'parts.1',
      text,
    );
    expect(read.value).toBeNull();
    expect(read.errors).toEqual({
      'parts.1.number': 'numberRequired',
      'parts.1.name': 'nameRequired',
      'parts.1.kind': 'kindRequired',
    });
    expect(
      readClusterForm({ number: '12a', name: 'x', group: '', kind: '' }, groups, 'into', text).errors,
    ).toEqual({
      'into.number': 'numberRequired',
      'into.group': 'groupRequired',
    });
  });
});

describe('ownerOptionsOf', () => {
  it('offers bureaus, wards and offices in effect, in order, and keeps owners already chosen', () => {
    const units = [
      { id: 'b', name: '環境局', level: 'bureau', effectiveTo: null, sortOrder: 2 },
      { id: 'a', name: '子ども家庭局', level: 'bureau', effectiveTo: null, sortOrder: 1 },
      { id: 'd', name: '保育課', level: 'section', effectiveTo: null, sortOrder: 3 },
      { id: 'old', name: '旧局', level: 'bureau', effectiveTo: '2001-03-31', sortOrder: 0 },
    ];
    expect(ownerOptionsOf(units).map((option) => option.name)).toEqual(['子ども家庭局', '環境局']);
    expect(ownerOptionsOf(units, [{ id: 'd', name: '保育課' }]).map((option) => option.id)).toEqual([
      'd',
      'a',
      'b',
    ]);
  });
});
