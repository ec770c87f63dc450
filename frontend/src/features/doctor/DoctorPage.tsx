import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { appointmentsApi, doctorsApi } from '../../api/endpoints';
import type { Appointment, AppointmentMode, Slot } from '../../api/types';
import { DAYS } from '../../api/types';
import { clockTime, formatDayOf } from '../../lib/time';
import { Avatar } from '../../ui/Avatar';
import { ErrorBox, Loading } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { StarRating } from '../../ui/Stars';
import { StatusBadge } from '../../ui/StatusBadge';
import { useAsync } from '../../ui/useAsync';
import { useAuth } from '../auth/AuthProvider';
import { SlotPicker, slotDoctorDate, slotLocalTime } from './SlotPicker';
import { WeeklyHours } from './WeeklyHours';
import { useRealtimeEvent } from '../../realtime/hooks';
import { BookingPolicyNote, DoctorReviews } from './DoctorReviews';

export function DoctorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const doctor = useAsync((signal) => doctorsApi.get(id, signal), [id]);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [mode, setMode] = useState<AppointmentMode>('video');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const bookingForm = useRef<HTMLFormElement>(null);
  // a new object per failed attempt, so the same mistake twice moves focus twice
  useFocusFirstInvalid(bookingForm, useMemo(() => (reasonError ? { reason: reasonError } : null), [reasonError, attempt]));
  // the confirmation follows the request: "Pending" turns into "Confirmed" or "Declined" as the doctor answers
  useRealtimeEvent('appointments', (a) => setBooked((b) => (b && b.id === a.id ? a : b)));

  if (doctor.loading) return <Loading page label={t('doctor.loading')} />;
  if (doctor.error != null || !doctor.data) {
    const notFound = doctor.error instanceof ApiError && doctor.error.status === 404;
    return (
      <section className="page">
        <h1>{notFound ? t('doctor.notFound') : t('doctor.couldNotLoad')}</h1>
        <ErrorBox onRetry={notFound ? undefined : doctor.reload}>{errorMessage(doctor.error)}</ErrorBox>
        <Link to="/doctors">{t('doctor.back')}</Link>
      </section>
    );
  }
  const d = doctor.data;
  const tz = d.timeZone || 'UTC';
  const schedule = [...(d.schedule ?? [])].sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day));

  async function book(e: FormEvent) {
    e.preventDefault();
    if (!slot) {
      setError(t('doctor.pickFirst'));
      return;
    }
    setBusy(true);
    setError(null);
    setReasonError(null);
    try {
      const appt = await appointmentsApi.book({ doctorId: d.id, date: slotDoctorDate(slot, tz), startTime: slot.startTime, mode, reason: reason.trim() });
      setBooked(appt);
      setSlot(null);
      setReason('');
      setRefreshKey((k) => k + 1);
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldError('reason');
        if (fe) setReasonError(fe);
        setAttempt((n) => n + 1);
        setError(
          err.status === 409
            ? t('doctor.justBooked')
            : fe && err.errors.length === 1
              ? null
              : err.userMessage,
        );
        if (err.status === 409 || err.status === 400) {
          setSlot(null);
          setRefreshKey((k) => k + 1);
        }
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page doctor-page">
      <header className="card doctor-profile">
        <Avatar name={d.name} src={d.profileImage} size={96} />
        <div>
          <h1>{d.name}</h1>
          <p className="doctor-card__spec">{d.specialization}</p>
          <p className="muted">
            {d.qualification} · {t('directory.experience', { count: d.experience })} · {t('doctor.timeZone', { zone: tz.replace(/_/g, ' ') })}
          </p>
          <StarRating average={d.rating?.average ?? 0} count={d.rating?.count ?? 0} />
          {d.about && <p className="doctor-profile__about">{d.about}</p>}
        </div>
      </header>

      <div className="two-col">
        <WeeklyHours schedule={schedule} timeZone={tz} />

        <section className="card" aria-labelledby="book-title">
          <h2 id="book-title">{t('doctor.book')}</h2>
          <SlotPicker
            doctorId={d.id}
            doctorTimeZone={tz}
            selected={slot}
            onSelect={(s) => {
              setSlot(s);
              setError(null);
              if (s) setBooked(null);
            }}
            refreshKey={refreshKey}
          />
          {booked && (
            <div className="notice notice--success" role="status">
              <p>
                {t('doctor.requestSent', { day: formatDayOf(booked.startsAt), time: clockTime(booked.startsAt) })}{' '}
                <StatusBadge status={booked.status} />
              </p>
              <p>
                {booked.status === 'pending' && t('doctor.willConfirm')}
                <Link to="/appointments">{t('doctor.seeMine')}</Link>
              </p>
            </div>
          )}
          {!user && (
            <p>
              <Link to={`/signin?next=${encodeURIComponent(`/doctors/${d.id}`)}`}>{t('doctor.signInToBook')}</Link>
              {t('doctor.toBook')}
            </p>
          )}
          {user?.role === 'doctor' && <p className="muted">{t('doctor.doctorsCannot')}</p>}
          {user?.role === 'patient' && (
            <form ref={bookingForm} className="form booking-form" onSubmit={book} noValidate aria-busy={busy}>
              <p className="booking-form__selected" aria-live="polite">
                {slot ? t('doctor.selected', { day: formatDayOf(slot.startsAt), time: slotLocalTime(slot) }) : t('doctor.noneSelected')}
              </p>
              <fieldset className="mode-choice">
                <legend>{t('doctor.type')}</legend>
                <label>
                  <input type="radio" name="mode" value="video" checked={mode === 'video'} onChange={() => setMode('video')} /> {t('doctor.video')}
                </label>
                <label>
                  <input type="radio" name="mode" value="chat" checked={mode === 'chat'} onChange={() => setMode('chat')} /> {t('doctor.chat')}
                </label>
              </fieldset>
              <Field label={t('doctor.reason')} error={reasonError ?? undefined} hint={t('doctor.reasonHint')}>
                {(p) => <textarea {...p} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
              </Field>
              <BookingPolicyNote doctor={d} slot={slot} />
              <ErrorBox>{error}</ErrorBox>
              <button type="submit" className="btn btn--primary btn--block" disabled={busy || !slot}>
                {t('doctor.bookButton')}
              </button>
            </form>
          )}
        </section>
      </div>
      <DoctorReviews doctorId={d.id} />
    </section>
  );
}
