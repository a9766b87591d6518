import { describe, expect, it } from 'vitest';
import { diffJson } from './diff-json';

describe('diffJson', () => {
  it('lists changed, added, removed and unchanged fields by dotted path', () => {
    const rows = diffJson(
      { name: '広聴', group: { code: 'policy_program' }, tags: [1], old: true },
      { name: '広聴・相談事業', group: { code: 'policy_program' }, tags: [1, 2], added: 3 },
    );
    expect(rows).toEqual([
      { path: 'added', change: 'added', after: '3' },
      { path: 'group.code', change: 'unchanged', before: 'policy_program', after: 'policy_program' },
      { path: 'name', change: 'changed', before: '広聴', after: '広聴・相談事業' },
      { path: 'old', change: 'removed', before: 'true' },
      { path: 'tags', change: 'changed', before: '[1]', after: '[1,2]' },
    ]);
  });

  it('treats a missing before as a creation and a missing after as a deletion', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ path: 'a', change: 'added', after: '1' }]);
    expect(diffJson({ a: null }, null)).toEqual([{ path: 'a', change: 'removed', before: 'null' }]);
    expect(diffJson(null, null)).toEqual([]);
  });
});
