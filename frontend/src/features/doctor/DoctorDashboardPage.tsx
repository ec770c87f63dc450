import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { appointmentsApi } from '../../api/endpoints';
import type { Appointment, StatusChangeRequest } from '../../api/types';
import { isoDate } from '../../lib/time';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Empty, ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
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
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useAsync(() => loadAllAppointments(), []);
  const [notice, setNotice] = useState<string | null>(null);
  useRealtimeEvent('appointments', (a) => list.setData((prev) => upsertAppointment(prev, a)));
  const replace = (a: Appointment) => list.setData((prev) => upsertAppointment(prev, a));

  if (list.loading && !list.data) return <Loading page label={t('dashboard.loading')} />;
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
        <h1>{t('dashboard.title')}</h1>
        <Link className="btn btn--ghost" to="/schedule">
          {t('dashboard.editSchedule')}
        </Link>
      </div>
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      {user?.role === 'doctor' && user.verification === 'pending' && (
        <Notice>
          {t('dashboard.awaiting')}
        </Notice>
      )}
      {user?.role === 'doctor' && user.verification === 'rejected' && (
        <ErrorBox>{t('dashboard.rejected')}</ErrorBox>
      )}
      <Notice>{notice}</Notice>
      <WaitingRoom />
      {section(t('dashboard.requests'), 'pending-title', pending, t('dashboard.noRequests'))}
      {section(t('dashboard.today'), 'today-title', [...overdue, ...todays], t('dashboard.nothingToday'))}
      {section(t('dashboard.upcoming'), 'upcoming-title', later, t('dashboard.noLater'))}
      {done.length > 0 && section(t('dashboard.recent'), 'done-title', done, '')}
    </section>
  );
}

interface ItemProps {
  appointment: Appointment;
  onChange: (a: Appointment) => void;
  onNotice: (m: string) => void;
}

function DoctorAppointment({ appointment: a, onChange, onNotice }: ItemProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [notes, setNotes] = useState(a.notes ?? '');
  const [completing, setCompleting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notesError, setNotesError] = useState<{ notes: string } | null>(null);
  const completeForm = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(completeForm, notesError);

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
      setNotesError({ notes: t('dashboard.notesFirst') });
      return;
    }
    setNotesError(null);
    if (!confirming) {
      setError(null);
      setConfirming(true);
      return;
    }
    void change({ status: 'completed', notes: notes.trim() }, t('dashboard.completedWith', { name: a.patient.name }));
  }

  return (
    <AppointmentCard appointment={a} viewer="doctor">
      {a.status === 'pending' && (
        <div className="decision">
          <Field label={t('dashboard.comment')}>
            {(p) => <input {...p} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button
              type="button"
              className="btn btn--success"
              disabled={busy}
              onClick={() => change({ status: 'scheduled', comment: comment.trim() || undefined }, t('dashboard.accepted', { name: a.patient.name }))}
            >
              {t('dashboard.accept')}
            </button>
            <button
              type="button"
              className="btn btn--danger-ghost"
              disabled={busy}
              onClick={() => change({ status: 'rejected', comment: comment.trim() || undefined }, t('dashboard.rejectedRequest', { name: a.patient.name }))}
            >
              {t('dashboard.reject')}
            </button>
          </div>
        </div>
      )}
      {a.status === 'scheduled' && (
        <>
          {a.mode === 'video' && <StartCallButton peerId={a.patient.id} peerName={a.patient.name} />}
          <Link className="btn btn--ghost" to={`/messages/${a.patient.id}`}>
            {t('dashboard.message', { name: a.patient.name })}
          </Link>
          <Link className="btn btn--ghost" to={`/patients/${a.patient.id}`}>
            {t('dashboard.record')}
          </Link>
          {hasBegun(a) ? (
            <button type="button" className="btn btn--ghost" aria-expanded={completing} onClick={() => setCompleting((c) => !c)}>
              {t('dashboard.complete')}
            </button>
          ) : (
            <span className="muted small">{t('dashboard.completableFrom', { when: formatInstant(a.startsAt) })}</span>
          )}
          <AddToCalendar appointment={a} />
          <CancelAppointment
            appointment={a}
            viewer="doctor"
            onDone={(updated) => {
              onChange(updated);
              onNotice(t('dashboard.cancelledWith', { name: a.patient.name }));
            }}
          />
          {completing && (
            <form ref={completeForm} className="panel form" onSubmit={complete} aria-label={t('dashboard.completeWith', { name: a.patient.name })} noValidate>
              <Field label={t('dashboard.notes')} error={notesError?.notes}>
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
              {confirming && <p role="alert">{t('dashboard.confirmComplete')}</p>}
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {confirming ? t('dashboard.yesComplete') : t('dashboard.markCompleted')}
              </button>
            </form>
          )}
        </>
      )}
      <CancellationNote appointment={a} />
      {a.status === 'completed' && (
        <Link className="btn btn--ghost" to={`/patients/${a.patient.id}`}>
          {t('dashboard.record')}
        </Link>
      )}
      <ErrorBox>{error}</ErrorBox>
    </AppointmentCard>
  );
}
