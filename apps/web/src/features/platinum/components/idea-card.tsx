import { Link } from '@tanstack/react-router';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePlatinumText } from '../messages';
import type { IdeaSummary } from '../types';
import { ProgressBadge, ThemeBadge } from './badges';
import { SupportButton } from './support-button';

/** One idea in a list: number, title, theme and progress, who wrote it (or 匿名), supports. */
export function IdeaCard({ idea }: { idea: IdeaSummary }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  return (
    <article className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4 md:flex-row md:items-start md:justify-between">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-dns-14N-130 text-solid-gray-700">
            {text('number', { number: idea.number })}
          </span>
          <ThemeBadge theme={idea.theme} />
          <ProgressBadge progress={idea.progress} />
          {/* Peers read 匿名の職員 in the byline; the author and the reform office are told it is hidden from others. */}
          {idea.isAnonymous && idea.author ? (
            <span className="text-dns-14N-130 text-solid-gray-700">（{text('anonymousToPeers')}）</span>
          ) : null}
        </div>
        <h3 className="text-std-18B-160 text-solid-gray-900">
          <Link to="/platinum/ideas/$ideaId" params={{ ideaId: idea.id }} className="link">
            {idea.title}
          </Link>
        </h3>
        <p className="text-std-16N-170 text-solid-gray-800">{idea.excerpt}</p>
        <p className="text-dns-14N-130 text-solid-gray-700">
          {text('byline', { name: idea.authorLabel[language] })}
          {idea.author?.orgUnitName ? `（${idea.author.orgUnitName}）` : ''}・
          {text('supports', { count: idea.supportCount })}・{text('comments', { count: idea.commentCount })}
        </p>
      </div>
      {idea.status === 'submitted' || idea.status === 'grouped' ? <SupportButton idea={idea} /> : null}
    </article>
  );
}
