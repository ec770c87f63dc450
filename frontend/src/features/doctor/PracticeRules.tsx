import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { ApiError, errorMessage } from '../../api/client';
import { api } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import type { Appointment, DoctorUser, TimeOffEntry } from '../../api/types';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { useAsync } from '../../ui/useAsync';
import { formatInstant } from '../appointment/visit';

/** The practice's booking rules, shown to patients before they book. */
export function PracticeRules() {
  const { t } = useTranslation();
  const me = useAsync(() => api.get<DoctorUser & { minimumNoticeMinutes?: number; cancellationWindowHours?: number }>('/api/doctors/me'), []);
  const [notice, setNotice] = useState('');
  const [window, setWindow] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

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
      setSaved(t('doctorProfile.rulesSaved'));
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(err.fieldErrors());
      setError(errorMessage(err));
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={submit} noValidate aria-labelledby="rules-title">
      <h2 id="rules-title">{t('doctorProfile.rules')}</h2>
      <div className="form-row">
        <Field label={t('doctorProfile.notice')} error={errors.minimumNoticeMinutes} hint={t('doctorProfile.noticeHint')}>
          {(p) => <input {...p} type="number" min={0} step={5} value={notice} onChange={(e) => setNotice(e.target.value)} />}
        </Field>
        <Field
          label={t('doctorProfile.window')}
          error={errors.cancellationWindowHours}
          hint={t('doctorProfile.windowHint')}
        >
          {(p) => <input {...p} type="number" min={0} step={1} value={window} onChange={(e) => setWindow(e.target.value)} />}
        </Field>
      </div>
      <ErrorBox>{error}</ErrorBox>
      <Notice>{saved}</Notice>
      <button type="submit" className="btn btn--primary">
        {t('doctorProfile.saveRules')}
      </button>
    </form>
  );
}

/** Date ranges without slots (holiday, conference), and the bookings already on them. */
export function TimeOffEditor() {
  const { t } = useTranslation();
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
      const answer = await visitApi.replaceTimeOff(entries.map((entry) => ({ ...entry, reason: entry.reason?.trim() || undefined })));
      setEntries(answer.timeOff);
      setAffected(answer.affected);
      setSaved(t('doctorProfile.timeOffSaved'));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card form" onSubmit={save} noValidate aria-labelledby="timeoff-title">
      <h2 id="timeoff-title">{t('doctorProfile.timeOff')}</h2>
      {entries.length === 0 && <p className="muted">{t('doctorProfile.noTimeOff')}</p>}
      {entries.map((entry, i) => (
        <fieldset key={i} className="form-row">
          <legend className="visually-hidden">{t('doctorProfile.timeOffN', { n: i + 1 })}</legend>
          <Field label={t('doctorProfile.from')}>{(p) => <input {...p} type="date" value={entry.from} onChange={(e) => update(i, { from: e.target.value })} />}</Field>
          <Field label={t('doctorProfile.to')}>{(p) => <input {...p} type="date" value={entry.to} onChange={(e) => update(i, { to: e.target.value })} />}</Field>
          <Field label={t('doctorProfile.reasonOptional')}>
            {(p) => <input {...p} value={entry.reason ?? ''} maxLength={200} onChange={(e) => update(i, { reason: e.target.value })} />}
          </Field>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setEntries((l) => l.filter((_, j) => j !== i))}>
            {t('doctorProfile.remove')}
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
          {t('doctorProfile.addTimeOff')}
        </button>
        <button type="submit" className="btn btn--primary">
          {t('doctorProfile.saveTimeOff')}
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      <Notice>{saved}</Notice>
      {affected.length > 0 && (
        <div role="status">
          <p>{t('doctorProfile.affected')}</p>
          <ul>
            {affected.map((a) => (
              <li key={a.id}>
                {a.patient.name}, {formatInstant(a.startsAt)} ({t(`common.status_${a.status}`)})
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
