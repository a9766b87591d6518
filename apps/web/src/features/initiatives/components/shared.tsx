import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { InitiativeHealth, InitiativeStatus, LocalizedText } from '../types';

export const tableClass = 'w-full border-collapse text-left text-std-16N-170';
export const captionClass = 'mb-2 text-left text-std-17B-170 text-solid-gray-800';
export const headRowClass = 'border-b-2 border-solid-gray-600';
export const thClass = 'px-3 py-2 text-std-16B-170';
export const rowClass = 'border-b border-solid-gray-200';
export const cellClass = 'px-3 py-3 align-top';

/** A table that scrolls sideways on narrow screens instead of squeezing. */
export function TableFrame({ children }: { children: ReactNode }) {
  return <div className="overflow-x-auto">{children}</div>;
}

/** The status as a badge; the words carry the meaning. */
export function StatusBadge({ status, label }: { status: InitiativeStatus; label: LocalizedText }) {
  const { language } = useLanguage();
  const tone =
    status === 'done' ? 'info' : status === 'stopped' || status === 'not_started' ? 'inactive' : 'neutral';
  return <Badge tone={tone}>{label[language]}</Badge>;
}

/** The health as a badge with a mark (○ △ ×) so colour is never the only cue. */
export function HealthBadge({ health, label }: { health: InitiativeHealth; label: LocalizedText }) {
  const { language } = useLanguage();
  const mark = health === 'on_track' ? '○' : health === 'at_risk' ? '△' : '×';
  const tone = health === 'delayed' ? 'target' : health === 'at_risk' ? 'neutral' : 'info';
  return (
    <Badge tone={tone}>
      <span aria-hidden="true">{mark} </span>
      {label[language]}
    </Badge>
  );
}

/** A section with a heading one level below the page's. */
export function Section({ title, children, id }: { title: ReactNode; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
