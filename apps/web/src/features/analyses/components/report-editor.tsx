import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { fieldNameOf, useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { analysesKey, useAnalysisWrite } from '../api/analyses';
import { useAnalysisText } from '../messages';
import { type AnalysisDetail, SECTIONS, type Section } from '../types';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from '../utils/local-draft';
import { type SectionForms, toReportSection, toSectionForm } from '../utils/report-form';
import { SectionFields } from './section-fields';

type Draft<S extends Section> = { form: SectionForms[S]; base: SectionForms[S] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One section of the working copy. Every keystroke is kept in this browser; 保存 sends the section
 * alone, so another person's save of another section merges without a conflict. When the same
 * section was saved by someone else since editing began (or the server answers 412), both texts
 * are shown and the person chooses.
 */
function SectionEditor<S extends Section>({ analysis, section }: { analysis: AnalysisDetail; section: S }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const write = useAnalysisWrite(analysis.id);
  const server = useMemo(() => toSectionForm(section, analysis.report!), [analysis.report, section]);
  const stored = useRef(readLocalDraft<Draft<S>>(analysis.id, section));
  const [draft, setDraft] = useState<Draft<S> | null>(() =>
    stored.current && !same(stored.current.value.form, server) ? stored.current.value : null,
  );
  const [isRestored, setIsRestored] = useState(draft !== null);
  const [isConflict, setIsConflict] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [isNetworkError, setIsNetworkError] = useState(false);
  const canEdit = analysis.permissions.canEditReport;
  const form = draft?.form ?? server;
  const headingId = `section-${section}`;

  useEffect(() => {
    // A draft equal to what the server now holds is no longer a draft.
    if (draft && same(draft.form, server)) {
      setDraft(null);
      clearLocalDraft(analysis.id, section);
    }
  }, [draft, server, analysis.id, section]);

  const change = (next: SectionForms[S]) => {
    const value: Draft<S> = { form: next, base: draft?.base ?? server };
    setDraft(value);
    setSavedAt(null);
    writeLocalDraft(analysis.id, section, value, analysis.version);
  };

  const save = (options: { overrideTheirs?: boolean } = {}) => {
    if (!draft) return;
    if (!options.overrideTheirs && !same(draft.base, server)) {
      setIsConflict(true);
      return;
    }
    const result = toReportSection(section, draft.form);
    if (!result.ok) {
      setProblems(
        Object.fromEntries(result.problems.map((problem) => [problem.path, text(`problem.${problem.key}`)])),
      );
      return;
    }
    setProblems({});
    setIsNetworkError(false);
    write.mutate(
      {
        method: 'PATCH',
        path: '/report',
        version: analysis.version,
        body: { sections: { [section]: result.value } },
      },
      {
        onSuccess: () => {
          clearLocalDraft(analysis.id, section);
          setDraft(null);
          setIsConflict(false);
          setIsRestored(false);
          setSavedAt(new Date().toISOString());
        },
        onError: (error) => {
          if (isApiError(error, 412)) {
            setIsConflict(true);
            void queryClient.invalidateQueries({ queryKey: [...analysesKey, 'detail', analysis.id] });
          } else if (isApiError(error, 0)) {
            setIsNetworkError(true);
          } else if (isApiError(error) && error.problem?.errors) {
            const prefix = `sections.${section}.`;
            setProblems(
              Object.fromEntries(
                error.problem.errors.map((item) => [
                  fieldNameOf(item.path).replace(prefix, ''),
                  item.messages[language],
                ]),
              ),
            );
          }
        },
      },
    );
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 border-t border-solid-gray-300 pt-6">
      <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {text(`section.${section}`)}
      </h3>
      {isRestored && draft ? (
        <Alert tone="info">
          <p>{text('draftRestored')}</p>
          <Button
            variant="tertiary"
            size="xs"
            onClick={() => {
              clearLocalDraft(analysis.id, section);
              setDraft(null);
              setIsRestored(false);
            }}
          >
            {text('discardDraft')}
          </Button>
        </Alert>
      ) : null}
      {isConflict && draft ? (
        <div tabIndex={-1} className="flex flex-col gap-4">
          <Alert tone="warning" announce="assertive" title={text('conflictTitle')}>
            <p>{text('conflictHelp')}</p>
          </Alert>
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="flex flex-col gap-2 rounded-8 border-2 border-blue-900 p-3">
              <p className="text-std-17B-170">{text('conflictMine')}</p>
              <SectionFields
                section={section}
                form={draft.form}
                onChange={change}
                isReadOnly
                idPrefix={`${headingId}-mine`}
                problems={{}}
              />
            </div>
            <div className="flex flex-col gap-2 rounded-8 border border-solid-gray-600 p-3">
              <p className="text-std-17B-170">{text('conflictTheirs')}</p>
              <SectionFields
                section={section}
                form={server}
                onChange={() => undefined}
                isReadOnly
                idPrefix={`${headingId}-theirs`}
                problems={{}}
              />
            </div>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => save({ overrideTheirs: true })}>{text('keepMine')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                clearLocalDraft(analysis.id, section);
                setDraft(null);
                setIsConflict(false);
              }}
            >
              {text('takeTheirs')}
            </Button>
          </div>
        </div>
      ) : null}
      {Object.keys(problems).length > 0 ? (
        <Alert tone="error" announce="assertive" title={text('problemsTitle')}>
          <ul className="list-disc pl-6">
            {Object.entries(problems).map(([path, message]) => (
              <li key={path}>{message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {write.isError &&
      !isApiError(write.error, 412) &&
      !isApiError(write.error, 0) &&
      Object.keys(problems).length === 0 ? (
        <Alert tone="error" announce="assertive" title={text('serverProblemsTitle')}>
          {errorText(write.error)}
        </Alert>
      ) : null}
      {isNetworkError ? (
        <Alert tone="warning" announce="assertive">
          {text('networkKept')}
        </Alert>
      ) : null}
      <SectionFields
        section={section}
        form={form}
        onChange={change}
        isReadOnly={!canEdit}
        idPrefix={headingId}
        problems={problems}
      />
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-4">
          <Button onClick={() => save()} aria-disabled={!draft || write.isPending || undefined}>
            {write.isPending ? text('saving') : `${text(`section.${section}`)}：${text('save')}`}
          </Button>
          <p role="status" className="text-std-16N-170 text-solid-gray-700">
            {draft
              ? text('unsaved')
              : savedAt
                ? text('saved', { time: formatDateTime(savedAt, language) })
                : ''}
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** 報告書: every section, conclusion first, for those who may read the working copy. */
export function ReportEditor({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  if (!analysis.permissions.canReadWorkingCopy || !analysis.report) {
    return <Alert tone="info">{text('noWorkingCopy')}</Alert>;
  }
  const isUnderReview =
    analysis.reviewStatus !== null && !['draft', 'returned'].includes(analysis.reviewStatus);
  return (
    <div className="flex flex-col gap-6">
      {!analysis.permissions.canEditReport ? (
        <Alert tone="info">{isUnderReview ? text('lockedNotice') : text('readOnlyNotice')}</Alert>
      ) : null}
      {SECTIONS.map((section) => (
        <SectionEditor key={section} analysis={analysis} section={section} />
      ))}
    </div>
  );
}
