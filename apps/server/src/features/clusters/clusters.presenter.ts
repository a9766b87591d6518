import { z } from '@hono/zod-openapi';
import { CLUSTER_GROUPS, CLUSTER_KINDS } from '@totonoe/domain';
import type { ClusterListRow, listGroupsAndKinds } from './clusters.queries.ts';

export const clusterSchema = z
  .object({
    id: z.string().uuid(),
    number: z.number().int(),
    name: z.string(),
    group: z.object({ code: z.enum(CLUSTER_GROUPS), name: z.string() }),
    kind: z.object({ code: z.enum(CLUSTER_KINDS), name: z.string() }).nullable(),
    isAnalysisTarget: z.boolean(),
    owningOrgUnits: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    version: z.number().int(),
  })
  .openapi('Cluster');

export const clusterGroupSchema = z
  .object({
    code: z.enum(CLUSTER_GROUPS),
    name: z.string(),
    nameEn: z.string(),
    subtitle: z.string().nullable(),
    approach: z.string(),
    kinds: z.array(
      z.object({ code: z.enum(CLUSTER_KINDS), name: z.string(), nameEn: z.string(), approach: z.string() }),
    ),
  })
  .openapi('ClusterGroup');

/** Shapes one cluster as it stood in a year. */
export function presentCluster(row: ClusterListRow): z.infer<typeof clusterSchema> {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    group: { code: row.groupCode, name: row.groupName },
    kind: row.kindCode && row.kindName ? { code: row.kindCode, name: row.kindName } : null,
    isAnalysisTarget: row.analysisId !== null,
    owningOrgUnits: row.owningOrgUnits,
    version: row.version,
  };
}

/** Shapes the groups with their kinds nested. */
export function presentGroups(
  data: Awaited<ReturnType<typeof listGroupsAndKinds>>,
): z.infer<typeof clusterGroupSchema>[] {
  return data.groups.map((group) => ({
    code: group.code,
    name: group.name,
    nameEn: group.nameEn,
    subtitle: group.subtitle,
    approach: group.approach,
    kinds: data.kinds
      .filter((kind) => kind.groupCode === group.code)
      .map((kind) => ({ code: kind.code, name: kind.name, nameEn: kind.nameEn, approach: kind.approach })),
  }));
}
