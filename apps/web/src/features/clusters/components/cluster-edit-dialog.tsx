import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { ReloadedNotice, StaleNotice } from '@/components/ui/stale-notice';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { isApiError } from '@/lib/api-client';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import { useCluster } from '../api/get-cluster';
import { useUpdateCluster } from '../api/update-cluster';
import type { Cluster, ClusterChanges, ClusterDetail, ClusterGroupDefinition } from '../types';
import { GROUP_ORDER, KIND_ORDER, localizedName, orderByCode } from '../utils/group-clusters';

type ClusterEditDialogProps = {
  /** The cluster to edit; the dialog is closed while null. */
  cluster: Cluster | null;
  fiscalYear: number;
  fiscalYearLabel: string;
  groups: ClusterGroupDefinition[];
  onClose: () => void;
  onSaved: (cluster: Cluster) => void;
};

/** Edits a cluster's name, group, kind and analysis-target flag, guarded by If-Match. */
export function ClusterEditDialog({
  cluster,
  fiscalYear,
  fiscalYearLabel,
  groups,
  onClose,
  onSaved,
}: ClusterEditDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={cluster !== null}
      onClose={onClose}
      title={cluster ? t('clusters.editTitle', { name: `${cluster.number}. ${cluster.name}` }) : ''}
    >
      {cluster ? (
        <ClusterEditLoader
          id={cluster.id}
          fiscalYear={fiscalYear}
          fiscalYearLabel={fiscalYearLabel}
          groups={groups}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Dialog>
  );
}

type LoaderProps = Omit<ClusterEditDialogProps, 'cluster' | 'onClose'> & { id: string; onCancel: () => void };

/** Reads the cluster afresh (for its ETag) and shows the form; a reload starts the form over. */
function ClusterEditLoader({ id, fiscalYear, ...props }: LoaderProps) {
  const query = useCluster({ id, fiscalYear });
  const [hasReloaded, setHasReloaded] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ClusterEditForm
      key={query.data.etag}
      detail={query.data.cluster}
      etag={query.data.etag}
      fiscalYear={fiscalYear}
      isReloading={query.isFetching}
      hasReloaded={hasReloaded}
      onReload={() => {
        setHasReloaded(true);
        void query.refetch();
      }}
      {...props}
    />
  );
}

type FormProps = Omit<LoaderProps, 'id'> & {
  detail: ClusterDetail;
  etag: string;
  isReloading: boolean;
  /** The form was filled again after a 412: say so and start at the first field. */
  hasReloaded: boolean;
  onReload: () => void;
};

function ClusterEditForm({
  detail,
  etag,
  fiscalYear,
  fiscalYearLabel,
  groups,
  isReloading,
  hasReloaded,
  onReload,
  onCancel,
  onSaved,
}: FormProps) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const updateCluster = useUpdateCluster();
  const serverFieldErrors = useFieldErrors(updateCluster.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [name, setName] = useState(detail.name);
  const [groupCode, setGroupCode] = useState(detail.group.code);
  const [kindCode, setKindCode] = useState(detail.kind?.code ?? '');
  const [isAnalysisTarget, setIsAnalysisTarget] = useState(detail.isAnalysisTarget);
  const [clientErrors, setClientErrors] = useState<{ name?: string; kind?: string }>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);

  const orderedGroups = orderByCode(groups, GROUP_ORDER);
  const group = orderedGroups.find((item) => item.code === groupCode);
  const kinds = orderByCode(group?.kinds ?? [], KIND_ORDER);
  const isStale = isApiError(updateCluster.error, 412);
  const fieldIds = {
    name: `cluster-${detail.id}-name`,
    group: `cluster-${detail.id}-group`,
    kind: `cluster-${detail.id}-kind`,
  };
  const errors = {
    name: clientErrors.name ?? serverFieldErrors.name,
    group: serverFieldErrors.group,
    kind: clientErrors.kind ?? serverFieldErrors.kind,
    isAnalysisTarget: serverFieldErrors.isAnalysisTarget,
  };
  const summaryErrors: FieldError[] = (['name', 'group', 'kind'] as const).flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });
  const generalError =
    updateCluster.isError && !isStale && summaryErrors.length === 0
      ? errorText(updateCluster.error)
      : undefined;

  useEffect(() => {
    if (hasReloaded) document.getElementById(fieldIds.name)?.focus();
  }, [hasReloaded, fieldIds.name]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateCluster.isPending) return;
    const nextErrors = {
      name: name.trim() ? undefined : t('clusters.form.nameRequired'),
      kind: kinds.length > 0 && !kindCode ? t('clusters.form.kindRequired') : undefined,
    };
    setClientErrors(nextErrors);
    if (nextErrors.name || nextErrors.kind) {
      updateCluster.reset();
      setFailedSubmits((count) => count + 1);
      return;
    }
    const changes: ClusterChanges = {};
    if (name.trim() !== detail.name) changes.name = name.trim();
    if (groupCode !== detail.group.code) changes.group = groupCode;
    const nextKind = kinds.length > 0 ? kindCode : null;
    if (nextKind !== (detail.kind?.code ?? null)) changes.kind = nextKind;
    if (isAnalysisTarget !== detail.isAnalysisTarget) changes.isAnalysisTarget = isAnalysisTarget;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    updateCluster.mutate(
      { id: detail.id, fiscalYear, etag, changes },
      {
        onSuccess: onSaved,
        onError: () => setFailedSubmits((count) => count + 1),
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      {hasReloaded && !updateCluster.isError ? <ReloadedNotice /> : null}
      {isStale ? (
        <StaleNotice
          ref={summaryRef}
          title={t('clusters.form.staleTitle')}
          message={errorText(updateCluster.error)}
          onReload={onReload}
          isReloading={isReloading}
        />
      ) : (
        <ErrorSummary ref={summaryRef} errors={summaryErrors} message={generalError} />
      )}
      <TextField
        id={fieldIds.name}
        label={t('clusters.form.name')}
        required
        lang="ja"
        value={name}
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
      />
      <SelectField
        id={fieldIds.group}
        label={t('clusters.form.group')}
        required
        value={groupCode}
        options={orderedGroups.map((item) => ({ value: item.code, label: localizedName(item, language) }))}
        onChange={(event) => {
          setGroupCode(event.target.value);
          setKindCode('');
        }}
        error={errors.group}
      />
      {kinds.length > 0 ? (
        <SelectField
          id={fieldIds.kind}
          label={t('clusters.form.kind')}
          required
          value={kindCode}
          options={[
            { value: '', label: t('common.choose') },
            ...kinds.map((item) => ({ value: item.code, label: localizedName(item, language) })),
          ]}
          onChange={(event) => setKindCode(event.target.value)}
          error={errors.kind}
        />
      ) : (
        <p className="text-std-16N-170 text-solid-gray-700">{t('clusters.form.noKinds')}</p>
      )}
      <CheckboxField
        label={t('clusters.form.isAnalysisTarget', { year: fiscalYearLabel })}
        hint={errors.isAnalysisTarget}
        checked={isAnalysisTarget}
        onChange={(event) => setIsAnalysisTarget(event.target.checked)}
      />
      {detail.owningOrgUnits.length > 0 ? (
        <div>
          <p className="text-std-16B-170">{t('clusters.form.owningOrgUnits')}</p>
          <p lang="ja" className="text-std-16N-170 text-solid-gray-700">
            {detail.owningOrgUnits.map((unit) => unit.name).join('、')}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={updateCluster.isPending || undefined}>
          {updateCluster.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
