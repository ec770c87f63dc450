import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { asList, doctorsApi, messagesApi } from '../../api/endpoints';
import type { Message } from '../../api/types';
import { clockTime, formatDay, isoDate } from '../../lib/time';
import { realtime } from '../../realtime/realtimeClient';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { ErrorBox, Loading } from '../../ui/Feedback';
import { useAuth } from '../auth/AuthProvider';
import { StartCallButton } from '../call/StartCallButton';
import { ACCEPTED_IMAGES, checkImage, uploadErrorMessage } from '../media/ImageUpload';
import { conversationsStore, useConversations } from './conversationsStore';
import { usePresence } from './presenceStore';

const PAGE = 30;
const TYPING_SEND_EVERY_MS = 2_000;
const TYPING_SHOW_MS = 3_000;
const MAX_TEXT = 4000;

function mergeMessages(existing: Message[], incoming: Message[]): Message[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, { ...byId.get(m.id), ...m });
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function isPageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** Resolves the other person's name and photo when no conversation exists yet. */
function usePeer(peerId: string) {
  const { user } = useAuth();
  const { conversations } = useConversations();
  const fromList = conversations?.find((c) => c.user.id === peerId)?.user;
  const [fetched, setFetched] = useState<{ name: string; profileImage?: string | null } | null>(null);
  useEffect(() => {
    if (fromList || !user) return;
    let live = true;
    // Never GET /api/patients/{id} here: that is a logged record read.
    const lookup =
      user.role === 'patient'
        ? doctorsApi.get(peerId).then((d) => ({ name: d.name, profileImage: d.profileImage }))
        : doctorsApi.myPatients().then((list) => {
            const p = asList(list).find((x) => x.id === peerId);
            return p ? { name: p.name, profileImage: p.profileImage } : null;
          });
    lookup.then(
      (p) => live && setFetched(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fromList, peerId, user]);
  return fromList ?? fetched;
}

/** `inCall`: shown beside a call with this person, so no way back to the list and no second call button. */
export function ConversationView({ peerId, inCall = false }: { peerId: string; inCall?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { user } = useAuth();
  const selfId = user?.id ?? '';
  const peer = usePeer(peerId);
  const peerName = peer?.name ?? t('messages.conversation');
  const presence = usePresence([peerId]);
  const online = presence.get(peerId);

  const [messages, setMessages] = useState<Message[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [peerTyping, setPeerTyping] = useState(false);
  const [text, setText] = useState('');
  const [image, setImage] = useState<File | null>(null);
  const [imagePreview, setImagePreview] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const scroller = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const stickToBottom = useRef(true);
  const restoreFrom = useRef<number | null>(null);
  const lastTypingSent = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputId = useId();
  const errorId = useId();

  // Mark read while this conversation is on screen.
  const markRead = useCallback(() => {
    if (!isPageVisible()) return;
    conversationsStore.markRead(peerId);
    messagesApi.markRead(peerId).catch(() => undefined);
  }, [peerId]);

  // The peer's latest read receipt. It can arrive before our own copy of the message it covers (the peer is pushed the
  // message while our POST is still answering), so it is applied to messages that come in afterwards as well.
  const peerReadAt = useRef<string | null>(null);
  const withPeerRead = useCallback(
    (list: Message[]) => {
      const at = peerReadAt.current;
      if (!at) return list;
      return list.map((m) => (m.senderId === selfId && !m.read && m.createdAt <= at ? { ...m, read: true, readAt: at } : m));
    },
    [selfId],
  );
  useEffect(() => {
    peerReadAt.current = null;
  }, [peerId]);

  useEffect(() => {
    conversationsStore.activeUserId = peerId;
    return () => {
      if (conversationsStore.activeUserId === peerId) conversationsStore.activeUserId = null;
    };
  }, [peerId]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setLoadError(null);
    messagesApi.history(peerId, undefined, PAGE).then(
      (page) => {
        if (!live) return;
        setMessages(mergeMessages([], page));
        setHasMore(page.length >= PAGE);
        setLoading(false);
        stickToBottom.current = true;
        if (page.some((m) => m.senderId === peerId && !m.read)) markRead();
      },
      (e) => {
        if (!live) return;
        setLoadError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [peerId, markRead]);

  useEffect(() => {
    const onVisible = () => {
      if (isPageVisible() && messages.some((m) => m.senderId === peerId && !m.read)) markRead();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [messages, peerId, markRead]);

  // Keep the view pinned to the bottom for new messages, and steady when older ones are prepended.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (restoreFrom.current !== null) {
      el.scrollTop += el.scrollHeight - restoreFrom.current;
      restoreFrom.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [messages, peerTyping]);

  const loadOlder = useCallback(async () => {
    if (loadingOlder || !hasMore || messages.length === 0) return;
    setLoadingOlder(true);
    try {
      const oldest = messages[0];
      const page = await messagesApi.history(peerId, oldest.id, PAGE);
      restoreFrom.current = scroller.current?.scrollHeight ?? null;
      setMessages((prev) => mergeMessages(prev, page));
      setHasMore(page.length >= PAGE);
    } catch (e) {
      setSendError(t('messages.olderFailed', { error: errorMessage(e) }));
    } finally {
      setLoadingOlder(false);
    }
  }, [hasMore, loadingOlder, messages, peerId]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 60) void loadOlder();
  }

  useRealtimeEvent('messages', (m) => {
    const ours = (m.senderId === peerId && m.receiverId === selfId) || (m.senderId === selfId && m.receiverId === peerId);
    if (!ours) return;
    setMessages((prev) => withPeerRead(mergeMessages(prev, [m])));
    if (m.senderId === peerId) {
      setPeerTyping(false);
      markRead();
    }
  });

  useRealtimeEvent('messages-read', (r) => {
    if (r.readerId !== peerId) return;
    if (!peerReadAt.current || r.readAt > peerReadAt.current) peerReadAt.current = r.readAt;
    setMessages((prev) => withPeerRead(prev));
  });

  useRealtimeEvent('typing', (t) => {
    if (t.from !== peerId) return;
    setPeerTyping(true);
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => setPeerTyping(false), TYPING_SHOW_MS);
  });
  useEffect(() => () => void (typingTimer.current && clearTimeout(typingTimer.current)), []);

  function onTextChange(value: string) {
    setText(value);
    const now = Date.now();
    if (value && now - lastTypingSent.current > TYPING_SEND_EVERY_MS) {
      lastTypingSent.current = now;
      realtime.publish('/app/typing', { to: peerId });
    }
  }

  function pickImage(file: File | undefined) {
    if (!file) return;
    const problem = checkImage(file);
    if (problem) {
      setSendError(problem);
      return;
    }
    setSendError(null);
    setImage(file);
    setImagePreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
    });
  }

  function clearImage() {
    // an error about the image goes with it
    setSendError(null);
    setImage(null);
    setImagePreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return null;
    });
    if (fileInput.current) fileInput.current.value = '';
  }

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const body = text.trim();
    if ((!body && !image) || sending) return;
    if (body.length > MAX_TEXT) {
      setSendError(t('messages.tooLong', { max: MAX_TEXT }));
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      const sent = image ? await messagesApi.sendImage(peerId, image, body || undefined) : await messagesApi.sendText(peerId, body);
      stickToBottom.current = true;
      setMessages((prev) => withPeerRead(mergeMessages(prev, [sent])));
      conversationsStore.onMessage(sent, selfId);
      setText('');
      clearImage();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setSendError(t('messages.onlyShared'));
      else if (image) setSendError(uploadErrorMessage(err));
      else setSendError(err instanceof ApiError ? err.fieldError('text') ?? err.userMessage : errorMessage(err));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  const lastReadOwnId = [...messages].reverse().find((m) => m.senderId === selfId && m.read)?.id;

  return (
    <section className="conversation-view card" aria-labelledby={titleId}>
      <header className="conversation-view__head">
        {!inCall && (
          <Link to="/messages" className="back-link">
            <span aria-hidden="true">‹</span> <span className="visually-hidden">{t('messages.back')}</span>
          </Link>
        )}
        <Avatar name={peerName} src={peer?.profileImage} size={40} online={online ?? null} />
        <div className="conversation-view__who">
          <h2 id={titleId}>{peerName}</h2>
          <p className="muted small" aria-live="polite">
            {peerTyping ? t('messages.typing') : online ? t('common.online') : online === false ? t('common.offline') : '\u00a0'}
          </p>
        </div>
        {!inCall && <StartCallButton peerId={peerId} peerName={peerName} />}
      </header>

      <div className="conversation-view__scroll" ref={scroller} onScroll={onScroll}>
        {loading && <Loading label={t('messages.loadingMessages')} />}
        {loadError != null && (
          <ErrorBox>
            {loadError instanceof ApiError && loadError.status === 404
              ? t('messages.onlyShared')
              : errorMessage(loadError)}
          </ErrorBox>
        )}
        {hasMore && !loading && (
          <button type="button" className="btn btn--ghost btn--small load-older" onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? t('common.loading') : t('messages.older')}
          </button>
        )}
        {!loading && !loadError && messages.length === 0 && <p className="muted center">{t('messages.sayHello')}</p>}
        {/* the log role sits on a wrapper: on the <ol> itself it would strip the list semantics from the items */}
        <div role="log" aria-label={t('messages.with', { name: peerName })}>
          <ol className="message-list">
            {messages.map((m, i) => {
              const mine = m.senderId === selfId;
              const day = isoDate(new Date(m.createdAt));
              const newDay = i === 0 || isoDate(new Date(messages[i - 1].createdAt)) !== day;
              return (
                <li key={m.id} className={`message-item${mine ? ' message-item--mine' : ''}`}>
                  {newDay && (
                    <p className="message-day" aria-hidden="true">
                      {formatDay(day)}
                    </p>
                  )}
                  <div className="message">
                    <span className="visually-hidden">{mine ? t('messages.you') : peerName}: </span>
                    {m.type === 'image' && m.image && (
                      <a href={m.image.url} target="_blank" rel="noreferrer">
                        <img className="message__image" src={m.image.url} alt={mine ? t('messages.imageFromYou') : t('messages.imageFrom', { name: peerName })} loading="lazy" />
                      </a>
                    )}
                    {m.text && <p className="message__text">{m.text}</p>}
                    <time className="message__time" dateTime={m.createdAt}>
                      {clockTime(m.createdAt)}
                    </time>
                  </div>
                  {mine && m.id === lastReadOwnId && <p className="message__receipt">{t('messages.read')}</p>}
                </li>
              );
            })}
          </ol>
        </div>
        {peerTyping && (
          <p className="typing" aria-hidden="true">
            {t('messages.isTyping', { name: peerName })}
          </p>
        )}
      </div>

      <form className="composer" onSubmit={send}>
        {image && (
          <div className="composer__attachment">
            {imagePreview && <img src={imagePreview} alt={t('messages.selectedImage')} />}
            <span>{image.name}</span>
            <button type="button" className="btn btn--ghost btn--small" onClick={clearImage}>
              {t('messages.removeImage')}
            </button>
          </div>
        )}
        {sendError && (
          <p className="field__error" id={errorId} role="alert">
            {sendError}
          </p>
        )}
        <div className="composer__row">
          <label className="btn btn--ghost composer__attach" title={t('messages.attach')}>
            <Icon name="paperclip" />
            <span className="visually-hidden">{t('messages.attach')}</span>
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPTED_IMAGES}
              className="visually-hidden"
              onChange={(e) => pickImage(e.target.files?.[0])}
            />
          </label>
          <label htmlFor={inputId} className="visually-hidden">
            {t('messages.message')}
          </label>
          <textarea
            id={inputId}
            rows={1}
            placeholder={t('messages.placeholder')}
            value={text}
            maxLength={MAX_TEXT}
            onChange={(e) => onTextChange(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={sendError ? errorId : undefined}
          />
          <button type="submit" className="btn btn--primary" disabled={sending || (!text.trim() && !image)}>
            {t('messages.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
