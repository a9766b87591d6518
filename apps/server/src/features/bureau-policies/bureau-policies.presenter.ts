import { z } from '@hono/zod-openapi';
import {
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  type ApprovalStatus,
  CONSULTATION_DECISIONS,
} from '@totonoe/domain';
import { bureauPolicyStepActionEnum } from '../../db/schema/index.ts';
import type { BureauPolicyVersionRow } from './bureau-policies.queries.ts';
import type { OrgUnitNode } from './org-scope.ts';

const personSchema = z.object({ id: z.string().uuid(), name: z.string() });
const orgUnitRefSchema = z
  .object({ id: z.string().uuid(), code: z.string(), name: z.string() })
  .openapi('OrgUnitRef');
const labelSchema = z.object({ ja: z.string(), en: z.string() });

export const policyThemeSchema = z
  .object({ title: z.string(), description: z.string() })
  .openapi('BureauPolicyTheme');
export const policyKpiSchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    baseline: z.string().nullable(),
    target: z.string().nullable(),
    targetFiscalYear: z.number().int().nullable(),
  })
  .openapi('BureauPolicyKpi');

export const policyVersionSchema = z
  .object({
    versionNumber: z.number().int(),
    status: z.enum(APPROVAL_STATUSES),
    statusLabel: labelSchema,
    title: z.string(),
    vision: z.string(),
    priorityThemes: z.array(policyThemeSchema),
    clusters: z.array(z.object({ id: z.string().uuid(), number: z.number().int(), name: z.string() })),
    kpis: z.array(policyKpiSchema),
    revisionNote: z.string().nullable(),
    drafter: personSchema.nullable(),
    submittedAt: z.string().nullable(),
    approvedBy: personSchema.nullable(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('BureauPolicyVersion');

export const policyPermissionsSchema = z
  .object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canWithdraw: z.boolean(),
    canApprove: z.boolean(),
    canReturnAsApprover: z.boolean(),
    canPublish: z.boolean(),
    canRevise: z.boolean(),
    consultAs: z.array(z.string().uuid()),
  })
  .openapi('BureauPolicyPermissions');

export const bureauPolicySummarySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    orgUnit: orgUnitRefSchema,
    title: z.string(),
    status: z.enum(APPROVAL_STATUSES),
    statusLabel: labelSchema,
    latestVersionNumber: z.number().int(),
    publishedVersionNumber: z.number().int().nullable(),
    pendingConsultations: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('BureauPolicySummary');

export const bureauPolicySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    orgUnit: orgUnitRefSchema,
    version: z.number().int(),
    latestVersionNumber: z.number().int(),
    publishedVersionNumber: z.number().int().nullable(),
    canReadDrafts: z.boolean(),
    current: policyVersionSchema,
    published: policyVersionSchema.nullable(),
    versions: z.array(
      z.object({
        versionNumber: z.number().int(),
        status: z.enum(APPROVAL_STATUSES),
        title: z.string(),
        publishedAt: z.string().nullable(),
      }),
    ),
    consultations: z.array(
      z.object({
        orgUnit: orgUnitRefSchema,
        decision: z.enum(CONSULTATION_DECISIONS),
        decidedBy: personSchema.nullable(),
        decidedAt: z.string().nullable(),
        comment: z.string().nullable(),
      }),
    ),
    steps: z.array(
      z.object({
        action: z.enum(bureauPolicyStepActionEnum.enumValues),
        actor: personSchema.nullable(),
        orgUnit: orgUnitRefSchema.nullable(),
        fromStatus: z.enum(APPROVAL_STATUSES).nullable(),
        toStatus: z.enum(APPROVAL_STATUSES),
        comment: z.string().nullable(),
        occurredAt: z.string(),
      }),
    ),
    permissions: policyPermissionsSchema,
  })
  .openapi('BureauPolicy');

export const publicPolicySummarySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    orgUnit: z.object({ code: z.string(), name: z.string() }),
    title: z.string(),
    versionNumber: z.number().int(),
    publishedAt: z.string().nullable(),
  })
  .openapi('PublicBureauPolicySummary');

export const publicPolicySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    orgUnit: z.object({ code: z.string(), name: z.string() }),
    versionNumber: z.number().int(),
    title: z.string(),
    vision: z.string(),
    priorityThemes: z.array(policyThemeSchema),
    clusters: z.array(z.object({ number: z.number().int(), name: z.string() })),
    kpis: z.array(policyKpiSchema),
    publishedAt: z.string().nullable(),
  })
  .openapi('PublicBureauPolicy');

export type Names = Map<string, string>;
export type ClusterLabels = Map<string, { id: string; number: number; name: string }>;

function person(id: string | null, names: Names) {
  return id ? { id, name: names.get(id) ?? '' } : null;
}

/** A reference to an org unit. */
export function orgUnitRef(node: OrgUnitNode | undefined, id: string) {
  return { id, code: node?.code ?? '', name: node?.name ?? '' };
}

/** The label of an approval status in both languages. */
export function statusLabel(status: ApprovalStatus) {
  return APPROVAL_STATUS_LABELS[status];
}

/** Shapes one version's content. */
export function presentVersion(
  version: BureauPolicyVersionRow,
  names: Names,
  clusters: ClusterLabels,
): z.infer<typeof policyVersionSchema> {
  return {
    versionNumber: version.versionNumber,
    status: version.status,
    statusLabel: statusLabel(version.status),
    title: version.title,
    vision: version.vision,
    priorityThemes: version.priorityThemes,
    clusters: version.clusterIds
      .map((id) => clusters.get(id))
      .filter((cluster) => cluster !== undefined)
      .sort((a, b) => a.number - b.number),
    kpis: version.kpis,
    revisionNote: version.revisionNote,
    drafter: person(version.drafterId, names),
    submittedAt: version.submittedAt?.toISOString() ?? null,
    approvedBy: person(version.approvedBy, names),
    approvedAt: version.approvedAt?.toISOString() ?? null,
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

/** Shapes a published version for the public: no people, no ids of anything but the policy. */
export function presentPublicPolicy(
  policy: { id: string; fiscalYear: number },
  version: BureauPolicyVersionRow,
  unit: OrgUnitNode | undefined,
  clusters: ClusterLabels,
): z.infer<typeof publicPolicySchema> {
  return {
    id: policy.id,
    fiscalYear: policy.fiscalYear,
    orgUnit: { code: unit?.code ?? '', name: unit?.name ?? '' },
    versionNumber: version.versionNumber,
    title: version.title,
    vision: version.vision,
    priorityThemes: version.priorityThemes,
    clusters: version.clusterIds
      .map((id) => clusters.get(id))
      .filter((cluster) => cluster !== undefined)
      .sort((a, b) => a.number - b.number)
      .map(({ number, name }) => ({ number, name })),
    kpis: version.kpis,
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

export const INBOX_TASKS = ['consult', 'approve', 'publish', 'redraft', 'submit'] as const;

export const inboxItemSchema = z
  .object({
    policyId: z.string().uuid(),
    fiscalYear: z.number().int(),
    orgUnit: orgUnitRefSchema,
    title: z.string(),
    versionNumber: z.number().int(),
    status: z.enum(APPROVAL_STATUSES),
    statusLabel: labelSchema,
    task: z.enum(INBOX_TASKS),
    consultAs: orgUnitRefSchema.nullable(),
    updatedAt: z.string(),
  })
  .openapi('BureauPolicyInboxItem');
