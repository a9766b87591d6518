import { Link } from '@tanstack/react-router';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useApprovalInbox } from '../api/bureau-policies';
import { usePolicyText } from '../messages';
import {
  captionClass,
  cellClass,
  headRowClass,
  rowClass,
  StatusBadge,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

/** 決裁箱: what waits for the signed-in user — a 合議 to answer, a draft to approve, a version to publish. */
export function InboxPage() {
  const text = usePolicyText();
  const { language } = useLanguage();
  const inbox = useApprovalInbox();
  useDocumentTitle(text('inbox'));
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('inboxLead')}>{text('inbox')}</PageHeading>
      <p>
        <Link to="/policies" className="link">
          {text('backToList')}
        </Link>
      </p>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data?.items.length === 0 ? <p>{text('inboxEmpty')}</p> : null}
      {inbox.data && inbox.data.items.length > 0 ? (
        <TableFrame>
          <table className={tableClass}>
            <caption className={captionClass}>{text('inbox')}</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className={thClass}>
                  {text('column.task')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.title')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.unit')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.status')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.updated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.items.map((item) => (
                <tr key={`${item.policyId}-${item.task}-${item.consultAs?.id ?? ''}`} className={rowClass}>
                  <td className={`${cellClass} text-std-16B-170`}>
                    {text(`task.${item.task}`, { unit: item.consultAs?.name ?? '' })}
                  </td>
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    <Link to="/policies/$policyId" params={{ policyId: item.policyId }} className="link">
                      {item.title}
                    </Link>
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {text('versionLabel', { number: item.versionNumber })}
                    </span>
                  </th>
                  <td className={cellClass} lang="ja">
                    {item.orgUnit.name}
                  </td>
                  <td className={cellClass}>
                    <StatusBadge status={item.status} label={item.statusLabel} />
                  </td>
                  <td className={cellClass}>{formatDate(item.updatedAt, language, { weekday: false })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </div>
  );
}
