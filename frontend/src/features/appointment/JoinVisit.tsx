import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment } from '../../api/types';
import { ErrorBox } from '../../ui/Feedback';
import { DeviceCheck } from '../devicecheck/DeviceCheck';
import { canJoin, formatInstant, waitedFor } from './visit';

/**
 * The patient's way into a visit: from 15 minutes before, "Join" opens the device check (camera, microphone, speaker)
 * and its "Check in" checks in, with or without a working camera, and shows the waiting screen until the doctor admits
 * them (the call rings through the app's call dialog). A patient who already checked in and comes back lands on the
 * waiting screen again. A chat-mode visit checks in at once and opens the chat instead.
 */
export function JoinVisit({ appointment: a, onChange }: { appointment: Appointment; onChange: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checkingDevices, setCheckingDevices] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  if (!canJoin(a, now)) return null;

  async function join() {
    setBusy(true);
    setError(null);
    try {
      const updated = await visitApi.checkIn(a.id);
      setCheckingDevices(false);
      onChange(updated);
      if (a.mode === 'chat') navigate(`/messages/${a.doctor.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (a.checkedInAt) {
    return (
      <section className="panel waiting" aria-labelledby={`waiting-${a.id}`} role="status">
        <h4 id={`waiting-${a.id}`}>{t('appt.inWaitingRoom')}</h4>
        <p>
          {t('appt.willAdmit', { doctor: a.doctor.name, when: formatInstant(a.startsAt), waited: waitedFor(a.checkedInAt, now) })}
        </p>
        {a.mode === 'chat' ? (
          <button type="button" className="btn btn--primary" onClick={() => navigate(`/messages/${a.doctor.id}`)}>
            {t('appt.openChat')}
          </button>
        ) : (
          <p className="muted small">{t('appt.keepOpen')}</p>
        )}
      </section>
    );
  }

  if (checkingDevices) {
    return (
      <>
        <DeviceCheck continueLabel={t('appt.checkIn')} onContinue={join} onCancel={() => setCheckingDevices(false)} busy={busy} />
        <ErrorBox>{error}</ErrorBox>
      </>
    );
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--primary"
        onClick={a.mode === 'chat' ? join : () => setCheckingDevices(true)}
        disabled={busy}
      >
        {t('appt.join')}
      </button>
      <ErrorBox>{error}</ErrorBox>
    </>
  );
}
