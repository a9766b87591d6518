import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useMarkRead, useNotifications } from '../api/notifications';
import { useNotificationText } from '../messages';

/** お知らせ: the person's inbox, newest first; unread ones are marked in words as well as weight. */
export function NotificationsPage() {
  const text = useNotificationText();
  const { language } = useLanguage();
  const [page, setPage] = useState(1);
  const notifications = useNotifications({ page });
  const markRead = useMarkRead();
  const router = useRouter();
  useDocumentTitle(text('title'));
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? (
        <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : null}
      {notifications.data ? (
        <>
          <div className="flex flex-wrap items-center gap-4">
            <p role="status">{text('unreadCount', { count: notifications.data.unreadCount })}</p>
            {notifications.data.unreadCount > 0 ? (
              <Button variant="secondary" size="sm" onClick={() => markRead.mutate(null)}>
                {text('markAllRead')}
              </Button>
            ) : null}
          </div>
          {notifications.data.items.length === 0 ? <p>{text('empty')}</p> : null}
          <ul className="flex flex-col gap-3">
            {notifications.data.items.map((item) => {
              const isUnread = item.readAt === null;
              return (
                <li
                  key={item.id}
                  className={`flex flex-col gap-2 rounded-8 border p-4 ${isUnread ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-300'}`}
                >
                  <p className="text-dns-14N-130 text-solid-gray-700">
                    {isUnread ? <strong className="mr-2">{text('unread')}</strong> : null}
                    {formatDateTime(item.createdAt, language)}
                  </p>
                  <p className={isUnread ? 'text-std-16B-170' : 'text-std-16N-170'}>{item.title[language]}</p>
                  <div className="flex flex-wrap gap-4">
                    {item.link && /^\/(?![/\\])/.test(item.link) ? (
                      <a
                        href={item.link}
                        className="link"
                        onClick={(event) => {
                          event.preventDefault();
                          if (isUnread) markRead.mutate(item.id);
                          void router.navigate({ href: item.link ?? '/' });
                        }}
                      >
                        {text('open')}
                      </a>
                    ) : null}
                    {isUnread ? (
                      <Button variant="tertiary" size="xs" onClick={() => markRead.mutate(item.id)}>
                        {text('markRead')}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          <Pagination
            page={notifications.data.page}
            pageSize={notifications.data.pageSize}
            total={notifications.data.total}
            label={text('pagination')}
            onPageChange={setPage}
          />
        </>
      ) : null}
    </div>
  );
}
