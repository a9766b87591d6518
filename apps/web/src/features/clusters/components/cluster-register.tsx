import { type ReactNode, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { Language } from '@/lib/i18n/language';
import type { Cluster, ClusterKindDefinition, ClusterRegister as ClusterRegisterData } from '../types';
import {
  buildRegisterView,
  type ClusterFilter,
  type GroupSection,
  type KindSection,
  localizedName,
} from '../utils/group-clusters';
import { ClusterEditDialog } from './cluster-edit-dialog';

type ClusterRegisterProps = {
  register: ClusterRegisterData;
  filter: ClusterFilter;
  /** 令和6年度 / FY2024 — the year whose analysis targets are marked. */
  fiscalYearLabel: string;
  /** Whether the user may edit clusters (the reform office); the server checks again. */
  canEdit: boolean;
  /** Counts of the whole year when `register` holds only one bureau's or one stage's clusters. */
  wholeYear?: { total: number; targets: number } | undefined;
  /** Wraps a cluster's label in a link to its page (history, owners and, for the reform office, changes). */
  linkCluster?: (cluster: Cluster, label: ReactNode) => ReactNode;
};

/** Japanese data shown in the English UI is marked as Japanese for screen readers. */
function dataLang(language: Language): 'ja' | undefined {
  return language === 'en' ? 'ja' : undefined;
}

function nameLang(definition: { name: string; nameEn: string }, language: Language): 'ja' | undefined {
  return language === 'en' && (!definition.nameEn || definition.nameEn === definition.name)
    ? 'ja'
    : undefined;
}

/**
 * The cluster register as on slide 2 of the programme deck: 施策・事業グループ with its kinds
 * side by side, then the other groups; each with its approach (考え方), clusters as
 * 「番号. 名称」, and the year's analysis targets in red and with a 「対象」 badge.
 */
export function ClusterRegister({
  register,
  filter,
  fiscalYearLabel,
  canEdit,
  wholeYear,
  linkCluster,
}: ClusterRegisterProps) {
  const t = useT();
  const { language } = useLanguage();
  const view = buildRegisterView(register, filter);
  const [editing, setEditing] = useState<Cluster | null>(null);
  const [savedMessage, setSavedMessage] = useState('');

  const renderCluster = (cluster: Cluster) => (
    <li key={cluster.id} className="flex break-inside-avoid flex-wrap items-start gap-x-2 gap-y-1 py-1.5">
      <span
        lang={dataLang(language)}
        className={
          cluster.isAnalysisTarget ? 'text-std-16B-170 text-error-2' : 'text-std-16N-170 text-solid-gray-800'
        }
      >
        {linkCluster
          ? linkCluster(cluster, `${cluster.number}. ${cluster.name}`)
          : `${cluster.number}. ${cluster.name}`}
      </span>
      {cluster.isAnalysisTarget ? <Badge tone="target">{t('clusters.targetBadge')}</Badge> : null}
      {canEdit ? (
        <Button
          variant="tertiary"
          size="xs"
          aria-label={t('clusters.editNamed', { name: `${cluster.number}. ${cluster.name}` })}
          onClick={() => {
            setSavedMessage('');
            setEditing(cluster);
          }}
        >
          {t('common.edit')}
        </Button>
      ) : null}
    </li>
  );

  const renderClusters = (clusters: Cluster[], columns: boolean) =>
    clusters.length === 0 ? (
      <p className="text-std-16N-170 text-solid-gray-600">{t('clusters.noneShown')}</p>
    ) : (
      <ul className={columns ? 'gap-x-8 sm:columns-2 lg:columns-3' : ''}>{clusters.map(renderCluster)}</ul>
    );

  const counts = (total: number, targets: number) => (
    <p className="text-std-16N-170 text-solid-gray-700">
      {t('clusters.count', { total: formatCount(total, language), targets: formatCount(targets, language) })}
    </p>
  );

  const approach = (text: string) =>
    text ? (
      <div className="rounded-8 bg-solid-gray-50 px-4 py-3">
        <p className="text-std-16B-170 text-solid-gray-800">{t('clusters.approach')}</p>
        <p lang={dataLang(language)} className="text-std-16N-170 text-solid-gray-800">
          {text}
        </p>
      </div>
    ) : null;

  const renderKind = (section: KindSection, index: number) => {
    const definition: ClusterKindDefinition | null = section.definition;
    return (
      <section
        key={definition?.code ?? `none-${index}`}
        className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 px-4 py-4"
      >
        <h3
          className="text-std-20B-150 text-solid-gray-900"
          lang={definition ? nameLang(definition, language) : undefined}
        >
          {definition ? localizedName(definition, language) : t('clusters.noKind')}
        </h3>
        {counts(section.total, section.targets)}
        {definition ? approach(definition.approach) : null}
        {renderClusters(section.clusters, false)}
      </section>
    );
  };

  const renderGroup = (group: GroupSection) => {
    const subtitleKey = `clusters.groupSubtitle.${group.definition.code}`;
    const knownSubtitle = isKnownSubtitle(subtitleKey) ? t(subtitleKey) : '';
    // The server's subtitle is Japanese; the English UI prefers its own translation of known groups.
    const serverSubtitle = group.definition.subtitle ?? '';
    const subtitle = language === 'ja' ? serverSubtitle || knownSubtitle : knownSubtitle || serverSubtitle;
    const subtitleLang = language === 'en' && !knownSubtitle ? 'ja' : undefined;
    return (
      <section key={group.definition.code} className="flex flex-col gap-4 border-t-4 border-blue-900 pt-6">
        <div className="flex flex-col gap-1">
          <h2 className="text-std-24B-150 text-solid-gray-900">
            <span lang={nameLang(group.definition, language)}>
              {localizedName(group.definition, language)}
            </span>
            {subtitle ? (
              <span lang={subtitleLang} className="ml-2 text-std-18N-160 text-solid-gray-700">
                {language === 'ja' ? `（${subtitle}）` : `(${subtitle})`}
              </span>
            ) : null}
          </h2>
          {counts(group.total, group.targets)}
        </div>
        {approach(group.definition.approach)}
        {group.kinds.length > 0 ? (
          <div className="grid gap-4 lg:grid-cols-3">{group.kinds.map(renderKind)}</div>
        ) : (
          renderClusters(group.clusters, true)
        )}
      </section>
    );
  };

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('clusters.legendBefore')}
          <span className="text-std-16B-170 text-error-2">{t('clusters.legendRed')}</span>
          {t('clusters.legendMiddle')}
          <Badge tone="target">{t('clusters.targetBadge')}</Badge>
          {t('clusters.legendAfter', { year: fiscalYearLabel })}
        </p>
        <p role="status" className="text-std-16B-170 text-solid-gray-800">
          {t('clusters.shown', {
            shown: formatCount(view.shown, language),
            total: formatCount(wholeYear?.total ?? view.total, language),
            targets: formatCount(wholeYear?.targets ?? view.targets, language),
          })}
        </p>
        <p role="status" className="text-std-16N-170 text-success-2">
          {savedMessage}
        </p>
      </div>
      {view.groups.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('clusters.noneShown')}</p>
      ) : (
        view.groups.map(renderGroup)
      )}
      {canEdit ? (
        <ClusterEditDialog
          cluster={editing}
          fiscalYear={register.fiscalYear}
          fiscalYearLabel={fiscalYearLabel}
          groups={register.groups}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setSavedMessage(t('clusters.saved', { name: `${saved.number}. ${saved.name}` }));
          }}
        />
      ) : null}
    </div>
  );
}

const KNOWN_SUBTITLES = new Set([
  'clusters.groupSubtitle.policy_program',
  'clusters.groupSubtitle.cross_cutting',
  'clusters.groupSubtitle.organization',
]);

type SubtitleKey =
  | 'clusters.groupSubtitle.policy_program'
  | 'clusters.groupSubtitle.cross_cutting'
  | 'clusters.groupSubtitle.organization';

/** Subtitles of the seed's groups (サービスモデル改革…), in case the server sends none, and for English. */
function isKnownSubtitle(key: string): key is SubtitleKey {
  return KNOWN_SUBTITLES.has(key);
}
