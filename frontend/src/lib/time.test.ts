import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatDayOf, formatShortInstant, isoDate, setDisplayZone, viewerZone } from './time';

describe('time', () => {
  afterEach(() => setDisplayZone(null));

  it('gives the day of an instant in the zone it is shown in', () => {
    // Berlin Monday 16:00 = Tokyo Tuesday 00:00
    expect(isoDate(new Date('2026-12-07T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-08');
    expect(isoDate(new Date('2026-12-07T15:00:00Z'), 'Europe/Berlin')).toBe('2026-12-07');
    setDisplayZone('Asia/Tokyo');
    expect(viewerZone()).toBe('Asia/Tokyo');
    expect(formatDayOf('2026-12-07T15:00:00Z')).toBe(formatDay('2026-12-08'));
  });

  it('keeps table dates short: day, month and time, the year only when it differs', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const short = formatShortInstant('2026-11-25T09:00:00Z', 'UTC', now);
    expect(short).toMatch(/25/);
    expect(short).toMatch(/09:00$/);
    expect(short).not.toMatch(/2026/);
    expect(formatShortInstant('2025-11-25T09:00:00Z', 'UTC', now)).toMatch(/2025/);
  });
});
