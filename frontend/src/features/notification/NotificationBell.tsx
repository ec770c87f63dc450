import { useTranslation } from '../../i18n/useTranslation';
import { NavLink } from 'react-router';
import { useUnreadNotifications } from './unreadNotifications';

/** The bell in the header: a link to the notification centre, named with the unread count. */
export function NotificationBell({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const count = useUnreadNotifications(signedIn);
  if (!signedIn) return null;
  const label = count === 0 ? t('nav.notifications') : t('nav.notificationsUnread', { count });
  return (
    <NavLink to="/notifications" className="bell" aria-label={label} title={label}>
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="count-badge" aria-hidden="true" data-testid="notification-count">
          {count}
        </span>
      )}
    </NavLink>
  );
}
