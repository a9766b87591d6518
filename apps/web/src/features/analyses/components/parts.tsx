import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { useAnalysisText } from '../messages';
import type { MeetingRef, ReviewStatus, Stage } from '../types';

/** A titled part of a page, with its heading tied to the region. */
export function Part({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 border-t border-solid-gray-300 pt-6">
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {title}
      </h2>
      {lead ? <p className="max-w-3xl text-std-16N-170 text-solid-gray-700">{lead}</p> : null}
      {children}
    </section>
  );
}

/** The stage as a text badge. */
export function StageBadge({ stage }: { stage: Stage }) {
  const text = useAnalysisText();
  return <Badge tone={stage === 'planned' ? 'inactive' : 'info'}>{text(`stage.${stage}`)}</Badge>;
}

/** The review status as a text badge; a returned report is marked as such in words, not only colour. */
export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const text = useAnalysisText();
  return (
    <Badge tone={status === 'returned' ? 'target' : status === 'draft' ? 'neutral' : 'info'}>
      {text(`review.${status}`)}
    </Badge>
  );
}

/** 第1回X会議（7月22日） */
export function meetingLabel(meeting: MeetingRef): string {
  return `${meeting.title}（${meeting.plannedLabel}）`;
}

/** Text kept as typed, line breaks included. */
export function TextBlock({ children }: { children: string }) {
  return <p className="whitespace-pre-wrap text-std-16N-175 text-solid-gray-800">{children}</p>;
}
