/**
 * Drafts kept in this browser until the server has them: every edit of a section is written to
 * localStorage at once, so nothing typed is lost when the network fails or the tab closes; a
 * successful save removes it.
 */

export type LocalDraft<T> = { value: T; baseVersion: number; savedAt: string };

const PREFIX = 'totonoe.analysis-draft';

function keyOf(analysisId: string, section: string): string {
  return `${PREFIX}:${analysisId}:${section}`;
}

/** The browser's localStorage; tests pass their own store. */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): DraftStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The draft of a section kept in this browser, or null. */
export function readLocalDraft<T>(
  analysisId: string,
  section: string,
  store: DraftStore | null = browserStorage(),
): LocalDraft<T> | null {
  const raw = store?.getItem(keyOf(analysisId, section));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as LocalDraft<T>;
    return typeof parsed.baseVersion === 'number' && 'value' in parsed ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps a section's draft, noting the version it was based on. */
export function writeLocalDraft<T>(
  analysisId: string,
  section: string,
  value: T,
  baseVersion: number,
  store: DraftStore | null = browserStorage(),
): void {
  try {
    store?.setItem(
      keyOf(analysisId, section),
      JSON.stringify({ value, baseVersion, savedAt: new Date().toISOString() } satisfies LocalDraft<T>),
    );
  } catch {
    // A full or blocked storage only loses the safety net, never the form.
  }
}

/** Forgets a section's draft (after the server has saved it, or when the person discards it). */
export function clearLocalDraft(
  analysisId: string,
  section: string,
  store: DraftStore | null = browserStorage(),
): void {
  try {
    store?.removeItem(keyOf(analysisId, section));
  } catch {
    // nothing to do
  }
}
