import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment, Role } from '../../api/types';
import { ErrorBox } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { beforeDeadline, formatInstant } from './visit';

/**
 * Cancelling asks first: a reason (which the other person sees) and a confirmation. A patient past the doctor's
 * free-cancellation deadline is told so before any click, and offered no button.
 */
export function CancelAppointment({
  appointment: a,
  viewer,
  onDone,
}: {
  appointment: Appointment;
  viewer: Role;
  onDone: (a: Appointment) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<{ reason: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, reasonError);
  const other = viewer === 'patient' ? a.doctor.name : a.patient.name;

  if (viewer === 'patient' && !beforeDeadline(a)) {
    return (
      <p className="muted small" role="note">
        {t('appt.freeEnded', { when: a.cancellationDeadline ? formatInstant(a.cancellationDeadline) : '', doctor: a.doctor.name })}
      </p>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError({ reason: t('appt.giveReason', { other }) });
      return;
    }
    setBusy(true);
    setError(null);
    setReasonError(null);
    try {
      onDone(await visitApi.cancel(a.id, reason.trim()));
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="btn btn--danger-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('appt.cancel')}
      </button>
      {viewer === 'patient' && a.cancellationDeadline && (
        <span className="muted small">{t('appt.freeUntil', { when: formatInstant(a.cancellationDeadline) })}</span>
      )}
      {open && (
        <form ref={formRef} className="panel form" onSubmit={submit} aria-label={t('appt.cancelWith', { other })} noValidate>
          <Field label={t('appt.cancelReason')} error={reasonError?.reason}>
            {(p) => <input {...p} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ErrorBox>{error}</ErrorBox>
          <div className="button-row">
            <button type="submit" className="btn btn--danger" disabled={busy}>
              {t('appt.yesCancel')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
              {t('appt.keep')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** Downloads the appointment's ICS file for the user's calendar. */
export function AddToCalendar({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn--ghost" href={visitApi.calendarUrl(a.id)} download={`appointment-${a.id}.ics`}>
      {t('appt.addToCalendar')}
    </a>
  );
}

/** Who cancelled and why, kept apart from the doctor's comment. */
export function CancellationNote({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  if (a.status !== 'cancelled' || !a.cancelledBy) return null;
  return (
    <p className="appt__comment">
      <span className="muted">
        {t(`appt.cancelledBy_${a.cancelledBy}`)}
        {a.cancellationReason ? ':' : '.'}
      </span>{' '}
      {a.cancellationReason}
    </p>
  );
}
