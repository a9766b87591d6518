import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n/i18n-provider';
import { ChangeForm } from './change-form';
import { ChoiceFieldset, ClusterFields, type useChangeFeedback } from './cluster-fields';

type Feedback = ReturnType<typeof useChangeFeedback>;

function feedbackWith(errors: Record<string, string>, extra: Partial<Feedback> = {}): Feedback {
  return {
    errors,
    summaryRef: createRef<HTMLDivElement>(),
    isStale: false,
    general: '',
    staleMessage: '',
    check: () => true,
    failed: () => {},
    ...extra,
  };
}

const years = [
  { year: 2024, label: '令和6年度', isCurrent: true },
  { year: 2025, label: '令和7年度', isCurrent: false },
];

function render(feedback: Feedback) {
  return renderToStaticMarkup(
    <I18nProvider>
      <ChangeForm
        idPrefix="change"
        feedback={feedback}
        onSubmit={() => {}}
        onReload={() => {}}
        year={{ years, value: 2025, onChange: () => {} }}
        note={{ value: '', onChange: () => {} }}
        submit={{ label: '統合する', isBusy: false }}
      >
        <ChoiceFieldset idBase="change-sources" legend="統合する相手" error={feedback.errors.sources}>
          <input id="change-sources" type="checkbox" />
        </ChoiceFieldset>
        <ClusterFields
          idPrefix="change"
          path="into"
          legend="統合後の事業クラスター"
          value={{ number: '', name: '', group: '', kind: '' }}
          onChange={() => {}}
          groups={[]}
          errors={feedback.errors}
        />
      </ChangeForm>
    </I18nProvider>,
  );
}

describe('a register change form', () => {
  it('shows each error beside its field and in a summary that links to the field', () => {
    const html = render(
      feedbackWith({ sources: '相手を選んでください。', 'into.name': '名称を入力してください。' }),
    );
    // The summary is an alert that can take focus, listing links to the fields.
    expect(html).toMatch(/<div tabindex="-1" role="alert"/);
    expect(html).toContain('href="#change-sources"');
    expect(html).toContain('href="#change-into-name"');
    // Beside the fields: the group names its error, the text box is invalid and described by it.
    expect(html).toMatch(/<fieldset aria-describedby="change-sources-error"/);
    expect(html).toContain('id="change-sources-error"');
    expect(html).toMatch(
      /id="change-into-name"[^>]*aria-describedby="change-into-name-error"[^>]*aria-invalid="true"|aria-describedby="change-into-name-error"[^>]*aria-invalid="true"[^>]*id="change-into-name"|id="change-into-name"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain('id="change-into-name-error"');
  });

  it('has the year, the reason and the submit button, and no summary without errors', () => {
    const html = render(feedbackWith({}));
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('id="change-fiscalYear"');
    expect(html).toContain('id="change-note"');
    expect(html).toContain('理由・メモ（任意）');
    expect(html).toMatch(/<button type="submit"[^>]*>統合する<\/button>/);
    expect(html).not.toContain('aria-describedby="change-sources-error"');
  });

  it('shows the stale notice instead of the summary after a 412', () => {
    const html = render(feedbackWith({}, { isStale: true, staleMessage: '他の人が先に変更しました。' }));
    expect(html).toContain('他の人が先に変更しました。');
    expect(html).toContain('最新の内容を読み込む');
    expect(html).not.toContain('入力内容を確認してください');
  });
});
