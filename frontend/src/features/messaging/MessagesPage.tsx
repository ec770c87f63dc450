import { useTranslation } from '../../i18n/useTranslation';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { Avatar } from '../../ui/Avatar';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { relativeTime } from '../../lib/time';
import { useAuth } from '../auth/AuthProvider';
import { conversationsStore, useConversations } from './conversationsStore';
import { ConversationView } from './ConversationView';
import { usePresence } from './presenceStore';
import { allMyPatients } from '../../api/endpoints';
import { useAsync } from '../../ui/useAsync';

export default function MessagesPage() {
  const { t } = useTranslation();
  const { userId } = useParams();
  const { user } = useAuth();
  const { conversations, loading, error } = useConversations();
  const presence = usePresence((conversations ?? []).map((c) => c.user.id));
  // A doctor's booked patients are listed before anyone has written, so the doctor can write first.
  const isDoctor = user?.role === 'doctor';
  const patients = useAsync((signal) => (isDoctor ? allMyPatients(signal) : Promise.resolve([])), [isDoctor]);
  const silent = (patients.data ?? []).filter((p) => !(conversations ?? []).some((c) => c.user.id === p.id));

  return (
    <section className={`page messages${userId ? ' messages--open' : ''}`}>
      <h1 className={userId ? 'visually-hidden' : undefined}>{t('messages.title')}</h1>
      <div className="messages__layout">
        <nav className="messages__list card" aria-label={t('messages.conversations')}>
          {loading && !conversations && <Loading label={t('messages.loadingConversations')} />}
          {error != null && <ErrorBox onRetry={() => void conversationsStore.load()}>{errorMessage(error)}</ErrorBox>}
          {conversations && conversations.length === 0 && silent.length === 0 && (
            <Empty>
              {t('messages.none')} {user?.role === 'patient' ? t('messages.nonePatient') : t('messages.noneDoctor')}
            </Empty>
          )}
          {conversations && conversations.length > 0 && (
            <ul className="conversation-list">
              {conversations.map((c) => {
                const last = c.lastMessage;
                const preview = last ? (last.type === 'image' ? (last.text ? t('messages.photoWith', { text: last.text }) : t('messages.photo')) : last.text ?? '') : '';
                const mine = last && last.senderId === user?.id;
                return (
                  <li key={c.user.id}>
                    <Link
                      to={`/messages/${c.user.id}`}
                      className={`conversation${c.user.id === userId ? ' conversation--active' : ''}`}
                      aria-current={c.user.id === userId ? 'page' : undefined}
                    >
                      <Avatar name={c.user.name} src={c.user.profileImage} size={44} online={presence.get(c.user.id) ?? null} />
                      <span className="conversation__body">
                        <span className="conversation__top">
                          <span className="conversation__name">{c.user.name}</span>
                          {last && <span className="conversation__time">{relativeTime(last.createdAt)}</span>}
                        </span>
                        <span className="conversation__preview">
                          {mine ? t('messages.youPrefix') : ''}
                          {preview}
                        </span>
                      </span>
                      {c.unreadCount > 0 && (
                        <span className="count-badge">
                          {c.unreadCount}
                          <span className="visually-hidden">{t('messages.unread')}</span>
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          {silent.length > 0 && (
            <>
              <h2 className="conversation-list__title">{t('messages.noMessagesYet')}</h2>
              <ul className="conversation-list">
                {silent.map((p) => (
                  <li key={p.id}>
                    <Link
                      to={`/messages/${p.id}`}
                      className={`conversation${p.id === userId ? ' conversation--active' : ''}`}
                      aria-current={p.id === userId ? 'page' : undefined}
                    >
                      <Avatar name={p.name} src={p.profileImage} size={44} />
                      <span className="conversation__body">
                        <span className="conversation__name">{p.name}</span>
                        <span className="conversation__preview">{t('messages.writeFirst')}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
        <div className="messages__view">
          {userId ? (
            <ConversationView key={userId} peerId={userId} />
          ) : (
            <div className="card messages__placeholder">
              <p className="muted">{t('messages.choose')}</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
