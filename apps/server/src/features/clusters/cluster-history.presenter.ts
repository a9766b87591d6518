import { z } from '@hono/zod-openapi';

export const CHANGE_FIELDS = ['number', 'name', 'group', 'kind', 'owners'] as const;

/** One field an event changed, as the history shows it: 「名称：旧 → 新」. */
export const clusterChangeSchema = z.object({
  field: z.enum(CHANGE_FIELDS),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ClusterChange = z.infer<typeof clusterChangeSchema>;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Owner lists are stored as [{id, name}]; the history shows their names. */
function ownerNames(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const names = value.map((owner) => textOf(record(owner).name)).filter((name) => name !== null);
  return names.length > 0 ? names.join('、') : null;
}

/**
 * What a renaming, regrouping, renumbering or change of owners changed, from the before and after
 * the event keeps; merges, splits, creation and retirement name their clusters instead.
 */
export function changesOf(kind: string, before: unknown, after: unknown): ClusterChange[] {
  const from = record(before);
  const to = record(after);
  const field = (name: 'number' | 'name' | 'group' | 'kind'): ClusterChange[] => {
    const change = { field: name, before: textOf(from[name]), after: textOf(to[name]) };
    return change.before === change.after ? [] : [change];
  };
  switch (kind) {
    case 'renamed':
      return field('name');
    case 'renumbered':
      return field('number');
    case 'regrouped':
      return [...field('group'), ...field('kind')];
    case 'owners_changed': {
      const change = { field: 'owners' as const, before: ownerNames(before), after: ownerNames(after) };
      return change.before === change.after ? [] : [change];
    }
    default:
      return [];
  }
}
