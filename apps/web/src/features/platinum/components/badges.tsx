import type { ReactNode } from 'react';
import { usePlatinumText } from '../messages';
import type { Decision, IdeaProgress, IssueStatus, Theme } from '../types';

const base = 'inline-flex items-center rounded-4 border px-2 py-0.5 text-dns-14N-130';

/** A theme, as text in a bordered box (the text carries the meaning, not the colour). */
export function ThemeBadge({ theme }: { theme: Theme }) {
  const text = usePlatinumText();
  return (
    <span className={`${base} border-blue-900 bg-blue-50 text-blue-1000`}>{text(`theme.${theme}`)}</span>
  );
}

/** Where an idea stands. */
export function ProgressBadge({ progress }: { progress: IdeaProgress | IssueStatus }) {
  const text = usePlatinumText();
  const isDone = progress === 'announced' || progress === 'implemented';
  const isStopped = progress === 'declined' || progress === 'withdrawn' || progress === 'hidden';
  const tone = isDone
    ? 'border-success-2 bg-green-50 text-solid-gray-900'
    : isStopped
      ? 'border-solid-gray-600 bg-solid-gray-100 text-solid-gray-800'
      : 'border-solid-gray-600 bg-white text-solid-gray-800';
  const key = progress === 'open' ? 'progress.grouped' : (`progress.${progress}` as const);
  return <span className={`${base} ${tone}`}>{text(key)}</span>;
}

/** The bureau's decision. */
export function DecisionBadge({ decision }: { decision: Decision }) {
  const text = usePlatinumText();
  return (
    <span className={`${base} border-solid-gray-900 bg-white font-bold text-solid-gray-900`}>
      {text(`decision.${decision}`)}
    </span>
  );
}

/** A labelled block of text that keeps the writer's line breaks and shows markup as text. */
export function TextBlock({ label, children }: { label: ReactNode; children: string }) {
  return (
    <div className="flex flex-col gap-1">
      <h3 className="text-std-17B-170 text-solid-gray-900">{label}</h3>
      <p className="whitespace-pre-wrap text-std-16N-170 text-solid-gray-800">{children || '—'}</p>
    </div>
  );
}
