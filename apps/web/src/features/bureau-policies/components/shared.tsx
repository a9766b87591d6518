import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { ApprovalStatus, LocalizedText } from '../types';

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

/** The approval state as a badge; the words say it, the colour only repeats it. */
export function StatusBadge({ status, label }: { status: ApprovalStatus; label: LocalizedText }) {
  const { language } = useLanguage();
  const tone =
    status === 'published'
      ? 'info'
      : status === 'returned'
        ? 'target'
        : status === 'superseded' || status === 'draft'
          ? 'inactive'
          : 'neutral';
  return <Badge tone={tone}>{label[language]}</Badge>;
}

/** A section with a heading one level below the page's. */
export function Section({ title, children, id }: { title: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
