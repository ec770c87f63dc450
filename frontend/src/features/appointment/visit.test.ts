import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../api/types';
import { beforeDeadline, canJoin, hasBegun, waitedFor } from './visit';

const start = Date.parse('2026-12-01T09:00:00Z');
const a = {
  status: 'scheduled',
  startsAt: '2026-12-01T09:00:00Z',
  endsAt: '2026-12-01T09:30:00Z',
  cancellationDeadline: '2026-11-30T09:00:00Z',
} as Appointment;

describe('visit rules in the UI', () => {
  it('offers Join from 15 minutes before the start until the end, only when scheduled', () => {
    expect(canJoin(a, start - 15 * 60 * 1000 - 1)).toBe(false);
    expect(canJoin(a, start - 15 * 60 * 1000)).toBe(true);
    expect(canJoin(a, start + 29 * 60 * 1000)).toBe(true);
    expect(canJoin(a, start + 30 * 60 * 1000)).toBe(false);
    expect(canJoin({ ...a, status: 'pending' }, start)).toBe(false);
  });

  it('knows the free-cancellation deadline and when the visit has begun', () => {
    expect(beforeDeadline(a, Date.parse('2026-11-30T08:59:00Z'))).toBe(true);
    expect(beforeDeadline(a, Date.parse('2026-11-30T09:01:00Z'))).toBe(false);
    expect(hasBegun(a, start - 1)).toBe(false);
    expect(hasBegun(a, start)).toBe(true);
  });

  it('says how long someone has waited', () => {
    expect(waitedFor('2026-12-01T08:50:00Z', start)).toBe('10 min');
    expect(waitedFor('2026-12-01T07:55:00Z', start)).toBe('1 h 5 min');
  });
});
