import type { Cluster, ClusterGroupDefinition, ClusterKindDefinition, ClusterRegister } from '../types';

/** The order of the seed's slide 2; codes the web does not know follow in the server's order. */
export const GROUP_ORDER: readonly string[] = ['policy_program', 'cross_cutting', 'organization'];
export const KIND_ORDER: readonly string[] = ['operations', 'city_original', 'national_system'];

export type ClusterFilter = { group?: string | undefined; kind?: string | undefined; targetsOnly?: boolean };

export type KindSection = {
  /** null for clusters of the group that have no kind (or one the group does not define). */
  definition: ClusterKindDefinition | null;
  clusters: Cluster[];
  total: number;
  targets: number;
};

export type GroupSection = {
  definition: ClusterGroupDefinition;
  /** Sections per kind, when the group has kinds. */
  kinds: KindSection[];
  /** Clusters shown directly under the group, when it has no kinds. */
  clusters: Cluster[];
  total: number;
  targets: number;
};

export type RegisterView = { groups: GroupSection[]; shown: number; total: number; targets: number };

/** Sorts by a known order of codes; unknown codes keep their given order after the known ones. */
export function orderByCode<T extends { code: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = (code: string) => {
    const index = order.indexOf(code);
    return index === -1 ? order.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.code) - rank(b.item.code) || a.index - b.index)
    .map(({ item }) => item);
}

function byNumber(a: Cluster, b: Cluster): number {
  return a.number - b.number;
}

function countTargets(clusters: readonly Cluster[]): number {
  return clusters.filter((cluster) => cluster.isAnalysisTarget).length;
}

/** The group definitions in the seed's order, plus any group an item names but the list lacks. */
export function orderedGroups(register: ClusterRegister): ClusterGroupDefinition[] {
  const groups = [...register.groups];
  for (const item of register.items) {
    if (!groups.some((group) => group.code === item.group.code)) {
      groups.push({
        code: item.group.code,
        name: item.group.name,
        nameEn: item.group.name,
        approach: '',
        kinds: [],
      });
    }
  }
  return orderByCode(groups, GROUP_ORDER).map((group) => ({
    ...group,
    kinds: orderByCode(group.kinds, KIND_ORDER),
  }));
}

/**
 * Arranges the register as slide 2 shows it: groups in order, the kinds of a group as its
 * columns, clusters by number. Counts are of the whole year; the filter only hides.
 */
export function buildRegisterView(register: ClusterRegister, filter: ClusterFilter): RegisterView {
  const isShown = (cluster: Cluster) =>
    (!filter.targetsOnly || cluster.isAnalysisTarget) && (!filter.kind || cluster.kind?.code === filter.kind);

  const groups: GroupSection[] = [];
  for (const definition of orderedGroups(register)) {
    if (filter.group && definition.code !== filter.group) continue;
    const all = register.items.filter((item) => item.group.code === definition.code).sort(byNumber);
    const section: GroupSection = {
      definition,
      kinds: [],
      clusters: [],
      total: all.length,
      targets: countTargets(all),
    };
    if (definition.kinds.length > 0 || all.some((item) => item.kind)) {
      const kinds: ClusterKindDefinition[] = [...definition.kinds];
      for (const item of all) {
        if (item.kind && !kinds.some((kind) => kind.code === item.kind?.code)) {
          kinds.push({ code: item.kind.code, name: item.kind.name, nameEn: item.kind.name, approach: '' });
        }
      }
      for (const kind of kinds) {
        if (filter.kind && kind.code !== filter.kind) continue;
        const inKind = all.filter((item) => item.kind?.code === kind.code);
        section.kinds.push({
          definition: kind,
          clusters: inKind.filter(isShown),
          total: inKind.length,
          targets: countTargets(inKind),
        });
      }
      const withoutKind = all.filter((item) => !item.kind);
      if (withoutKind.length > 0 && !filter.kind) {
        section.kinds.push({
          definition: null,
          clusters: withoutKind.filter(isShown),
          total: withoutKind.length,
          targets: countTargets(withoutKind),
        });
      }
      if (section.kinds.length === 0) continue;
    } else {
      if (filter.kind) continue;
      section.clusters = all.filter(isShown);
    }
    groups.push(section);
  }

  const shown = groups.reduce(
    (sum, group) =>
      sum + group.clusters.length + group.kinds.reduce((inner, kind) => inner + kind.clusters.length, 0),
    0,
  );
  return { groups, shown, total: register.items.length, targets: countTargets(register.items) };
}

/** The group or kind name in the UI language (the server gives both). */
export function localizedName(definition: { name: string; nameEn: string }, language: 'ja' | 'en'): string {
  return language === 'en' && definition.nameEn ? definition.nameEn : definition.name;
}
