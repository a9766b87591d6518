import { Link } from '@tanstack/react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useActionText } from '../messages';
import type { Action, DueState } from '../types';

/** 期限超過 / 期限間近 / 完了 in words with a symbol: colour is never the only cue. */
export function DueMark({ state }: { state: DueState }) {
  const at = useActionText();
  if (state === 'overdue') return <Badge tone="target">{`⚠ ${at('due.overdue')}`}</Badge>;
  if (state === 'due_soon') return <Badge tone="info">{`⏰ ${at('due.due_soon')}`}</Badge>;
  if (state === 'done') return <Badge tone="inactive">{`✓ ${at('due.done')}`}</Badge>;
  return null;
}

/** The actions as a table: instruction, meeting, owner, due date with its mark, status. */
export function ActionsTable({
  actions,
  onReport,
}: {
  actions: readonly Action[];
  onReport: (action: Action) => void;
}) {
  const at = useActionText();
  const { language } = useLanguage();
  if (actions.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{at('empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170">
          {at('caption', { count: actions.length })}
        </caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            {(
              ['column.instruction', 'column.meeting', 'column.owner', 'column.due', 'column.status'] as const
            ).map((key) => (
              <th key={key} scope="col" className="px-3 py-2 text-std-16B-170">
                {at(key)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{at('report')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id} className="border-b border-solid-gray-200 align-top">
              <th scope="row" lang="ja" className="max-w-xl px-3 py-3 font-normal">
                {action.body}
              </th>
              <td className="px-3 py-3" lang="ja">
                <Link to="/meetings/$meetingId" params={{ meetingId: action.meeting.id }} className="link">
                  {action.meeting.title}
                </Link>
              </td>
              <td className="px-3 py-3" lang="ja">
                {action.owner.name}
              </td>
              <td className="px-3 py-3">
                <span className="flex flex-col items-start gap-1">
                  <span className="whitespace-nowrap">
                    {formatDate(action.dueDate, language, { weekday: false })}
                  </span>
                  <DueMark state={action.dueState} />
                </span>
              </td>
              <td className="px-3 py-3">
                {action.statusLabel}
                {action.closedAtMeeting ? (
                  <span className="block text-solid-gray-700">{action.closedAtMeeting.title}</span>
                ) : null}
              </td>
              <td className="px-3 py-3">
                <Button
                  variant="secondary"
                  size="xs"
                  aria-label={at('reportLabel', { body: action.body.slice(0, 40) })}
                  onClick={() => onReport(action)}
                >
                  {at('report')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
