import { Link } from '@tanstack/react-router';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useClusterText } from '../messages';

type EventKind =
  | 'created'
  | 'renamed'
  | 'regrouped'
  | 'renumbered'
  | 'merged'
  | 'split'
  | 'retired'
  | 'owners_changed';

/** One line of a cluster's 変更の記録, as `/clusters/:id/history` gives it. */
export type ClusterEvent = {
  fiscalYear: number;
  kind: EventKind;
  relatedClusters: { id: string; number: number; name: string }[];
  /** What a rename, regrouping, renumbering or change of owners changed (older answers may lack it). */
  changes?: {
    field: 'number' | 'name' | 'group' | 'kind' | 'owners';
    before: string | null;
    after: string | null;
  }[];
  note: string;
  /** Who made the change; only signed-in readers are told. */
  actor: { displayName: string } | null;
  createdAt: string;
};

/**
 * 変更の記録: each change of a cluster on its own line — what it was and from which fiscal year,
 * what it changed (before → after), the clusters on the other side of a merge or split, the
 * reason, and who recorded it when.
 */
export function ClusterEventList({ events }: { events: readonly ClusterEvent[] }) {
  const text = useClusterText();
  const { language } = useLanguage();
  if (events.length === 0) return <p>{text('noEvents')}</p>;
  const separator = language === 'ja' ? '、' : ', ';
  return (
    <ol className="flex flex-col gap-3">
      {events.map((event, index) => {
        const at = formatDateTime(event.createdAt, language);
        return (
          <li
            // Lines of one change share their time; the kind and position tell them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: history lines have no id of their own
            key={`${event.createdAt}-${event.kind}-${index}`}
            className="flex flex-col gap-1 border-b border-solid-gray-200 pb-2"
          >
            <p className="text-std-17B-170">
              {text('eventFrom', {
                name: text(`event.${event.kind}`),
                year: fiscalYearLabel({ year: event.fiscalYear, label: '', isCurrent: false }, language),
              })}
            </p>
            {(event.changes ?? []).map((change) => (
              <p key={change.field} lang="ja">
                {text('eventChange', {
                  field: text(`field.${change.field}`),
                  before: change.before ?? text('eventNone'),
                  after: change.after ?? text('eventNone'),
                })}
              </p>
            ))}
            {event.relatedClusters.length > 0 ? (
              <p>
                {text('eventRelated')}
                {event.relatedClusters.map((related, at) => (
                  <span key={related.id}>
                    {at > 0 ? separator : ''}
                    <Link
                      to="/clusters/$clusterId"
                      params={{ clusterId: related.id }}
                      className="link"
                      lang="ja"
                    >
                      {related.number}. {related.name}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
            {event.note ? (
              <p className="whitespace-pre-wrap">{text('eventNote', { note: event.note })}</p>
            ) : null}
            <p className="text-std-16N-170 text-solid-gray-700">
              {event.actor
                ? text('eventBy', { actor: event.actor.displayName, at })
                : text('eventAt', { at })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
