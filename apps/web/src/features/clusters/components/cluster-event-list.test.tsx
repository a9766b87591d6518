import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n/i18n-provider';
import { type ClusterEvent, ClusterEventList } from './cluster-event-list';

const renamed: ClusterEvent = {
  fiscalYear: 2025,
  kind: 'renamed',
  relatedClusters: [],
  changes: [{ field: 'name', before: 'スポーツ振興事業', after: 'スポーツ・レクリエーション振興' }],
  note: '対象の拡大',
  actor: { displayName: '改革 太郎' },
  createdAt: '2025-04-01T01:30:00.000Z',
};

function render(events: ClusterEvent[]) {
  return renderToStaticMarkup(
    <I18nProvider>
      <ClusterEventList events={events} />
    </I18nProvider>,
  );
}

describe('the history lines of a cluster', () => {
  it('says what changed, from which fiscal year, why, by whom and when (Tokyo time)', () => {
    const html = render([renamed]);
    expect(html).toContain('名称変更（2025年度から）');
    expect(html).toContain('名称：スポーツ振興事業 → スポーツ・レクリエーション振興');
    expect(html).toContain('理由：対象の拡大');
    expect(html).toContain('記録：改革 太郎（2025/04/01 10:30:00）');
  });

  it('shows a removed kind as なし and, without a session, no author', () => {
    const html = render([
      {
        ...renamed,
        kind: 'regrouped',
        changes: [
          { field: 'group', before: '施策・事業グループ', after: '組織強化グループ' },
          { field: 'kind', before: '市独自施策', after: null },
        ],
        note: '',
        actor: null,
      },
    ]);
    expect(html).toContain('グループ・種類の変更（2025年度から）');
    expect(html).toContain('種類：市独自施策 → なし');
    expect(html).not.toContain('理由：');
    expect(html).toContain('記録：2025/04/01 10:30:00');
    expect(html).not.toContain('改革 太郎');
  });

  it('says so when nothing was recorded', () => {
    expect(render([])).toContain('変更の記録はありません。');
  });
});
