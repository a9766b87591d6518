import { Link, useRouterState } from '@tanstack/react-router';
import { useUnreadNotificationCount } from '../api/notifications';
import { useNotificationText } from '../messages';

/**
 * The header's link to お知らせ with the unread count. Its accessible name begins with the visible
 * text and says the count in words (「お知らせ（未読3件）」); the number badge is for the eye only.
 */
export function NotificationsLink() {
  const text = useNotificationText();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const unread = useUnreadNotificationCount({ isEnabled: true });
  const count = unread.data ?? 0;
  const isCurrent = pathname === '/notifications';
  return (
    <Link
      to="/notifications"
      className={`link inline-flex items-center gap-2 text-std-16N-170 ${isCurrent ? 'font-bold' : ''}`}
      aria-current={isCurrent ? 'page' : undefined}
    >
      <span>{text('headerLink')}</span>
      {count > 0 ? (
        <>
          <span
            aria-hidden="true"
            className="inline-flex min-w-6 items-center justify-center rounded-full bg-blue-900 px-2 text-dns-14B-130 text-white no-underline"
          >
            {count > 99 ? '99+' : count}
          </span>
          <span className="sr-only">{text('headerUnread', { count })}</span>
        </>
      ) : null}
    </Link>
  );
}
