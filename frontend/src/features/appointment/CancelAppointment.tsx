import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment, Role } from '../../api/types';
import { ErrorBox } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
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
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const other = viewer === 'patient' ? a.doctor.name : a.patient.name;

  if (viewer === 'patient' && !beforeDeadline(a)) {
    return (
      <p className="muted small" role="note">
        Free cancellation ended {a.cancellationDeadline ? formatInstant(a.cancellationDeadline) : ''}. To cancel or
        move this visit now, message {a.doctor.name}.
      </p>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(`Please give a reason; ${other} will see it.`);
      return;
    }
    setBusy(true);
    setError(null);
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
        Cancel appointment
      </button>
      {viewer === 'patient' && a.cancellationDeadline && (
        <span className="muted small">Free cancellation until {formatInstant(a.cancellationDeadline)}</span>
      )}
      {open && (
        <form className="panel form" onSubmit={submit} aria-label={`Cancel the appointment with ${other}`} noValidate>
          <Field label="Reason for cancelling">
            {(p) => <input {...p} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ErrorBox>{error}</ErrorBox>
          <div className="button-row">
            <button type="submit" className="btn btn--danger" disabled={busy}>
              Yes, cancel it
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
              Keep the appointment
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** Downloads the appointment's ICS file for the user's calendar. */
export function AddToCalendar({ appointment: a }: { appointment: Appointment }) {
  return (
    <a className="btn btn--ghost" href={visitApi.calendarUrl(a.id)} download={`appointment-${a.id}.ics`}>
      Add to calendar
    </a>
  );
}

/** Who cancelled and why, kept apart from the doctor's comment. */
export function CancellationNote({ appointment: a }: { appointment: Appointment }) {
  if (a.status !== 'cancelled' || !a.cancelledBy) return null;
  return (
    <p className="appt__comment">
      <span className="muted">Cancelled by the {a.cancelledBy}{a.cancellationReason ? ':' : '.'}</span>{' '}
      {a.cancellationReason}
    </p>
  );
}
