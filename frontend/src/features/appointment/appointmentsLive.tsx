import { t as translate } from '../../i18n/i18n';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useLocation } from 'react-router';
import type { Appointment } from '../../api/types';
import { clockTime, formatDay, formatDayOf } from '../../lib/time';
import { useRealtimeEvent } from '../../realtime/hooks';
import { useAuth } from '../auth/AuthProvider';

export function upsertAppointment(list: Appointment[] | undefined, a: Appointment): Appointment[] {
  const rest = (list ?? []).filter((x) => x.id !== a.id);
  return [...rest, a].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}

export function isUpcoming(a: Appointment, now = Date.now()): boolean {
  return (a.status === 'pending' || a.status === 'scheduled') && new Date(a.endsAt).getTime() > now;
}

const PHRASED = new Set(['pending', 'scheduled', 'rejected', 'cancelled', 'completed']);

/** What the toast says: a doctor is asked to answer a new request; otherwise it says what happened. */
export function toastText(viewer: string, status: string, other: string, when: string): string {
  if (viewer === 'doctor' && status === 'pending') return translate('appt.newRequest', { other, when });
  return PHRASED.has(status)
    ? translate(`appt.phrase_${status}`, { other, when })
    : translate('appt.phrase_other', { other, when, status: translate(`common.status_${status}`, { defaultValue: status }) });
}

/** A short note when an appointment changes while you are elsewhere in the app. */
export function AppointmentsLive() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [note, setNote] = useState<{ id: number; appt: Appointment } | null>(null);

  const { pathname } = useLocation();
  const listPath = user?.role === 'doctor' ? '/dashboard' : '/appointments';

  useRealtimeEvent('appointments', (appt) => {
    if (!user) return;
    // On the list itself the change shows in place; a toast would only cover the page.
    if (pathname === listPath) return;
    setNote({ id: Date.now(), appt });
  });

  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 6000);
    return () => clearTimeout(timer);
  }, [note]);

  if (!note || !user) return null;
  const a = note.appt;
  const other = user.role === 'doctor' ? a.patient.name : a.doctor.name;
  const when = a.startsAt
    ? t('appt.at', { day: formatDayOf(a.startsAt), time: clockTime(a.startsAt) })
    : t('appt.at', { day: formatDay(a.date), time: a.startTime });
  return (
    <div className="toast toast--top" role="status">
      <p>
        {toastText(user.role, a.status, other, when)}{' '}
        <Link to={listPath}>{t('appt.view')}</Link>
      </p>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setNote(null)}>
        {t('appt.dismiss')}
      </button>
    </div>
  );
}
