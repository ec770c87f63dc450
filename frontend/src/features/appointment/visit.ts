import { t } from '../../i18n/i18n';
import type { Appointment } from '../../api/types';
import { viewerLocale, viewerZone } from '../../lib/time';

/** Check-in opens this long before the start (the server's rule). */
export const CHECK_IN_OPENS_MS = 15 * 60 * 1000;

/** Whether the patient may join now: scheduled, from 15 minutes before the start until the end. */
export function canJoin(a: Appointment, now = Date.now()): boolean {
  if (a.status !== 'scheduled') return false;
  const start = Date.parse(a.startsAt);
  const end = Date.parse(a.endsAt);
  return now >= start - CHECK_IN_OPENS_MS && now < end;
}

/** Whether the patient can still cancel or reschedule without asking the doctor. */
export function beforeDeadline(a: Appointment, now = Date.now()): boolean {
  return !a.cancellationDeadline || now <= Date.parse(a.cancellationDeadline);
}

/** Whether the visit has begun, so the doctor may complete it. */
export function hasBegun(a: Appointment, now = Date.now()): boolean {
  return now >= Date.parse(a.startsAt);
}

/** "Tue 1 Dec, 09:00" in the viewer's zone. */
export function formatInstant(instant: string): string {
  return new Date(instant).toLocaleString(viewerLocale(), {
    timeZone: viewerZone(),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "4 min" / "1 h 5 min" since an instant. */
export function waitedFor(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60000));
  if (minutes < 60) return t('dashboard.waitedMinutes', { count: minutes });
  return t('dashboard.waitedHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
