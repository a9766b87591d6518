import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient, isApiError } from '@/lib/api-client';
import { discardReportDraft, type ServerDraft, saveReportDraft } from '../api/drafts';
import type { Section } from '../types';

/** Where the autosave of a section stands; a failure is always shown, never swallowed. */
export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown }
  /** Someone else saved this section's draft (or the section itself) in between: autosave stops. */
  | { kind: 'taken' };

type TimerRef = { current: ReturnType<typeof setTimeout> | null };

function stopTimer(timer: TimerRef): void {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Saves a section's draft on the server after a pause in typing, with the draft's own version as
 * If-Match (0 for the first), so no version of the analysis is made per keystroke.
 */
export function useDraftAutosave<T>(options: {
  analysisId: string;
  section: Section;
  /** The version of the section's draft on the server when the editor opened (0: none). */
  initialVersion: number;
  /** When the server's draft shown at opening was saved, so the status says so from the start. */
  initialSavedAt?: string | undefined;
  /** The analysis version the text is typed against. */
  baseVersion: number;
  enabled: boolean;
  delayMs?: number;
}) {
  const { analysisId, section, baseVersion, enabled } = options;
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const version = useRef(options.initialVersion);
  const latest = useRef<{ form: T; base: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isSending = useRef(false);
  /** Bumped when the draft is reset or discarded, so a save still in flight then is undone. */
  const generation = useRef(0);
  const [state, setStateValue] = useState<AutosaveState>(
    options.initialSavedAt ? { kind: 'saved', at: options.initialSavedAt } : { kind: 'idle' },
  );
  const stateRef = useRef(state);
  const setState = useCallback((next: AutosaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    stopTimer(timer);
    const value = latest.current;
    if (!value || !enabled || stateRef.current.kind === 'taken') return;
    if (isSending.current) {
      timer.current = setTimeout(() => void flush(), delayMs);
      return;
    }
    isSending.current = true;
    latest.current = null;
    const startedIn = generation.current;
    setState({ kind: 'saving' });
    try {
      const saved: ServerDraft<T> = await saveReportDraft({
        analysisId,
        section,
        version: version.current,
        form: value.form,
        base: value.base,
        baseVersion,
      });
      if (startedIn !== generation.current) {
        // The section was saved or its draft discarded meanwhile: this late draft must not linger.
        await discardReportDraft({ analysisId, section, version: saved.version }).catch(() => undefined);
        return;
      }
      version.current = saved.version;
      setState(latest.current ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      if (startedIn !== generation.current) return;
      latest.current ??= value;
      setState(isApiError(error, 412) ? { kind: 'taken' } : { kind: 'failed', error });
    } finally {
      isSending.current = false;
      if (latest.current && stateRef.current.kind === 'pending') {
        timer.current = setTimeout(() => void flush(), delayMs);
      }
    }
  }, [analysisId, section, baseVersion, enabled, delayMs, setState]);

  /** Notes a change; the draft is saved once typing pauses. */
  const schedule = useCallback(
    (value: { form: T; base: T }) => {
      latest.current = value;
      if (!enabled || stateRef.current.kind === 'taken') return;
      if (stateRef.current.kind !== 'failed') setState({ kind: 'pending' });
      stopTimer(timer);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [enabled, delayMs, flush, setState],
  );

  /** Saves now (after a failure, or to overwrite someone else's draft after reading its version). */
  const retry = useCallback(
    async (options: { overwrite?: boolean } = {}) => {
      if (options.overwrite) {
        const drafts = await apiClient
          .get<{ items: ServerDraft[] }>(`/analyses/${encodeURIComponent(analysisId)}/drafts`)
          .catch(() => null);
        if (!drafts) {
          setState({ kind: 'failed', error: new Error('drafts') });
          return;
        }
        version.current = drafts.items.find((item) => item.section === section)?.version ?? 0;
        setState({ kind: 'pending' });
      }
      await flush();
    },
    [analysisId, section, flush, setState],
  );

  /**
   * Forgets the draft after the section was saved to the working copy. The save removed the
   * server's draft; one that an autosave wrote just after it is removed too (a 404 is expected).
   */
  const reset = useCallback(() => {
    generation.current += 1;
    stopTimer(timer);
    latest.current = null;
    const current = version.current;
    version.current = 0;
    setState({ kind: 'idle' });
    if (current > 0) {
      void discardReportDraft({ analysisId, section, version: current }).catch(() => undefined);
    }
  }, [analysisId, section, setState]);

  /** Throws the server's draft away (the person chose the saved text). */
  const discard = useCallback(async () => {
    generation.current += 1;
    stopTimer(timer);
    latest.current = null;
    const current = version.current;
    version.current = 0;
    setState({ kind: 'idle' });
    if (current > 0) {
      await discardReportDraft({ analysisId, section, version: current }).catch((error: unknown) => {
        // Already gone (saved or discarded elsewhere) is what was wanted.
        if (!isApiError(error, 404) && !isApiError(error, 412)) setState({ kind: 'failed', error });
      });
    }
  }, [analysisId, section, setState]);

  // Leaving the page saves what is waiting (best effort; the local copy stays either way).
  useEffect(
    () => () => {
      if (latest.current && timer.current) void flush();
      stopTimer(timer);
    },
    [flush],
  );

  return { state, schedule, retry, reset, discard };
}
