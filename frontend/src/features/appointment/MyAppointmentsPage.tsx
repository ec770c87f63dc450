import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { appointmentsApi } from '../../api/endpoints';
import type { Appointment, Slot } from '../../api/types';
import { isoDate } from '../../lib/time';
import { useRealtimeEvent } from '../../realtime/hooks';
import { Empty, ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { StarInput } from '../../ui/Stars';
import { useAsync } from '../../ui/useAsync';
import { StartCallButton } from '../call/StartCallButton';
import { SlotPicker, slotDoctorDate } from '../doctor/SlotPicker';
import { AppointmentCard } from './AppointmentCard';
import { AddToCalendar, CancelAppointment, CancellationNote } from './CancelAppointment';
import { JoinVisit } from './JoinVisit';
import { beforeDeadline } from './visit';
import { isUpcoming, upsertAppointment } from './appointmentsLive';
import { loadAllAppointments } from './loadAppointments';

export default function MyAppointmentsPage() {
  const { t } = useTranslation();
  const list = useAsync(() => loadAllAppointments(), []);
  const [notice, setNotice] = useState<string | null>(null);

  useRealtimeEvent('appointments', (a) => list.setData((prev) => upsertAppointment(prev, a)));
  const replace = (a: Appointment) => list.setData((prev) => upsertAppointment(prev, a));

  if (list.loading && !list.data) return <Loading page label={t('myAppts.loading')} />;
  const all = list.data ?? [];
  const now = Date.now();
  const upcoming = all.filter((a) => isUpcoming(a, now));
  const past = all.filter((a) => !isUpcoming(a, now)).reverse();

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('myAppts.title')}</h1>
        <Link className="btn btn--primary" to="/doctors">
          {t('myAppts.find')}
        </Link>
      </div>
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      <Notice>{notice}</Notice>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('myAppts.upcoming')}</h2>
        {upcoming.some((a) => a.mode === 'video' && (a.status === 'pending' || a.status === 'scheduled')) && (
          <p className="muted">
            {t('deviceCheck.appointmentsText')}{' '}
            <Link to="/device-check" state={{ from: '/appointments' }}>
              {t('deviceCheck.link')}
            </Link>
          </p>
        )}
        {upcoming.length === 0 ? (
          <Empty>
            {t('myAppts.noUpcoming')} <Link to="/doctors">{t('myAppts.bookOne')}</Link>
          </Empty>
        ) : (
          <ul className="stack">
            {upcoming.map((a) => (
              <li key={a.id}>
                <PatientAppointment appointment={a} onChange={replace} onNotice={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('myAppts.past')}</h2>
        {past.length === 0 ? (
          <Empty>{t('myAppts.nothing')}</Empty>
        ) : (
          <ul className="stack">
            {past.map((a) => (
              <li key={a.id}>
                <PatientAppointment appointment={a} onChange={replace} onNotice={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

interface ItemProps {
  appointment: Appointment;
  onChange: (a: Appointment) => void;
  onNotice: (message: string) => void;
}

function PatientAppointment({ appointment: a, onChange, onNotice }: ItemProps) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<'none' | 'reschedule' | 'review'>('none');
  const [error] = useState<string | null>(null);
  const open = a.status === 'pending' || a.status === 'scheduled';
  const upcoming = isUpcoming(a);

  return (
    <AppointmentCard appointment={a} viewer="patient">
      <JoinVisit appointment={a} onChange={onChange} />
      {a.status === 'scheduled' && a.mode === 'video' && upcoming && <StartCallButton peerId={a.doctor.id} peerName={a.doctor.name} />}
      {a.status !== 'rejected' && a.status !== 'cancelled' && (
        <Link className="btn btn--ghost" to={`/messages/${a.doctor.id}`}>
          {t('myAppts.message', { name: a.doctor.name })}
        </Link>
      )}
      {open && upcoming && beforeDeadline(a) && (
        <button
          type="button"
          className="btn btn--ghost"
          aria-expanded={panel === 'reschedule'}
          onClick={() => setPanel(panel === 'reschedule' ? 'none' : 'reschedule')}
        >
          {t('myAppts.reschedule')}
        </button>
      )}
      {open && upcoming && <AddToCalendar appointment={a} />}
      {open && (
        <CancelAppointment
          appointment={a}
          viewer="patient"
          onDone={(updated) => {
            onChange(updated);
            onNotice(t('myAppts.cancelled', { name: a.doctor.name }));
          }}
        />
      )}
      <CancellationNote appointment={a} />
      {a.status === 'completed' && a.rating == null && (
        <button
          type="button"
          className="btn btn--ghost"
          aria-expanded={panel === 'review'}
          onClick={() => setPanel(panel === 'review' ? 'none' : 'review')}
        >
          {t('myAppts.writeReview')}
        </button>
      )}
      <ErrorBox>{error}</ErrorBox>
      {panel === 'reschedule' && (
        <ReschedulePanel
          appointment={a}
          onDone={(updated) => {
            onChange(updated);
            setPanel('none');
            onNotice(t('myAppts.moved'));
          }}
        />
      )}
      {panel === 'review' && (
        <ReviewForm
          appointment={a}
          onDone={(updated) => {
            onChange(updated);
            setPanel('none');
            onNotice(t('myAppts.thanks'));
          }}
        />
      )}
    </AppointmentCard>
  );
}

function ReschedulePanel({ appointment: a, onDone }: { appointment: Appointment; onDone: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!slot) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await appointmentsApi.reschedule(a.id, slotDoctorDate(slot, a.timeZone), slot.startTime));
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? t('myAppts.taken')
          : errorMessage(err),
      );
      setSlot(null);
      setRefresh((r) => r + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={t('myAppts.reschedule')}>
      <SlotPicker
        doctorId={a.doctor.id}
        doctorTimeZone={a.timeZone}
        initialDay={isoDate(new Date(a.startsAt))}
        selected={slot}
        onSelect={setSlot}
        refreshKey={refresh}
      />
      <ErrorBox>{error}</ErrorBox>
      <button type="submit" className="btn btn--primary" disabled={!slot || busy}>
        {t('myAppts.move')}
      </button>
    </form>
  );
}

function ReviewForm({ appointment: a, onDone }: { appointment: Appointment; onDone: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (rating < 1) {
      setFieldErrors({ rating: t('myAppts.chooseStars') });
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      onDone(await appointmentsApi.review(a.id, rating, text.trim() || undefined));
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setFieldErrors(err.fieldErrors());
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="panel form" onSubmit={submit} aria-label={t('myAppts.reviewOf', { name: a.doctor.name })} noValidate>
      <StarInput
        error={fieldErrors.rating}
        value={rating}
        onChange={(v) => {
          setRating(v);
          // the "choose stars" message is answered by choosing
          setFieldErrors(({ rating: _answered, ...rest }) => rest);
        }}
      />
      <Field label={t('myAppts.yourReview')} error={fieldErrors.review}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <ErrorBox>{error}</ErrorBox>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('myAppts.submitReview')}
      </button>
    </form>
  );
}
