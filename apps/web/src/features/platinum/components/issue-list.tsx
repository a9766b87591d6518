import { Link } from '@tanstack/react-router';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePlatinumText } from '../messages';
import type { IssueSummary } from '../types';
import { DecisionBadge, ProgressBadge, ThemeBadge } from './badges';

/** Issues as a table: number, title, theme, status, ideas and supporters, scoring, bureau and due date. */
export function IssueTable({ issues, caption }: { issues: IssueSummary[]; caption: string }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-900">
            <th scope="col" className="p-2">
              No.
            </th>
            <th scope="col" className="p-2">
              {text('issueTitle')}
            </th>
            <th scope="col" className="p-2">
              {text('theme')}
            </th>
            <th scope="col" className="p-2">
              {text('progress')}
            </th>
            <th scope="col" className="p-2">
              {text('totalIdeas')}
            </th>
            <th scope="col" className="p-2">
              {text('totalSupporters')}
            </th>
            <th scope="col" className="p-2">
              {text('scoresTitle')}
            </th>
            <th scope="col" className="p-2">
              {text('orgUnit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id} className="border-b border-solid-gray-300 align-top">
              <td className="p-2">{issue.number}</td>
              <th scope="row" className="p-2 font-normal">
                <Link to="/platinum/issues/$issueId" params={{ issueId: issue.id }} className="link">
                  {issue.title}
                </Link>
              </th>
              <td className="p-2">
                <ThemeBadge theme={issue.theme} />
              </td>
              <td className="p-2">
                <div className="flex flex-wrap gap-1">
                  <ProgressBadge progress={issue.status} />
                  {issue.assignment?.decision ? <DecisionBadge decision={issue.assignment.decision} /> : null}
                </div>
              </td>
              <td className="p-2">{issue.ideaCount}</td>
              <td className="p-2">{issue.supporterCount}</td>
              <td className="p-2">{issue.scoreProgress ?? '—'}</td>
              <td className="p-2">
                {issue.assignment ? (
                  <>
                    {issue.assignment.orgUnit.name}
                    {issue.assignment.dueOn ? (
                      <span className="block text-dns-14N-130">
                        {text('dueLabel', {
                          date: formatDate(issue.assignment.dueOn, language, { weekday: false }),
                        })}
                        {issue.assignment.isOverdue ? (
                          <strong className="ml-1 text-error-2">（{text('overdue')}）</strong>
                        ) : null}
                      </span>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
