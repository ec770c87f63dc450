import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { doctorsApi } from '../../api/endpoints';
import { DAYS, type DayOfWeek, type ScheduleDay } from '../../api/types';
import { ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { useAuth } from '../auth/AuthProvider';
import { mapScheduleErrors, type ScheduleErrorMap } from './scheduleErrors';
import { dayName } from './WeeklyHours';

interface EditSlot {
  key: number;
  startTime: string;
  endTime: string;
  isAvailable: boolean;
}
interface EditDay {
  day: DayOfWeek;
  open: boolean;
  slots: EditSlot[];
}

let nextKey = 1;

function toMinutes(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}
function fromMinutes(n: number): string {
  const c = Math.min(Math.max(n, 0), 23 * 60 + 59);
  return `${String(Math.floor(c / 60)).padStart(2, '0')}:${String(c % 60).padStart(2, '0')}`;
}

function fromSchedule(schedule: ScheduleDay[] | undefined): EditDay[] {
  return DAYS.map((day) => {
    const found = schedule?.find((d) => d.day === day);
    return {
      day,
      open: !!found && found.slots.length > 0,
      slots: [...(found?.slots ?? [])]
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((s) => ({ key: nextKey++, startTime: s.startTime, endTime: s.endTime, isAvailable: s.isAvailable !== false })),
    };
  });
}

/** The days we send, and for each sent index the editor's day index (to place errors). */
function toSchedule(days: EditDay[]): { body: ScheduleDay[]; dayIndexOf: number[] } {
  const body: ScheduleDay[] = [];
  const dayIndexOf: number[] = [];
  days.forEach((d, i) => {
    if (!d.open || d.slots.length === 0) return;
    dayIndexOf.push(i);
    body.push({
      day: d.day,
      slots: d.slots.map((s, n) => ({ slotNumber: n + 1, startTime: s.startTime, endTime: s.endTime, isAvailable: s.isAvailable })),
    });
  });
  return { body, dayIndexOf };
}

export default function ScheduleEditorPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [days, setDays] = useState<EditDay[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<ScheduleErrorMap>({ at: {}, top: [] });
  const formRef = useRef<HTMLFormElement>(null);
  // the first slot that needs fixing gets focus (scrolled clear of the sticky Save bar by its scroll margin)
  useEffect(() => {
    if (Object.keys(errors.at).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!user) return;
    let live = true;
    setLoadError(null);
    doctorsApi.get(user.id).then(
      (d) => live && setDays(fromSchedule(d.schedule)),
      (e) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [user, tick]);

  if (loadError != null)
    return (
      <section className="page">
        <h1>{t('schedule.title')}</h1>
        <ErrorBox onRetry={() => setTick((n) => n + 1)}>{errorMessage(loadError)}</ErrorBox>
      </section>
    );
  if (!days) return <Loading label={t('schedule.loading')} />;

  const tz = user?.role === 'doctor' ? user.timeZone : 'UTC';

  function updateDay(i: number, patch: Partial<EditDay>) {
    setDays((ds) => ds!.map((d, n) => (n === i ? { ...d, ...patch } : d)));
    setSaved(null);
  }
  function updateSlot(i: number, key: number, patch: Partial<EditSlot>) {
    setDays((ds) => ds!.map((d, n) => (n === i ? { ...d, slots: d.slots.map((s) => (s.key === key ? { ...s, ...patch } : s)) } : d)));
    setSaved(null);
  }
  function addSlot(i: number) {
    const d = days![i];
    const last = d.slots[d.slots.length - 1];
    const start = last ? toMinutes(last.endTime) : 9 * 60;
    const length = last ? Math.max(toMinutes(last.endTime) - toMinutes(last.startTime), 15) : 30;
    updateDay(i, {
      open: true,
      slots: [...d.slots, { key: nextKey++, startTime: fromMinutes(start), endTime: fromMinutes(start + length), isAvailable: true }],
    });
  }
  function removeSlot(i: number, key: number) {
    const d = days![i];
    updateDay(i, { slots: d.slots.filter((s) => s.key !== key) });
  }
  function copyToWeekdays(i: number) {
    const source = days![i];
    setDays((ds) =>
      ds!.map((d, n) =>
        n < 5 && n !== i ? { ...d, open: source.open, slots: source.slots.map((s) => ({ ...s, key: nextKey++ })) } : d,
      ),
    );
    setSaved(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const { body, dayIndexOf } = toSchedule(days!);
    const missing = days!.some((d) => d.open && d.slots.some((s) => !s.startTime || !s.endTime));
    if (missing) {
      setErrors({ at: {}, top: [t('schedule.needsTimes')] });
      return;
    }
    setSaving(true);
    setErrors({ at: {}, top: [] });
    setSaved(null);
    try {
      await doctorsApi.updateSchedule(body);
      setSaved(t('schedule.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        const mapped = mapScheduleErrors(err.errors);
        // Translate the sent array's indexes back to the editor's days.
        const at: Record<string, string[]> = {};
        for (const [key, msgs] of Object.entries(mapped.at)) {
          const [sent, slot] = key.split('.');
          const dayIdx = dayIndexOf[Number(sent)];
          if (dayIdx === undefined) mapped.top.push(...msgs);
          else at[slot === undefined ? `${dayIdx}` : `${dayIdx}.${slot}`] = msgs;
        }
        const top = mapped.top.length || Object.keys(at).length ? mapped.top : [err.userMessage];
        setErrors({ at, top: Object.keys(at).length && !top.length ? [t('schedule.needsFixing')] : top });
      } else {
        setErrors({ at: {}, top: [errorMessage(err)] });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('schedule.title')}</h1>
        <Link to="/profile" className="btn btn--ghost">
          {t('schedule.zone', { zone: tz.replace(/_/g, ' ') })}
        </Link>
      </div>
      <p className="muted">{t('schedule.intro')}</p>
      <form ref={formRef} onSubmit={save} noValidate>
        <ol className="schedule">
          {days.map((d, i) => {
            const dayErrors = errors.at[`${i}`];
            const headingId = `day-${d.day}`;
            return (
              <li key={d.day} className={`card schedule-day${d.open ? '' : ' schedule-day--closed'}`} aria-labelledby={headingId}>
                <div className="schedule-day__head">
                  <h2 id={headingId}>{dayName(d.day)}</h2>
                  <label className="switch">
                    <input
                      type="checkbox"
                      checked={d.open}
                      onChange={(e) => (e.target.checked && d.slots.length === 0 ? addSlot(i) : updateDay(i, { open: e.target.checked }))}
                    />
                    <span>{t('schedule.openOn', { day: dayName(d.day) })}</span>
                  </label>
                </div>
                {dayErrors && (
                  <p className="field__error" role="alert">
                    {dayErrors.join(' ')}
                  </p>
                )}
                {d.open && (
                  <>
                    {d.slots.length === 0 && <p className="muted">{t('schedule.noSlots')}</p>}
                    <ul className="slot-rows">
                      {d.slots.map((s, n) => {
                        const slotErrors = errors.at[`${i}.${n}`];
                        const label = t('schedule.slotLabel', { day: dayName(d.day), n: n + 1 });
                        const errId = `err-${d.day}-${n}`;
                        return (
                          <li key={s.key} className={`slot-row${slotErrors ? ' slot-row--invalid' : ''}`} aria-label={label}>
                            <label>
                              <span className="visually-hidden">{label} </span>
                              {t('schedule.start')}
                              <input
                                type="time"
                                value={s.startTime}
                                step={300}
                                aria-invalid={slotErrors ? true : undefined}
                                aria-describedby={slotErrors ? errId : undefined}
                                onChange={(e) => updateSlot(i, s.key, { startTime: e.target.value })}
                              />
                            </label>
                            <label>
                              <span className="visually-hidden">{label} </span>
                              {t('schedule.end')}
                              <input
                                type="time"
                                value={s.endTime}
                                step={300}
                                aria-invalid={slotErrors ? true : undefined}
                                aria-describedby={slotErrors ? errId : undefined}
                                onChange={(e) => updateSlot(i, s.key, { endTime: e.target.value })}
                              />
                            </label>
                            <label className="switch">
                              <input
                                type="checkbox"
                                checked={s.isAvailable}
                                onChange={(e) => updateSlot(i, s.key, { isAvailable: e.target.checked })}
                              />
                              <span>
                                <span className="visually-hidden">{label} </span>
                                {t('schedule.bookable')}
                              </span>
                            </label>
                            <button type="button" className="btn btn--ghost btn--small" onClick={() => removeSlot(i, s.key)}>
                              {t('schedule.remove')}
                              <span className="visually-hidden"> {label}</span>
                            </button>
                            {slotErrors && (
                              <p className="field__error" id={errId}>
                                {slotErrors.join(' ')}
                              </p>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    <div className="button-row">
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => addSlot(i)} disabled={d.slots.length >= 20}>
                        {t('schedule.addSlot')}
                        <span className="visually-hidden">{t('schedule.onDay', { day: dayName(d.day) })}</span>
                      </button>
                      {i < 5 && d.slots.length > 0 && (
                        <button type="button" className="btn btn--ghost btn--small" onClick={() => copyToWeekdays(i)}>
                          {t('schedule.copy')}
                          <span className="visually-hidden">{t('schedule.fromDay', { day: dayName(d.day) })}</span>
                        </button>
                      )}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
        {/* the outcome shows beside the Save button, where the doctor is looking */}
        <div className="sticky-actions">
          <button type="submit" className="btn btn--primary" disabled={saving}>
            {saving ? t('common.saving') : t('schedule.save')}
          </button>
          {errors.top.length > 0 && <ErrorBox>{errors.top.join(' ')}</ErrorBox>}
          <Notice>{saved}</Notice>
        </div>
      </form>
    </section>
  );
}
