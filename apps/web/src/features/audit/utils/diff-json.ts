export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';

export type DiffRow = { path: string; change: DiffChange; before?: string; after?: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a JSON value by dotted path; arrays and scalars are leaves (shown as JSON). */
function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  into.set(prefix || '(value)', typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Compares the before and after images of an audit event field by field. A created record
 * (before null) lists everything as added; a deleted one, everything as removed.
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', left);
  if (after !== null && after !== undefined) flatten(after, '', right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.map((path) => {
    const beforeValue = left.get(path);
    const afterValue = right.get(path);
    if (beforeValue === undefined) return { path, change: 'added', after: afterValue };
    if (afterValue === undefined) return { path, change: 'removed', before: beforeValue };
    return {
      path,
      change: beforeValue === afterValue ? 'unchanged' : 'changed',
      before: beforeValue,
      after: afterValue,
    };
  });
}
