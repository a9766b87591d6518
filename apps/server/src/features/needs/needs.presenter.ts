import { z } from '@hono/zod-openapi';
import {
  maskPersonalData,
  NEED_CHANNEL_LABELS,
  NEED_CHANNELS,
  NEED_LINK_KINDS,
  NEED_SIDE_LABELS,
  NEED_SIDES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
} from '@totonoe/domain';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import type { NeedLinkRow, NeedRow } from './needs.queries.ts';

const labelSchema = z.object({ ja: z.string(), en: z.string() });
const unitRefSchema = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });

export const needLinkSchema = z
  .object({ kind: z.enum(NEED_LINK_KINDS), targetId: z.string().uuid(), label: z.string() })
  .openapi('NeedLink');

export const needSchema = z
  .object({
    id: z.string().uuid(),
    side: z.enum(NEED_SIDES),
    sideLabel: labelSchema,
    channel: z.enum(NEED_CHANNELS),
    channelLabel: labelSchema,
    body: z.string(),
    receivedOn: z.string(),
    fiscalYear: z.number().int(),
    orgUnit: unitRefSchema,
    status: z.enum(NEED_STATUSES),
    statusLabel: labelSchema,
    links: z.array(needLinkSchema),
    isPublic: z.boolean(),
    publicText: z.string().nullable(),
    /** What the public sees when the need is public: the public text or the body, masked. */
    publicPreview: z.string(),
    /** Null when the reader may not see personal data. */
    reporter: z.object({ name: z.string().nullable(), contact: z.string().nullable() }).nullable(),
    version: z.number().int(),
  })
  .openapi('Need');

export const publicNeedSchema = z
  .object({
    id: z.string().uuid(),
    side: z.enum(NEED_SIDES),
    sideLabel: labelSchema,
    channel: z.enum(NEED_CHANNELS),
    channelLabel: labelSchema,
    text: z.string(),
    receivedOn: z.string(),
    fiscalYear: z.number().int(),
    orgUnit: z.object({ name: z.string() }),
    clusters: z.array(z.object({ number: z.number().int(), name: z.string() })),
  })
  .openapi('PublicNeed');

/** What the public would read: the reform office's public text, or the verbatim text; phone numbers and e-mail addresses masked either way. */
export function publicTextOf(row: Pick<NeedRow, 'publicText' | 'body'>): string {
  return maskPersonalData(row.publicText?.trim() ? row.publicText : row.body);
}

/** Shapes a need for a signed-in reader; personal data only when they may see it. */
export function presentNeed(
  row: NeedRow,
  context: {
    tree: OrgUnitTree;
    links: NeedLinkRow[];
    labels: Map<string, string>;
    canSeePersonalData: boolean;
  },
): z.infer<typeof needSchema> {
  const unit = context.tree.byId.get(row.orgUnitId);
  return {
    id: row.id,
    side: row.side,
    sideLabel: NEED_SIDE_LABELS[row.side],
    channel: row.channel,
    channelLabel: NEED_CHANNEL_LABELS[row.channel],
    body: context.canSeePersonalData ? row.body : maskPersonalData(row.body),
    receivedOn: row.receivedOn,
    fiscalYear: row.fiscalYear,
    orgUnit: { id: row.orgUnitId, code: unit?.code ?? '', name: unit?.name ?? '' },
    status: row.status,
    statusLabel: NEED_STATUS_LABELS[row.status],
    links: context.links.map((link) => ({
      kind: link.kind,
      targetId: link.targetId,
      label: context.labels.get(link.targetId) ?? '',
    })),
    isPublic: row.isPublic,
    publicText: row.publicText,
    publicPreview: publicTextOf(row),
    reporter: context.canSeePersonalData ? { name: row.reporterName, contact: row.reporterContact } : null,
    version: row.version,
  };
}
