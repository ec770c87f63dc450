import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment } from '../../api/types';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Empty, ErrorBox } from '../../ui/Feedback';
import { useAsync } from '../../ui/useAsync';
import { formatInstant, waitedFor } from '../appointment/visit';
import { useOptionalCall } from '../call/CallProvider';

/**
 * The doctor's live waiting room: who checked in, since when, early or late. Admit starts the video call tied to the
 * appointment (or opens the chat of a chat-mode visit).
 */
export function WaitingRoom() {
  const { t } = useTranslation();
  const room = useAsync(() => visitApi.waitingRoom(), []);
  const call = useOptionalCall();
  const navigate = useNavigate();
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  useRealtimeEvent('appointments', (a) =>
    room.setData((prev) => {
      const others = (prev ?? []).filter((x) => x.id !== a.id);
      const waiting = a.status === 'scheduled' && !!a.checkedInAt;
      return (waiting ? [...others, a] : others).sort((x, y) => x.startsAt.localeCompare(y.startsAt));
    }),
  );

  function admit(a: Appointment) {
    setError(null);
    if (a.mode === 'chat') {
      navigate(`/messages/${a.patient.id}`);
      return;
    }
    const result = call?.startCall({ id: a.patient.id, name: a.patient.name }, 'video', a.id);
    if (result && !result.ok) setError(result.reason);
  }

  const waiting = room.data ?? [];
  return (
    <section aria-labelledby="waiting-title" className="dash-section">
      <h2 id="waiting-title">
        {t('dashboard.waitingRoom')} <span className="count">{waiting.length}</span>
      </h2>
      {room.error != null && <ErrorBox onRetry={room.reload}>{errorMessage(room.error)}</ErrorBox>}
      <ErrorBox>{error}</ErrorBox>
      {waiting.length === 0 ? (
        <Empty>{t('dashboard.nobody')}</Empty>
      ) : (
        <ul className="stack" aria-label={t('dashboard.waitingList')}>
          {waiting.map((a) => {
            const late = a.checkedInAt != null && Date.parse(a.checkedInAt) > Date.parse(a.startsAt);
            return (
              <li key={a.id} className="card waiting-entry">
                <p>
                  <strong>{a.patient.name}</strong> ·{' '}
                  {t('dashboard.waitingEntry', { when: formatInstant(a.startsAt), waited: a.checkedInAt ? waitedFor(a.checkedInAt, now) : '' })} (
                  {late ? t('dashboard.late') : t('dashboard.onTime')})
                </p>
                <button type="button" className="btn btn--primary" onClick={() => admit(a)}>
                  {t('dashboard.admit', { name: a.patient.name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
