import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { appointmentsApi } from '../../api/endpoints';
import type { Appointment, StatusChangeRequest } from '../../api/types';
import { isoDate } from '../../lib/time';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Empty, ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';
import { AppointmentCard } from '../appointment/AppointmentCard';
import { isUpcoming, upsertAppointment } from '../appointment/appointmentsLive';
import { loadAllAppointments } from '../appointment/loadAppointments';
import { useAuth } from '../auth/AuthProvider';
import { StartCallButton } from '../call/StartCallButton';
import { AddToCalendar, CancelAppointment, CancellationNote } from '../appointment/CancelAppointment';
import { formatInstant, hasBegun } from '../appointment/visit';
import { WaitingRoom } from './WaitingRoom';

export default function DoctorDashboardPage() {
  const { user } = useAuth();
  const list = useAsync(() => loadAllAppointments(), []);
  const [notice, setNotice] = useState<string | null>(null);
  useRealtimeEvent('appointments', (a) => list.setData((prev) => upsertAppointment(prev, a)));
  const replace = (a: Appointment) => list.setData((prev) => upsertAppointment(prev, a));

  if (list.loading && !list.data) return <Loading page label="Loading your consultations…" />;
  const all = list.data ?? [];
  const now = Date.now();
  const tz = user?.role === 'doctor' ? user.timeZone : undefined;
  const today = isoDate(new Date(), tz);
  const pending = all.filter((a) => a.status === 'pending' && isUpcoming(a, now));
  const scheduled = all.filter((a) => a.status === 'scheduled');
  const todays = scheduled.filter((a) => a.date === today);
  const later = scheduled.filter((a) => a.date > today);
  const overdue = scheduled.filter((a) => a.date < today);
  const done = all.filter((a) => a.status === 'completed').reverse().slice(0, 10);

  const section = (title: string, id: string, items: Appointment[], empty: string) => (
    <section aria-labelledby={id} className="dash-section">
      <h2 id={id}>
        {title} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ul className="stack">
          {items.map((a) => (
            <li key={a.id}>
              <DoctorAppointment appointment={a} onChange={replace} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section className="page">
      <div className="page__head">
        <h1>Dashboard</h1>
        <Link className="btn btn--ghost" to="/schedule">
          Edit weekly schedule
        </Link>
      </div>
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      {user?.role === 'doctor' && user.verification === 'pending' && (
        <Notice>
          Awaiting verification: an operator is checking your licence number. Patients find and book you once you are
          verified; meanwhile you can set up your profile and weekly schedule.
        </Notice>
      )}
      {user?.role === 'doctor' && user.verification === 'rejected' && (
        <ErrorBox>Your registration was not approved; we have e-mailed you the reason.</ErrorBox>
      )}
      <Notice>{notice}</Notice>
      <WaitingRoom />
      {section('Booking requests', 'pending-title', pending, 'No requests waiting for you.')}
      {section("Today's consultations", 'today-title', [...overdue, ...todays], 'Nothing scheduled for today.')}
      {section('Upcoming', 'upcoming-title', later, 'No later consultations yet.')}
      {done.length > 0 && section('Recently completed', 'done-title', done, '')}
    </section>
  );
}

interface ItemProps {
  appointment: Appointment;
  onChange: (a: Appointment) => void;
  onNotice: (m: string) => void;
}

function DoctorAppointment({ appointment: a, onChange, onNotice }: ItemProps) {
  const [comment, setComment] = useState('');
  const [notes, setNotes] = useState(a.notes ?? '');
  const [completing, setCompleting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(body: StatusChangeRequest, message: string) {
    setBusy(true);
    setError(null);
    try {
      onChange(await appointmentsApi.changeStatus(a.id, body));
      onNotice(message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function complete(e: FormEvent) {
    e.preventDefault();
    if (!notes.trim()) {
      setError('Write the visit notes before completing the visit.');
      return;
    }
    if (!confirming) {
      setError(null);
      setConfirming(true);
      return;
    }
    void change({ status: 'completed', notes: notes.trim() }, `Visit with ${a.patient.name} completed.`);
  }

  return (
    <AppointmentCard appointment={a} viewer="doctor">
      {a.status === 'pending' && (
        <div className="decision">
          <Field label="Comment (optional)">
            {(p) => <input {...p} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button
              type="button"
              className="btn btn--success"
              disabled={busy}
              onClick={() => change({ status: 'scheduled', comment: comment.trim() || undefined }, `Accepted ${a.patient.name}'s request.`)}
            >
              Accept
            </button>
            <button
              type="button"
              className="btn btn--danger-ghost"
              disabled={busy}
              onClick={() => change({ status: 'rejected', comment: comment.trim() || undefined }, `Rejected ${a.patient.name}'s request.`)}
            >
              Reject
            </button>
          </div>
        </div>
      )}
      {a.status === 'scheduled' && (
        <>
          {a.mode === 'video' && <StartCallButton peerId={a.patient.id} peerName={a.patient.name} />}
          <Link className="btn btn--ghost" to={`/messages/${a.patient.id}`}>
            Message {a.patient.name}
          </Link>
          <Link className="btn btn--ghost" to={`/patients/${a.patient.id}`}>
            Patient record
          </Link>
          {hasBegun(a) ? (
            <button type="button" className="btn btn--ghost" aria-expanded={completing} onClick={() => setCompleting((c) => !c)}>
              Complete visit
            </button>
          ) : (
            <span className="muted small">Can be completed from {formatInstant(a.startsAt)}</span>
          )}
          <AddToCalendar appointment={a} />
          <CancelAppointment
            appointment={a}
            viewer="doctor"
            onDone={(updated) => {
              onChange(updated);
              onNotice(`Appointment with ${a.patient.name} cancelled; they will see your reason.`);
            }}
          />
          {completing && (
            <form className="panel form" onSubmit={complete} aria-label={`Complete visit with ${a.patient.name}`} noValidate>
              <Field label="Visit notes">
                {(p) => (
                  <textarea
                    {...p}
                    rows={4}
                    value={notes}
                    onChange={(e) => {
                      setNotes(e.target.value);
                      setConfirming(false);
                    }}
                  />
                )}
              </Field>
              {confirming && <p role="alert">Complete this visit with these notes? This cannot be undone.</p>}
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {confirming ? 'Yes, complete the visit' : 'Mark as completed'}
              </button>
            </form>
          )}
        </>
      )}
      <CancellationNote appointment={a} />
      {a.status === 'completed' && (
        <Link className="btn btn--ghost" to={`/patients/${a.patient.id}`}>
          Patient record
        </Link>
      )}
      <ErrorBox>{error}</ErrorBox>
    </AppointmentCard>
  );
}
