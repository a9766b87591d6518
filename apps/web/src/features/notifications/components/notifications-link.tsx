import { Link, useRouterState } from '@tanstack/react-router';
import { useUnreadNotificationCount } from '../api/notifications';
import { useNotificationText } from '../messages';

/**
 * The header's link to お知らせ with the unread count in words, the count in bold: what is seen is
 * what is read out (「お知らせ（未読3件）」), so the name never differs from the visible text.
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
      className={`link text-std-16N-170 ${isCurrent ? 'font-bold' : ''}`}
      aria-current={isCurrent ? 'page' : undefined}
    >
      {text('headerLink')}
      {count > 0 ? (
        <>
          {text('headerOpen')}
          <strong className="font-bold text-blue-1000">
            {text('headerBadge', { count: count > 99 ? '99+' : count })}
          </strong>
          {text('headerClose')}
        </>
      ) : null}
    </Link>
  );
}
