import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n/i18n-provider';
import type { Cluster, ClusterRegister as ClusterRegisterData } from '../types';
import { ClusterRegister } from './cluster-register';

function cluster(
  number: number,
  name: string,
  group: string,
  kind: string | null,
  isAnalysisTarget = false,
): Cluster {
  return {
    id: `c${number}`,
    number,
    name,
    group: { code: group, name: group },
    kind: kind ? { code: kind, name: kind } : null,
    isAnalysisTarget,
    owningOrgUnits: [],
  };
}

const register: ClusterRegisterData = {
  fiscalYear: 2024,
  groups: [
    {
      code: 'organization',
      name: '組織強化グループ',
      nameEn: 'Organisation',
      approach: '組織の考え方',
      kinds: [],
    },
    {
      code: 'cross_cutting',
      name: '横断制度グループ',
      nameEn: 'Cross-cutting',
      approach: '横断の考え方',
      kinds: [],
    },
    {
      code: 'policy_program',
      name: '施策・事業グループ',
      nameEn: 'Policy',
      subtitle: 'サービスモデル改革',
      approach: '',
      kinds: [
        {
          code: 'operations',
          name: 'オペレーション系施策',
          nameEn: 'Operations',
          approach: '効率化の考え方',
        },
        { code: 'city_original', name: '市独自施策', nameEn: 'City', approach: '市独自の考え方' },
        { code: 'national_system', name: '国制度関連施策', nameEn: 'National', approach: '国制度の考え方' },
      ],
    },
  ],
  items: [
    cluster(57, 'クラスターE', 'organization', null),
    cluster(39, 'クラスターD', 'cross_cutting', null),
    cluster(23, 'クラスターB', 'policy_program', 'city_original', true),
    cluster(8, 'クラスターA', 'policy_program', 'operations'),
    cluster(22, 'クラスターC', 'policy_program', 'national_system'),
  ],
};

function render(canEdit: boolean): string {
  return renderToStaticMarkup(
    <I18nProvider>
      <ClusterRegister register={register} filter={{}} fiscalYearLabel="令和6年度" canEdit={canEdit} />
    </I18nProvider>,
  );
}

describe('ClusterRegister', () => {
  it('renders the groups in the order of the seed, each kind with its approach', () => {
    const html = render(false);
    const positions = [
      '施策・事業グループ',
      'オペレーション系施策',
      '市独自施策',
      '国制度関連施策',
      '横断制度グループ',
      '組織強化グループ',
    ].map((text) => html.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('サービスモデル改革');
    expect(html).toContain('効率化の考え方');
    expect(html).toContain('8. クラスターA');
  });

  it('marks analysis targets in red and with a text badge, never by colour alone', () => {
    const html = render(false);
    expect(html).toMatch(/<span[^>]*text-error-2[^>]*>23\. クラスターB<\/span><span[^>]*>対象<\/span>/);
    expect(html).not.toMatch(/text-error-2[^>]*>8\. クラスターA/);
  });

  it('offers an edit button per cluster only to editors', () => {
    expect(render(false)).not.toContain('を編集');
    expect(render(true)).toContain('aria-label="23. クラスターBを編集"');
  });
});
