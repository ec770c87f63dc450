/** Time helpers: the server speaks in the doctor's zone and in UTC instants; people read their own zone. */

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let displayZone: string | undefined;

/**
 * The zone every date and time is shown in: the signed-in user's own (patients and doctors both keep one), else the
 * browser's. AuthProvider sets it whenever the user changes.
 */
export function setDisplayZone(zone: string | null | undefined): void {
  displayZone = zone || undefined;
}

let displayLocale: string | undefined;

/** The UI's language (BCP 47), for every Intl format: dates read "Mi., 25. Nov. 2026" in German. i18n sets it. */
export function setDisplayLocale(locale: string | null | undefined): void {
  displayLocale = locale || undefined;
}

export function viewerLocale(): string | undefined {
  return displayLocale;
}

export function viewerZone(): string {
  return displayZone ?? browserTimeZone();
}

/** All IANA zones the browser knows, with the browser's own first if missing. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  let zones: string[] = [];
  try {
    zones = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  if (zones.length === 0) {
    zones = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];
  }
  const set = new Set(zones);
  set.add('UTC');
  set.add(browserTimeZone());
  return [...set].sort();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm` (24-hour) of an instant in a zone (default: the viewer's). */
export function clockTime(instant: string | Date, timeZone: string = viewerZone()): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(d);
  const h = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${h}:${m}`;
}

/** `YYYY-MM-DD` of an instant in a zone (default: the viewer's). */
export function isoDate(instant: Date = new Date(), timeZone: string = viewerZone()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** A readable date, e.g. "Wed, 25 Nov 2026", for a `YYYY-MM-DD` (zone-free). */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(displayLocale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Date and time of an instant in the viewer's zone, e.g. "Wed, 25 Nov 2026, 09:00". */
export function formatInstant(instant: string | null | undefined, timeZone: string = viewerZone()): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${new Intl.DateTimeFormat(displayLocale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(d)}, ${clockTime(d, timeZone)}`;
}

/** The calendar day of an instant in a zone, readable: the day a person in that zone lives it. */
export function formatDayOf(instant: string | Date, timeZone: string = viewerZone()): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return '';
  return formatDay(isoDate(d, timeZone));
}

/** A short date and time for tables on a phone, e.g. "25 Nov, 09:00" (the year only when it is not this one). */
export function formatShortInstant(instant: string | null | undefined, timeZone: string = viewerZone(), now: Date = new Date()): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const sameYear = isoDate(d, timeZone).slice(0, 4) === isoDate(now, timeZone).slice(0, 4);
  const day = new Intl.DateTimeFormat(displayLocale, { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', timeZone }).format(d);
  return `${day}, ${clockTime(d, timeZone)}`;
}

/** Whether two zones show different wall-clock times at an instant. */
export function zonesDiffer(a: string, b: string, at: Date = new Date()): boolean {
  if (a === b) return false;
  return clockTime(at, a) !== clockTime(at, b) || isoDate(at, a) !== isoDate(at, b);
}

export function dayOfWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

export function relativeTime(instant: string): string {
  const d = new Date(instant);
  const diff = Date.now() - d.getTime();
  const rtf = new Intl.RelativeTimeFormat(displayLocale, { numeric: 'auto', style: 'short' });
  if (diff < 60_000) return rtf.format(0, 'second');
  if (diff < 3_600_000) return rtf.format(-Math.floor(diff / 60_000), 'minute');
  if (isoDate(d) === isoDate(new Date())) return clockTime(d);
  return new Intl.DateTimeFormat(displayLocale, { day: 'numeric', month: 'short', timeZone: viewerZone() }).format(d);
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
