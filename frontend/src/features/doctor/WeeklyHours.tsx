import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { ScheduleDay } from '../../api/types';
import { DAYS } from '../../api/types';
import { viewerLocale } from '../../lib/time';

/** MONDAY → "Monday" / "Montag" in the UI's language (1 Jan 2024 was a Monday). */
export const dayName = (d: string) =>
  new Intl.DateTimeFormat(viewerLocale(), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + Math.max(0, DAYS.indexOf(d as (typeof DAYS)[number])))));

/** Back-to-back slots read as one range: 09:00–12:00 rather than six half hours. */
export function mergeRanges(slots: { startTime: string; endTime: string }[]): string[] {
  const sorted = [...slots].sort((a, b) => a.startTime.localeCompare(b.startTime));
  const ranges: { from: string; to: string }[] = [];
  for (const s of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.to === s.startTime) last.to = s.endTime;
    else ranges.push({ from: s.startTime, to: s.endTime });
  }
  return ranges.map((r) => `${r.from}–${r.to}`);
}

/** Wide screens show the hours beside the booking form; on a phone they would push it two screens down. */
function wideScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 720px)').matches;
}

/** A doctor's weekly hours, in a disclosure that starts open on wide screens and closed on phones. */
export function WeeklyHours({ schedule, timeZone }: { schedule: ScheduleDay[]; timeZone: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(wideScreen);
  return (
    <section className="card weekly-hours-card" aria-label={t('doctor.weeklyHours')}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 className="weekly-hours-card__title">{t('doctor.weeklyHours')}</h2>
        </summary>
        {schedule.length === 0 ? (
          <p className="muted">{t('doctor.noHours')}</p>
        ) : (
          <dl className="weekly-hours">
            {schedule.map((day) => {
              const on = day.slots.filter((s) => s.isAvailable);
              return (
                <div key={day.day}>
                  <dt>{dayName(day.day)}</dt>
                  <dd>{on.length ? mergeRanges(on).join(', ') : t('doctor.closed')}</dd>
                </div>
              );
            })}
          </dl>
        )}
        <p className="muted small">{t('doctor.hoursZone', { zone: timeZone.replace(/_/g, ' ') })}</p>
      </details>
    </section>
  );
}
