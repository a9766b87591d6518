import { Button } from '@/components/ui/button';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { AuditEvent, AuditSearch } from '../types';
import { diffJson } from '../utils/diff-json';
import { JsonDiff } from './json-diff';

type AuditEventsTableProps = {
  events: readonly AuditEvent[];
  total: number;
  /** Narrows the search to the actor or entity of a row. */
  onFilter: (search: AuditSearch) => void;
};

/** Audit events with when, who, what and a readable before/after comparison. */
export function AuditEventsTable({ events, total, onFilter }: AuditEventsTableProps) {
  const t = useT();
  const { language } = useLanguage();
  if (events.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('audit.none')}</p>;
  const headerClass = 'px-3 py-2 text-std-16B-170 whitespace-nowrap';
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170 text-solid-gray-800">
          {t('audit.caption', { total: formatCount(total, language) })}
        </caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className={headerClass}>
              {t('audit.column.occurredAt')}
            </th>
            <th scope="col" className={headerClass}>
              {t('audit.column.actor')}
            </th>
            <th scope="col" className={headerClass}>
              {t('audit.column.action')}
            </th>
            <th scope="col" className={headerClass}>
              {t('audit.column.entity')}
            </th>
            <th scope="col" className={headerClass}>
              {t('audit.column.changes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const changedCount = diffJson(event.before, event.after).filter(
              (row) => row.change !== 'unchanged',
            ).length;
            return (
              <tr key={event.id} className="border-b border-solid-gray-200 align-top">
                <th scope="row" className="px-3 py-3 font-normal whitespace-nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>
                </th>
                <td className="px-3 py-3">
                  {event.actor ? (
                    <div className="flex flex-col items-start gap-1">
                      <span lang="ja">{event.actor.displayName}</span>
                      <Button
                        variant="tertiary"
                        size="xs"
                        aria-label={t('audit.filterByActorNamed', { name: event.actor.displayName })}
                        onClick={() => event.actor && onFilter({ actorId: event.actor.id })}
                      >
                        {t('audit.filterByThis')}
                      </Button>
                    </div>
                  ) : (
                    t('audit.systemActor')
                  )}
                </td>
                <td className="px-3 py-3 font-mono">{event.action}</td>
                <td className="px-3 py-3">
                  <div className="flex flex-col items-start gap-1">
                    <span className="font-mono">{event.entityType}</span>
                    <span className="font-mono text-dns-14N-130 break-all text-solid-gray-700">
                      {event.entityId}
                    </span>
                    <Button
                      variant="tertiary"
                      size="xs"
                      aria-label={t('audit.filterByEntityNamed', {
                        type: event.entityType,
                        id: event.entityId,
                      })}
                      onClick={() => onFilter({ entityType: event.entityType, entityId: event.entityId })}
                    >
                      {t('audit.filterByThis')}
                    </Button>
                  </div>
                </td>
                <td className="min-w-[20rem] px-3 py-3">
                  {event.before === null && event.after === null ? (
                    <p className="text-std-16N-170 text-solid-gray-700">
                      {t('audit.diff.empty')}
                      <span className="block text-dns-14N-130">
                        {t('audit.requestId')}: <span className="font-mono">{event.requestId}</span>
                      </span>
                    </p>
                  ) : (
                    <details>
                      <summary className="text-blue-900 underline">
                        {t('audit.showChanges', { count: changedCount })}
                      </summary>
                      <div className="mt-3 flex flex-col gap-2">
                        <JsonDiff
                          before={event.before}
                          after={event.after}
                          caption={t('audit.diff.caption', { action: event.action, type: event.entityType })}
                        />
                        <p className="text-dns-14N-130 text-solid-gray-700">
                          {t('audit.requestId')}: <span className="font-mono">{event.requestId}</span>
                        </p>
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
