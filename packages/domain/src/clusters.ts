import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/** The three groups clusters (事業クラスター) are sorted into. */
export const CLUSTER_GROUPS = ['policy_program', 'cross_cutting', 'organization'] as const;

/** Kinds of policy-programme clusters; only `policy_program` clusters have a kind. */
export const CLUSTER_KINDS = ['operations', 'city_original', 'national_system'] as const;

export type ClusterGroup = (typeof CLUSTER_GROUPS)[number];
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

const CLUSTER_GROUP_LABELS: Readonly<Record<ClusterGroup, LocalizedText>> = {
  policy_program: { ja: '施策・事業グループ', en: 'Policy and programme group' },
  cross_cutting: { ja: '横断制度グループ', en: 'Cross-cutting systems group' },
  organization: { ja: '組織強化グループ', en: 'Organisation strengthening group' },
};

const CLUSTER_KIND_LABELS: Readonly<Record<ClusterKind, LocalizedText>> = {
  operations: { ja: 'オペレーション系施策', en: 'Operations-type policies' },
  city_original: { ja: '市独自施策', en: 'City-original policies' },
  national_system: { ja: '国制度関連施策', en: 'National-system-related policies' },
};

/** Zod schema for a cluster group identifier. */
export const clusterGroupSchema = z.enum(CLUSTER_GROUPS);
/** Zod schema for a cluster kind identifier. */
export const clusterKindSchema = z.enum(CLUSTER_KINDS);

// Returns the display name of a cluster group (施策・事業グループ …).
export function clusterGroupLabel(group: ClusterGroup, locale: Locale = 'ja'): string {
  const label = CLUSTER_GROUP_LABELS[group];
  if (label === undefined) {
    throw new RangeError(`Unknown cluster group: ${JSON.stringify(group)}`);
  }
  return label[locale];
}

// Returns the display name of a cluster kind (オペレーション系施策 …).
export function clusterKindLabel(kind: ClusterKind, locale: Locale = 'ja'): string {
  const label = CLUSTER_KIND_LABELS[kind];
  if (label === undefined) {
    throw new RangeError(`Unknown cluster kind: ${JSON.stringify(kind)}`);
  }
  return label[locale];
}

// Tells whether a cluster of a group may have a kind: policy_program needs one, the other groups need null.
export function isKindAllowedForGroup(group: ClusterGroup, kind: ClusterKind | null): boolean {
  if (group === 'policy_program') {
    return kind !== null && (CLUSTER_KINDS as readonly string[]).includes(kind);
  }
  return (CLUSTER_GROUPS as readonly string[]).includes(group) && kind === null;
}
