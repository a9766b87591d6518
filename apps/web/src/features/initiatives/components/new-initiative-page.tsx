import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { useCreateInitiative, useReference } from '../api/initiatives';
import { useInitiativeText } from '../messages';
import { CADENCES, SOURCE_KINDS, type SourceKind, type UpdateCadence } from '../types';
import { filterLabel } from './initiatives-page';

type Unit = { id: string; name: string; parentId: string | null };
type Cluster = { id: string; number: number; name: string };
type PolicyRef = { id: string; title: string; orgUnit: { name: string } };
type AnalysisRef = { id: string; cluster: { number: number; name: string } };

const SOURCE_LABELS = {
  bureau_policy: ['局区X方針', 'Bureau X policy'],
  voluntary_reform: ['自主的な改革', 'Voluntary reform'],
  analysis_direction: ['経営分析の改革の方向性', 'Analysis direction'],
  platinum_response: ['プラチナ市役所プロジェクトの対応方針', 'Platinum response'],
  meeting_instruction: ['X会議の指示事項', 'X-meeting instruction'],
} as const;

/** The units a person may register initiatives for: every unit for the reform office, else their own and those below. */
export function manageableUnits(me: Me, units: readonly Unit[]): Unit[] {
  if (me.roles.some((grant) => grant.role === 'reform_office')) return [...units];
  const scoped = new Set(
    me.roles
      .filter((grant) => grant.role === 'bureau_head' || grant.role === 'department_staff')
      .map((grant) => grant.orgUnitId)
      .filter((unitId): unitId is string => unitId !== null),
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return units.filter((unit) => {
    for (
      let current: Unit | undefined = unit;
      current;
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      if (scoped.has(current.id)) return true;
    }
    return false;
  });
}

/** Registering an initiative: where it comes from, who owns it, and the clusters it concerns. */
export function NewInitiativePage({ me }: { me: Me }) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const id = useId();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const fiscalYears = useFiscalYears();
  const fiscalYear = fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined;
  const units = useReference<Unit>('org-units', '/org-units');
  const clusters = useReference<Cluster>('clusters', '/clusters', { fy: fiscalYear });
  const policies = useReference<PolicyRef>('policies', '/bureau-policies', { fy: fiscalYear });
  const analyses = useReference<AnalysisRef>('analyses', '/analyses', { fy: fiscalYear });
  const create = useCreateInitiative();
  const fieldErrors = useFieldErrors(create.error);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [sourceKind, setSourceKind] = useState<SourceKind>('voluntary_reform');
  const [sourceId, setSourceId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [clusterIds, setClusterIds] = useState<string[]>([]);
  const [updateCadence, setUpdateCadence] = useState<UpdateCadence>('quarterly');
  useDocumentTitle(text('newInitiative'));
  if (!units.data || fiscalYear === undefined) return <Loading />;
  const owners = manageableUnits(me, units.data.items);
  const owner = ownerId || owners[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        fiscalYear,
        title,
        summary,
        sourceKind,
        sourceId: sourceKind === 'voluntary_reform' ? null : sourceId || null,
        ownerOrgUnitId: owner,
        clusterIds,
        updateCadence,
      },
      {
        onSuccess: (initiative) =>
          void navigate({ to: '/initiatives/$initiativeId', params: { initiativeId: initiative.id } }),
      },
    );
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{text('newInitiative')}</PageHeading>
      {owners.length === 0 ? (
        <p>{text('form.noUnits')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-6">
          <ErrorSummary
            errors={Object.entries(fieldErrors).map(([field, message]) => ({
              fieldId: `${id}-${field}`,
              message,
            }))}
            message={create.error ? errorText(create.error) : undefined}
          />
          <TextField
            id={`${id}-title`}
            label={text('form.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={fieldErrors.title}
          />
          <div className="flex flex-col gap-2">
            <label htmlFor={`${id}-summary`} className="text-std-17B-170">
              {text('form.summary')}
            </label>
            <textarea
              id={`${id}-summary`}
              rows={3}
              maxLength={5000}
              className={inputClassName}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          </div>
          <SelectField
            id={`${id}-sourceKind`}
            label={text('form.source')}
            value={sourceKind}
            onChange={(event) => {
              setSourceKind(event.target.value as SourceKind);
              setSourceId('');
            }}
            options={SOURCE_KINDS.map((value) => ({
              value,
              label: filterLabel(SOURCE_LABELS, value, language),
            }))}
          />
          {sourceKind === 'bureau_policy' ? (
            <SelectField
              id={`${id}-sourceId`}
              label={text('form.sourcePolicy')}
              required
              value={sourceId}
              onChange={(event) => setSourceId(event.target.value)}
              options={[
                { value: '', label: '—' },
                ...(policies.data?.items ?? []).map((policy) => ({
                  value: policy.id,
                  label: `${policy.orgUnit.name}：${policy.title}`,
                  lang: 'ja',
                })),
              ]}
              error={fieldErrors.sourceId}
            />
          ) : null}
          {sourceKind === 'analysis_direction' ? (
            <SelectField
              id={`${id}-sourceId`}
              label={text('form.sourceAnalysis')}
              required
              value={sourceId}
              onChange={(event) => setSourceId(event.target.value)}
              options={[
                { value: '', label: '—' },
                ...(analyses.data?.items ?? []).map((analysis) => ({
                  value: analysis.id,
                  label: `${analysis.cluster.number} ${analysis.cluster.name}`,
                  lang: 'ja',
                })),
              ]}
              error={fieldErrors.sourceId}
            />
          ) : null}
          {sourceKind === 'platinum_response' || sourceKind === 'meeting_instruction' ? (
            <TextField
              id={`${id}-sourceId`}
              label={text('form.sourceId')}
              hint={text('form.sourceIdHint')}
              required
              value={sourceId}
              onChange={(event) => setSourceId(event.target.value.trim())}
              error={fieldErrors.sourceId}
            />
          ) : null}
          <SelectField
            id={`${id}-ownerOrgUnitId`}
            label={text('form.owner')}
            required
            value={owner}
            onChange={(event) => setOwnerId(event.target.value)}
            options={owners.map((unit) => ({ value: unit.id, label: unit.name, lang: 'ja' }))}
          />
          <SelectField
            id={`${id}-updateCadence`}
            label={text('form.cadence')}
            hint={text('form.cadenceHint')}
            value={updateCadence}
            onChange={(event) => setUpdateCadence(event.target.value as UpdateCadence)}
            options={CADENCES.map((value) => ({ value, label: text(`cadence.${value}`) }))}
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-std-17B-170">{text('form.clusters')}</legend>
            <div className="grid max-h-72 grid-cols-1 gap-1 overflow-y-auto rounded-8 border border-solid-gray-420 p-3 md:grid-cols-2">
              {(clusters.data?.items ?? []).map((cluster) => (
                <label key={cluster.id} className="flex items-start gap-2" lang="ja">
                  <input
                    type="checkbox"
                    className="mt-1.5 size-5"
                    checked={clusterIds.includes(cluster.id)}
                    onChange={(event) =>
                      setClusterIds(
                        event.target.checked
                          ? [...clusterIds, cluster.id]
                          : clusterIds.filter((value) => value !== cluster.id),
                      )
                    }
                  />
                  <span>
                    <span className="tabular-nums">{cluster.number}</span> {cluster.name}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <Button type="submit" className="self-start" disabled={create.isPending}>
            {text('form.create')}
          </Button>
        </form>
      )}
    </div>
  );
}
