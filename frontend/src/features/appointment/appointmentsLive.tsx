import { useEffect, useState } from 'react';
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

const PHRASE: Record<string, string> = {
  pending: 'is waiting for confirmation',
  scheduled: 'is confirmed',
  rejected: 'was declined',
  cancelled: 'was cancelled',
  completed: 'is completed',
};

/** What the toast says: a doctor is asked to answer a new request; otherwise it says what happened. */
export function toastText(viewer: string, status: string, other: string, when: string): string {
  if (viewer === 'doctor' && status === 'pending') return `New request from ${other} for ${when}: accept or decline it.`;
  return `Appointment with ${other} on ${when} ${PHRASE[status] ?? `is ${status}`}.`;
}

/** A short note when an appointment changes while you are elsewhere in the app. */
export function AppointmentsLive() {
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
    const t = setTimeout(() => setNote(null), 6000);
    return () => clearTimeout(t);
  }, [note]);

  if (!note || !user) return null;
  const a = note.appt;
  const other = user.role === 'doctor' ? a.patient.name : a.doctor.name;
  const when = a.startsAt ? `${formatDayOf(a.startsAt)} at ${clockTime(a.startsAt)}` : `${formatDay(a.date)} at ${a.startTime}`;
  return (
    <div className="toast toast--top" role="status">
      <p>
        {toastText(user.role, a.status, other, when)}{' '}
        <Link to={listPath}>View</Link>
      </p>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setNote(null)}>
        Dismiss
      </button>
    </div>
  );
}
