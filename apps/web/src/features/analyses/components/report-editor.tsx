import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { isApiError } from '@/lib/api-client';
import { fieldNameOf, useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { analysesKey, useAnalysisWrite } from '../api/analyses';
import { type ServerDraft, useReportDrafts } from '../api/drafts';
import { useAnalysisText } from '../messages';
import { type AnalysisDetail, SECTIONS, type Section } from '../types';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from '../utils/local-draft';
import { type SectionForms, toReportSection, toSectionForm } from '../utils/report-form';
import { NeedCitations } from './need-citations';
import { SectionFields } from './section-fields';
import { type AutosaveState, useDraftAutosave } from './use-draft-autosave';

/** 10:42 — the time of a save, in Japan. */
function formatTime(value: string, language: 'ja' | 'en'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(date);
}

type Draft<S extends Section> = { form: SectionForms[S]; base: SectionForms[S] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One section of the working copy. Every keystroke is kept in this browser; 保存 sends the section
 * alone, so another person's save of another section merges without a conflict. When the same
 * section was saved by someone else since editing began (or the server answers 412), both texts
 * are shown and the person chooses.
 */
function SectionEditor<S extends Section>({
  analysis,
  section,
  serverDraft,
}: {
  analysis: AnalysisDetail;
  section: S;
  /** The section's draft saved on the server, if any. */
  serverDraft: ServerDraft<SectionForms[S]> | undefined;
}) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const write = useAnalysisWrite(analysis.id);
  const server = useMemo(() => toSectionForm(section, analysis.report!), [analysis.report, section]);
  const stored = useRef(readLocalDraft<Draft<S>>(analysis.id, section));
  const canEdit = analysis.permissions.canEditReport;
  // The newer of this browser's copy and the server's draft is shown; each is a draft only if it differs.
  const [initial] = useState(() => {
    const local = stored.current && !same(stored.current.value.form, server) ? stored.current : null;
    const remote = serverDraft && !same(serverDraft.content.form, server) ? serverDraft : null;
    if (remote && (!local || remote.updatedAt > local.savedAt)) {
      return { draft: remote.content as Draft<S>, source: 'server' as const };
    }
    return local ? { draft: local.value, source: 'local' as const } : { draft: null, source: null };
  });
  const [draft, setDraft] = useState<Draft<S> | null>(canEdit ? initial.draft : null);
  const [isRestored, setIsRestored] = useState(draft !== null);
  const autosave = useDraftAutosave<SectionForms[S]>({
    analysisId: analysis.id,
    section,
    initialVersion: serverDraft?.version ?? 0,
    initialSavedAt: initial.source === 'server' ? serverDraft?.updatedAt : undefined,
    baseVersion: analysis.version,
    enabled: canEdit,
  });
  const [isConflict, setIsConflict] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [isNetworkError, setIsNetworkError] = useState(false);
  const form = draft?.form ?? server;
  const headingId = `section-${section}`;

  useEffect(() => {
    // Typing kept only in this browser (newer than the server's draft) goes to the server too.
    if (initial.source === 'local' && initial.draft && canEdit) autosave.schedule(initial.draft);
  }, [initial, canEdit, autosave.schedule]);

  useEffect(() => {
    // A draft equal to what the server now holds is no longer a draft.
    if (draft && same(draft.form, server)) {
      setDraft(null);
      clearLocalDraft(analysis.id, section);
      void autosave.discard();
    }
  }, [draft, server, analysis.id, section, autosave.discard]);

  const change = (next: SectionForms[S]) => {
    const value: Draft<S> = { form: next, base: draft?.base ?? server };
    setDraft(value);
    setSavedAt(null);
    writeLocalDraft(analysis.id, section, value, analysis.version);
    autosave.schedule(value);
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
          // The server removed the section's draft with the save.
          autosave.reset();
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

  const draftStatus = (state: AutosaveState) => {
    switch (state.kind) {
      case 'saving':
        return text('draftSaving');
      case 'saved':
        return text('draftSaved', { time: formatTime(state.at, language) });
      default:
        return text('unsaved');
    }
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 border-t border-solid-gray-300 pt-6">
      <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {text(`section.${section}`)}
      </h3>
      {isRestored && draft ? (
        <Alert tone="info">
          <p>
            {initial.source === 'server' && serverDraft
              ? text('serverDraftRestored', {
                  name: serverDraft.updatedBy?.displayName ?? '—',
                  time: formatTime(serverDraft.updatedAt, language),
                })
              : text('draftRestored')}
          </p>
          <Button
            variant="tertiary"
            size="xs"
            onClick={() => {
              clearLocalDraft(analysis.id, section);
              setDraft(null);
              setIsRestored(false);
              void autosave.discard();
            }}
          >
            {initial.source === 'server' ? text('discardServerDraft') : text('discardDraft')}
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
                void autosave.discard();
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
      {!canEdit && serverDraft ? (
        <Alert tone="info">
          {text('draftByOthers', {
            name: serverDraft.updatedBy?.displayName ?? '—',
            time: formatTime(serverDraft.updatedAt, language),
          })}
        </Alert>
      ) : null}
      {canEdit && autosave.state.kind === 'failed' ? (
        <Alert tone="warning" announce="assertive" title={text('draftFailed')}>
          <p>{errorText(autosave.state.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void autosave.retry()}>
            {text('draftRetry')}
          </Button>
        </Alert>
      ) : null}
      {canEdit && autosave.state.kind === 'taken' ? (
        <Alert tone="warning" announce="assertive" title={text('draftTakenTitle')}>
          <p>{text('draftTakenHelp')}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            onClick={() => void autosave.retry({ overwrite: true })}
          >
            {text('draftOverwrite')}
          </Button>
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
      {section === 'needs' ? (
        <NeedCitations
          analysisId={analysis.id}
          clusterId={analysis.cluster.id}
          needIds={(form as SectionForms['needs']).needIds}
          onChange={(needIds) => change({ ...(form as SectionForms['needs']), needIds } as SectionForms[S])}
          isReadOnly={!canEdit}
          idPrefix={headingId}
        />
      ) : null}
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-4">
          <Button onClick={() => save()} aria-disabled={!draft || write.isPending || undefined}>
            {write.isPending ? text('saving') : `${text(`section.${section}`)}：${text('save')}`}
          </Button>
          <p role="status" className="text-std-16N-170 text-solid-gray-700">
            {draft
              ? draftStatus(autosave.state)
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
  // Drafts are read by the owning department (which writes the report) and the reform office.
  const readsDrafts = analysis.permissions.canEditReport || analysis.permissions.canEditPlan;
  const drafts = useReportDrafts(analysis.id, readsDrafts && analysis.permissions.canReadWorkingCopy);
  if (!analysis.permissions.canReadWorkingCopy || !analysis.report) {
    return <Alert tone="info">{text('noWorkingCopy')}</Alert>;
  }
  if (readsDrafts && drafts.isPending) return <Loading />;
  const draftOf = (section: Section) => drafts.data?.items.find((item) => item.section === section);
  const isUnderReview =
    analysis.reviewStatus !== null && !['draft', 'returned'].includes(analysis.reviewStatus);
  return (
    <div className="flex flex-col gap-6">
      {analysis.permissions.canEditReport ? (
        <p className="text-std-16N-170 text-solid-gray-700">{text('draftSavedNote')}</p>
      ) : null}
      {!analysis.permissions.canEditReport ? (
        <Alert tone="info">{isUnderReview ? text('lockedNotice') : text('readOnlyNotice')}</Alert>
      ) : null}
      {SECTIONS.map((section) => (
        <SectionEditor
          key={section}
          analysis={analysis}
          section={section}
          serverDraft={draftOf(section) as ServerDraft<SectionForms[typeof section]> | undefined}
        />
      ))}
    </div>
  );
}
