import { describe, expect, it } from 'vitest';
import { clearLocalDraft, type DraftStore, readLocalDraft, writeLocalDraft } from './local-draft';

function memoryStore(): DraftStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('drafts kept in the browser', () => {
  it('keeps a section until it is cleared', () => {
    const store = memoryStore();
    writeLocalDraft('a1', 'conclusion', { text: '下書き' }, 3, store);
    expect(readLocalDraft('a1', 'conclusion', store)).toMatchObject({
      value: { text: '下書き' },
      baseVersion: 3,
    });
    expect(readLocalDraft('a1', 'issues', store)).toBeNull();
    expect(readLocalDraft('a2', 'conclusion', store)).toBeNull();
    clearLocalDraft('a1', 'conclusion', store);
    expect(readLocalDraft('a1', 'conclusion', store)).toBeNull();
  });

  it('ignores damaged entries and works without storage', () => {
    const store = memoryStore();
    store.setItem('totonoe.analysis-draft:a1:conclusion', '{not json');
    expect(readLocalDraft('a1', 'conclusion', store)).toBeNull();
    expect(readLocalDraft('a1', 'conclusion', null)).toBeNull();
    expect(() => writeLocalDraft('a1', 'conclusion', {}, 1, null)).not.toThrow();
  });
});
