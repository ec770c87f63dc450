import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { notificationsApi } from '../../api/endpoints';
import type { AppNotification } from '../../api/types';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { useAsync } from '../../ui/useAsync';
import { useAuth } from '../auth/AuthProvider';
import { CalendarSubscribe } from '../appointment/CalendarSubscribe';
import { formatInstant } from '../appointment/visit';
import { refreshUnread } from './unreadNotifications';

/** The notification centre: newest first, live, mark one or all read, and whether they are also e-mailed. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useAsync(() => notificationsApi.list(false, 0, 50), []);
  const prefs = useAsync(() => notificationsApi.preferences(), []);
  const [error, setError] = useState<string | null>(null);

  useRealtimeEvent('notifications', (n) =>
    list.setData((prev) => (prev ? { ...prev, content: [n, ...prev.content], totalElements: prev.totalElements + 1 } : prev)),
  );

  async function act(action: () => Promise<void>, update: (n: AppNotification) => AppNotification) {
    setError(null);
    try {
      await action();
      list.setData((prev) => (prev ? { ...prev, content: prev.content.map(update) } : prev));
      await refreshUnread();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function setEmail(email: boolean) {
    setError(null);
    try {
      prefs.setData(await notificationsApi.setPreferences(email));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (list.loading && !list.data) return <Loading label={t('notifications.loading')} />;
  const items = list.data?.content ?? [];
  const now = new Date().toISOString();
  const home = user?.role === 'doctor' ? '/dashboard' : '/appointments';

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('notifications.title')}</h1>
        <button
          type="button"
          className="btn btn--ghost"
          disabled={!items.some((n) => !n.readAt)}
          onClick={() => act(() => notificationsApi.readAll(), (n) => ({ ...n, readAt: n.readAt ?? now }))}
        >
          {t('notifications.markAll')}
        </button>
      </div>
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      <ErrorBox>{error}</ErrorBox>
      {items.length === 0 ? (
        <Empty>{t('notifications.none')}</Empty>
      ) : (
        <ul className="stack" aria-label={t('notifications.title')}>
          {items.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? '' : ' notification--unread'}`}>
              <h2 className="notification__title">
                {n.title}
                {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}</span>}
              </h2>
              <p>{n.body}</p>
              <p className="muted small">
                <time dateTime={n.createdAt}>{formatInstant(n.createdAt)}</time>
                {n.appointmentId && (
                  <>
                    {' · '}
                    <Link to={home}>{t('notifications.see')}</Link>
                  </>
                )}
              </p>
              {!n.readAt && (
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => act(() => notificationsApi.read(n.id), (x) => (x.id === n.id ? { ...x, readAt: now } : x))}
                >
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="notify-settings">
        <h2 id="notify-settings">{t('notifications.settings')}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={prefs.data?.email ?? true}
            disabled={!prefs.data}
            onChange={(e) => void setEmail(e.target.checked)}
          />{' '}
          {t('notifications.byEmail')}
        </label>
        <CalendarSubscribe />
      </section>
    </section>
  );
}
