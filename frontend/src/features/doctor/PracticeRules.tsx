import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { api } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment, DoctorUser, TimeOffEntry } from '../../api/types';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';
import { formatInstant } from '../appointment/visit';

/** The practice's booking rules, shown to patients before they book. */
export function PracticeRules() {
  const me = useAsync(() => api.get<DoctorUser & { minimumNoticeMinutes?: number; cancellationWindowHours?: number }>('/api/doctors/me'), []);
  const [notice, setNotice] = useState('');
  const [window, setWindow] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (me.data) {
      setNotice(String(me.data.minimumNoticeMinutes ?? 120));
      setWindow(String(me.data.cancellationWindowHours ?? 24));
    }
  }, [me.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    setErrors({});
    try {
      await api.put('/api/doctors/me', {
        minimumNoticeMinutes: Number(notice),
        cancellationWindowHours: Number(window),
      });
      setSaved('Booking rules saved.');
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(err.fieldErrors());
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="rules-title">
      <h2 id="rules-title">Booking rules</h2>
      <div className="form-row">
        <Field label="Minimum notice (minutes)" error={errors.minimumNoticeMinutes} hint="Slots starting sooner are not offered.">
          {(p) => <input {...p} type="number" min={0} step={5} value={notice} onChange={(e) => setNotice(e.target.value)} />}
        </Field>
        <Field
          label="Free cancellation window (hours)"
          error={errors.cancellationWindowHours}
          hint="Patients cannot cancel or move a visit later than this before it starts."
        >
          {(p) => <input {...p} type="number" min={0} step={1} value={window} onChange={(e) => setWindow(e.target.value)} />}
        </Field>
      </div>
      <ErrorBox>{error}</ErrorBox>
      <Notice>{saved}</Notice>
      <button type="submit" className="btn btn--primary">
        Save booking rules
      </button>
    </form>
  );
}

/** Date ranges without slots (holiday, conference), and the bookings already on them. */
export function TimeOffEditor() {
  const current = useAsync(() => visitApi.timeOff(), []);
  const [entries, setEntries] = useState<TimeOffEntry[]>([]);
  const [affected, setAffected] = useState<Appointment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (current.data) {
      setEntries(current.data.timeOff);
      setAffected(current.data.affected);
    }
  }, [current.data]);

  function update(i: number, patch: Partial<TimeOffEntry>) {
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const answer = await visitApi.replaceTimeOff(entries.map((t) => ({ ...t, reason: t.reason?.trim() || undefined })));
      setEntries(answer.timeOff);
      setAffected(answer.affected);
      setSaved('Time off saved.');
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card form" onSubmit={save} noValidate aria-labelledby="timeoff-title">
      <h2 id="timeoff-title">Time off</h2>
      {entries.length === 0 && <p className="muted">No time off planned.</p>}
      {entries.map((t, i) => (
        <fieldset key={i} className="form-row">
          <legend className="visually-hidden">Time off {i + 1}</legend>
          <Field label="From">{(p) => <input {...p} type="date" value={t.from} onChange={(e) => update(i, { from: e.target.value })} />}</Field>
          <Field label="To">{(p) => <input {...p} type="date" value={t.to} onChange={(e) => update(i, { to: e.target.value })} />}</Field>
          <Field label="Reason (optional)">
            {(p) => <input {...p} value={t.reason ?? ''} maxLength={200} onChange={(e) => update(i, { reason: e.target.value })} />}
          </Field>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setEntries((l) => l.filter((_, j) => j !== i))}>
            Remove
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            const today = new Date().toISOString().slice(0, 10);
            setEntries((l) => [...l, { from: today, to: today, reason: '' }]);
          }}
        >
          Add time off
        </button>
        <button type="submit" className="btn btn--primary">
          Save time off
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      <Notice>{saved}</Notice>
      {affected.length > 0 && (
        <div role="status">
          <p>These bookings fall on your time off. Cancel them with a reason from your dashboard:</p>
          <ul>
            {affected.map((a) => (
              <li key={a.id}>
                {a.patient.name}, {formatInstant(a.startsAt)} ({a.status})
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
