import { Link } from '@tanstack/react-router';
import { useDeferredValue } from 'react';
import { useSimilarIdeas } from '../api/ideas';
import { usePlatinumText } from '../messages';
import { ProgressBadge, ThemeBadge } from './badges';
import { SupportButton } from './support-button';

/** Ideas that look like the title being typed, in a polite live region; each can be supported at once. */
export function SimilarIdeas({ campaignId, text: typed }: { campaignId: string; text: string }) {
  const text = usePlatinumText();
  const deferred = useDeferredValue(typed);
  const similar = useSimilarIdeas(campaignId, deferred);
  const items = similar.data?.items ?? [];
  const hasQuery = Array.from(deferred.trim()).length >= 2;
  return (
    <section
      aria-labelledby="similar-heading"
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-4"
    >
      <h2 id="similar-heading" className="text-std-17B-170">
        {text('similarTitle')}
      </h2>
      <p className="text-dns-14N-130 text-solid-gray-700">{text('similarLead')}</p>
      <div aria-live="polite" aria-atomic="true">
        {hasQuery && similar.isSuccess && items.length === 0 ? (
          <p className="text-std-16N-170">{text('similarNone')}</p>
        ) : null}
        <ul className="flex flex-col gap-3">
          {items.map((idea) => (
            <li
              key={idea.id}
              className="flex flex-col gap-2 rounded-6 border border-solid-gray-300 bg-white p-3"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-dns-14N-130">{text('number', { number: idea.number })}</span>
                <ThemeBadge theme={idea.theme} />
                <ProgressBadge progress={idea.progress} />
                <span className="text-dns-14N-130 text-solid-gray-700">
                  {text('similarity', { value: Math.round(idea.similarity * 100) })}・
                  {text('supports', { count: idea.supportCount })}
                </span>
              </div>
              <Link
                to="/platinum/ideas/$ideaId"
                params={{ ideaId: idea.id }}
                className="link text-std-16B-170"
              >
                {idea.title}
              </Link>
              <SupportButton idea={idea} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
